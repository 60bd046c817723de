import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../helpers/spawn-cli';

describe('npm start without an Electron binary', () => {
  it('says in one paragraph what is missing and how to point at a local build, with no stack trace', () => {
    // A folder with no Electron in it stands for a machine where the binary was never downloaded.
    const run = spawnSync(process.execPath, [join(repositoryRoot, 'scripts', 'start-electron.mjs')], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(repositoryRoot, 'test', 'fixtures') },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^npm start: No Electron binary is present/);
    expect(run.stderr).toContain('set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 build');
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});
