import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/db/migrations';
import { buildCli, repositoryRoot } from '../helpers/spawn-cli';
import { useTempDir } from '../helpers/temp-dir';

// npm's global layout differs on Windows (.cmd shims); the command itself is the same file.
describe.skipIf(process.platform === 'win32')('npm install -g . from a checkout', () => {
  const temp = useTempDir();
  beforeAll(() => buildCli(), 60_000);

  it('gives a working `custodian` command outside the repository', () => {
    const prefix = temp.path('global');
    mkdirSync(join(prefix, 'lib'), { recursive: true });
    // --ignore-scripts: dist-cli/ is already built (npm ci built it; here, buildCli). Offline: a
    // folder install links the checkout and fetches nothing.
    const install = spawnSync('npm', ['install', '-g', repositoryRoot, '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
      encoding: 'utf8',
    });
    expect(install.status, install.stderr).toBe(0);

    // From an unrelated folder, with only the global bin folder and the machine's own Node on PATH.
    const systemNodeDir = dirname(spawnSync('sh', ['-c', 'command -v node'], { encoding: 'utf8', env: { PATH: '/usr/local/bin:/usr/bin:/bin' } }).stdout.trim() || process.execPath);
    const env = { PATH: [join(prefix, 'bin'), systemNodeDir, '/usr/bin', '/bin'].join(delimiter), HOME: temp.dir };
    const db = temp.path('register.sqlite');
    const run = (...args: string[]) => spawnSync('custodian', args, { cwd: temp.dir, encoding: 'utf8', env });
    expect(run('--version')).toMatchObject({ status: 0, stdout: '0.1.0\n', stderr: '' });
    expect(run('init', '--db', db)).toMatchObject({ status: 0, stdout: `Created register ${db} (schema ${latestSchemaVersion}).\n` });
    expect(run('add', 'organisation', '--legal-name', 'University of Exampleton', '--db', db).stdout).toMatch(/^Added organisation University of Exampleton/);
    expect(run('list', 'organisations', '--db', db).stdout).toContain('University of Exampleton');
  });
});
