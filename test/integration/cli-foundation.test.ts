import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/db/migrations';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const oneLine = (text: string) => expect(text.trimEnd().split('\n')).toHaveLength(1);

describe('custodian init / check / backup', () => {
  const temp = useTempDir();


  it('init creates a register that check then passes (exit 0)', async () => {
    const db = temp.path('a.sqlite');
    const init = await runCliCaptured(['init', '--db', db]);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain(`Created register ${db}`);
    const check = await runCliCaptured(['check', '--db', db]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`Schema: ${latestSchemaVersion} (current)`);
    expect(check.stdout).toContain('Integrity: ok');
    const again = await runCliCaptured(['init', '--db', db]);
    expect(again.stdout).toContain('is up to date');
  });

  it('finds the register through CUSTODIAN_DB when --db is absent', async () => {
    const db = temp.path('env.sqlite');
    expect((await runCliCaptured(['init'], { CUSTODIAN_DB: db })).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const json = await runCliCaptured(['check', '--json'], { CUSTODIAN_DB: db });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, upToDate: true, path: db });
  });

  it('refuses a newer register with exit 2, one line, file unchanged', async () => {
    const db = temp.path('newer.sqlite');
    await runCliCaptured(['init', '--db', db]);
    const raw = new BetterSqlite3(db);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    const before = sha(db);
    for (const command of ['init', 'check']) {
      const run = await runCliCaptured([command, '--db', db]);
      expect(run.code).toBe(2);
      oneLine(run.stderr);
      expect(run.stderr).toMatch(/^custodian: .*newer Custodian/);
    }
    expect(sha(db)).toBe(before);
  });

  it('refuses random bytes with exit 2, one line, file unchanged', async () => {
    const file = temp.path('random.sqlite');
    writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 251)));
    const before = sha(file);
    for (const command of ['init', 'check']) {
      const run = await runCliCaptured([command, '--db', file]);
      expect(run.code).toBe(2);
      oneLine(run.stderr);
      expect(run.stderr).not.toMatch(/\bat\s.*\(/); // no stack trace
    }
    expect(sha(file)).toBe(before);
  });

  it('check reports a register that needs migrating with exit 1', async () => {
    const db = temp.path('old.sqlite');
    const raw = new BetterSqlite3(db);
    raw.pragma('application_id = 1129665364');
    raw.close();
    const run = await runCliCaptured(['check', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('run "custodian init" to migrate');
  });

  it('check of a missing register says how to create one (exit 2)', async () => {
    const run = await runCliCaptured(['check', '--db', temp.path('none.sqlite')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('custodian init');
  });

  it('backup writes a consistent copy that check accepts, and will not overwrite without --force', async () => {
    const db = temp.path('live.sqlite');
    await runCliCaptured(['init', '--db', db]);
    const live = new BetterSqlite3(db);
    live.prepare("INSERT INTO settings (key, value) VALUES ('displayName', '\"Sam\"')").run();
    const copy = temp.path('copy.sqlite');
    const run = await runCliCaptured(['backup', copy, '--db', db]);
    live.close();
    expect(run.code).toBe(0);
    expect((await runCliCaptured(['check', '--db', copy])).code).toBe(0);
    const reader = new BetterSqlite3(copy, { readonly: true });
    expect(reader.prepare("SELECT value FROM settings WHERE key = 'displayName'").get()).toEqual({ value: '"Sam"' });
    reader.close();
    const refused = await runCliCaptured(['backup', copy, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect((await runCliCaptured(['backup', copy, '--db', db, '--force'])).code).toBe(0);
    expect((await runCliCaptured(['backup', db, '--db', db, '--force'])).code).toBe(2);
  });

  it('bad usage exits 2', async () => {
    expect((await runCliCaptured(['frobnicate'])).code).toBe(2);
    expect((await runCliCaptured(['backup'])).code).toBe(2);
    expect((await runCliCaptured(['init', '--nope'])).code).toBe(2);
    const help = await runCliCaptured(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/init[\s\S]*check[\s\S]*backup/);
  });
});
