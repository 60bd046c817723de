import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test, removed afterwards; returns a function that builds paths inside it. */
export function makeTempDir(prefix = 'custodian-test-'): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh temporary folder for each test of the enclosing describe block. */
export function useTempDir(prefix?: string): { path: (name: string) => string; readonly dir: string } {
  let current: ReturnType<typeof makeTempDir> | null = null;
  beforeEach(() => {
    current = makeTempDir(prefix);
  });
  afterEach(() => {
    current?.remove();
    current = null;
  });
  return {
    path: (name) => {
      if (!current) throw new Error('useTempDir paths exist only inside a test');
      return current.path(name);
    },
    get dir() {
      if (!current) throw new Error('useTempDir paths exist only inside a test');
      return current.dir;
    },
  };
}
