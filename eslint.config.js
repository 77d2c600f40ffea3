import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const layer = (dirs) => dirs.flatMap((d) => [`**/${d}/**`, `../${d}/**`, `../../${d}/**`, `../../../${d}/**`]);

/** Layering is an error, not a convention: see docs/architecture.md. */
const restrict = (forbiddenDirs, extraPaths, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: extraPaths.map((name) => ({ name, message })),
      patterns: forbiddenDirs.length > 0 ? [{ group: layer(forbiddenDirs), message }] : [],
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.scratch/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Only the Electron shell may import electron.
      ...restrict([], ['electron'], 'Only electron/main/index.ts, electron/main/windows.ts and electron/preload/index.ts import electron.'),
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: restrict(['electron', 'db', 'renderer', 'server'], ['electron', ...nodeBuiltins], 'core/ is pure domain code: no I/O, no Node, no Electron, no other layer.'),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: restrict(['electron', 'db', 'server'], ['electron', ...nodeBuiltins], 'The renderer talks to the backend only through the typed API client.'),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(['electron', 'renderer', 'server'], ['electron'], 'db/ persists; it does not know the shell, the UI or the hub.'),
  },
  {
    files: ['electron/main/index.ts', 'electron/main/windows.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
