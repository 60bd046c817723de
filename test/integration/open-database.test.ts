import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../electron/db/database-error';
import { latestSchemaVersion, migrations } from '../../electron/db/migrations';
import { CUSTODIAN_APPLICATION_ID, openDatabase } from '../../electron/db/open-database';
import { useTempDir } from '../helpers/temp-dir';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectRefusal(fn: () => unknown, reason: DatabaseOpenError['reason'], text: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe(reason);
    expect((error as Error).message).toMatch(text);
    expect((error as Error).message).not.toContain('\n');
    return;
  }
  throw new Error('expected the register to be refused');
}

describe('opening the register', () => {
  const temp = useTempDir();


  it('creates a new register with the pragmas the app relies on', () => {
    const { db, created, schemaVersion } = openDatabase(temp.path('new.sqlite'), { create: true });
    expect(created).toBe(true);
    expect(schemaVersion).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('application_id', { simple: true })).toBe(CUSTODIAN_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('reopens an existing register without changing its version', () => {
    const path = temp.path('r.sqlite');
    openDatabase(path, { create: true }).db.close();
    const again = openDatabase(path, { create: false });
    expect(again.created).toBe(false);
    expect(again.migratedFrom).toBe(latestSchemaVersion);
    again.db.close();
  });

  it('refuses a register written by a newer version and leaves it byte for byte unchanged', () => {
    const path = temp.path('newer.sqlite');
    openDatabase(path, { create: true }).db.close();
    const raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();
    const before = sha(path);
    expectRefusal(() => openDatabase(path, { create: true }), 'NEWER_VERSION', /newer Custodian/);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a file of random bytes and leaves it unchanged', () => {
    const path = temp.path('random.bin');
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
    const before = sha(path);
    expectRefusal(() => openDatabase(path, { create: true }), 'NOT_A_DATABASE', /not an SQLite database/);
    expect(sha(path)).toBe(before);
  });

  it('refuses another application’s SQLite database and leaves it unchanged', () => {
    const path = temp.path('other.sqlite');
    const other = new BetterSqlite3(path);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    const before = sha(path);
    expectRefusal(() => openDatabase(path, { create: true }), 'NOT_CUSTODIAN', /not a Custodian register/);
    expect(sha(path)).toBe(before);
  });

  it('says how to create a register when the file does not exist', () => {
    expectRefusal(() => openDatabase(temp.path('missing.sqlite'), { create: false }), 'NOT_FOUND', /custodian init/);
  });
});

describe('migrations', () => {
  const temp = useTempDir();


  it('are numbered 1, 2, 3… with no gaps or repeats', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it.each(migrations.map((m) => [m.version, m.name] as const))('migration %i (%s) upgrades a register at the previous version', (version) => {
    const path = temp.path(`m${version}.sqlite`);
    const previous = migrations.filter((m) => m.version < version);
    openDatabase(path, { create: true, migrationList: previous }).db.close();
    const upgraded = openDatabase(path, { create: false, migrationList: migrations.filter((m) => m.version <= version) });
    // The last migration below this one: version - 1 once every number has landed (008 was written while 007 was still on its branch).
    expect(upgraded.migratedFrom).toBe(previous.at(-1)?.version ?? 0);
    expect(upgraded.schemaVersion).toBe(version);
    expect(upgraded.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
    upgraded.db.close();
  });

  it('a failing migration leaves the register at the last good version, file intact', () => {
    const path = temp.path('fail.sqlite');
    openDatabase(path, { create: true }).db.close();
    const broken = [
      ...migrations,
      { version: latestSchemaVersion + 1, name: 'broken', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE x (a); SELECT * FROM nope') },
    ];
    expectRefusal(() => openDatabase(path, { create: false, migrationList: broken }), 'CORRUPT', /left at schema/);
    const check = openDatabase(path, { create: false });
    expect(check.schemaVersion).toBe(latestSchemaVersion);
    expect(check.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'x'").get()).toEqual({ n: 0 });
    check.db.close();
  });

  it('the final schema matches the reviewed snapshot', async () => {
    const { db } = openDatabase(temp.path('snap.sqlite'), { create: true });
    const schema = (db.prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name").all() as { sql: string }[])
      .map((r) => `${r.sql};`)
      .join('\n\n');
    db.close();
    await expect(`-- schema version ${latestSchemaVersion}\n${schema}\n`).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });
});
