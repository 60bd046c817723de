import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('lint enforces the layers', () => {
  it('fails a shared/ file that imports fs, node:path, React or Electron', async () => {
    expect(await restrictedImportErrors("import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'shared/bad.ts')).toHaveLength(1);
    expect(await restrictedImportErrors("import { join } from 'node:path';\nexport const x = join;\n", 'shared/bad.ts')).not.toHaveLength(0);
    expect(await restrictedImportErrors("import { useState } from 'react';\nexport const x = useState;\n", 'shared/bad.ts')).toHaveLength(1);
    expect(await restrictedImportErrors("import { app } from 'electron';\nexport const x = app;\n", 'shared/bad.ts')).toHaveLength(1);
    expect(await restrictedImportErrors('export const x = document.title;\n', 'shared/bad.ts')).toHaveLength(1);
  });

  it('fails a renderer/ file that imports electron or a Node built-in', async () => {
    expect(await restrictedImportErrors("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'renderer/src/bad.tsx')).toHaveLength(1);
    expect(await restrictedImportErrors("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'renderer/src/bad.ts')).not.toHaveLength(0);
  });

  it('lets only the named entry files in electron/ import electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await restrictedImportErrors(code, 'electron/services/bad.ts')).toHaveLength(1);
    expect(await restrictedImportErrors(code, 'electron/db/bad.ts')).toHaveLength(1);
    expect(await restrictedImportErrors(code, 'electron/main/main.ts')).toHaveLength(0);
    expect(await restrictedImportErrors(code, 'electron/main/preload.ts')).toHaveLength(0);
  });

  it('accepts pure code in shared/', async () => {
    expect(await restrictedImportErrors("import { z } from 'zod';\nexport const s = z.string();\n", 'shared/good.ts')).toEqual([]);
  });
});
