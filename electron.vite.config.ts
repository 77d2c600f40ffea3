import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // index: the Electron main process; web: the same backend behind the HTTP bridge, for plain Node.
        input: { index: resolve(root, 'electron/main/index.ts'), web: resolve(root, 'electron/main/web.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    resolve: { alias: { '@core': resolve(root, 'core') } },
    plugins: [vue()],
    server: {
      // `npm run dev:web` serves the renderer with hot reload and forwards the API to a running bridge.
      proxy: { '/api': { target: `http://127.0.0.1:${process.env.GRIDDESK_PORT ?? 7420}`, changeOrigin: true } },
    },
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
      chunkSizeWarningLimit: 2000,
    },
  },
});
