import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering is a lint error', () => {
  it('keeps core free of Node, Electron and the other layers', async () => {
    const messages = await restrictedImports(
      'core/workflow/probe.ts',
      "import { readFileSync } from 'node:fs';\nimport { app } from 'electron';\nimport { WritePath } from '../../db/writePath';\nimport { x } from '../../renderer/src/x';\nexport const all = [readFileSync, app, WritePath, x];\n",
    );
    expect(messages).toHaveLength(4);
    expect(messages.every((m) => m.includes('core/ is pure domain code'))).toBe(true);
  });

  it('keeps the renderer away from Node, Electron, db and server', async () => {
    const messages = await restrictedImports(
      'renderer/src/probe.ts',
      "import { join } from 'path';\nimport { Backend } from '../../electron/main/backend';\nimport { x } from '../../server/hub';\nexport const all = [join, Backend, x];\n",
    );
    expect(messages).toHaveLength(3);
  });

  it('lets only the shell files import electron', async () => {
    expect(await restrictedImports('electron/main/handlers/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restrictedImports('electron/main/index.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });

  it('allows core to be imported by every layer', async () => {
    expect(await restrictedImports('renderer/src/probe.ts', "import { contract } from '@core/api/contract';\nexport const c = contract;\n")).toHaveLength(0);
    expect(await restrictedImports('db/probe.ts', "import { foldCase } from '../core/workflow/fold';\nexport const f = foldCase;\n")).toHaveLength(0);
  });
});
