import BetterSqlite3 from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { computeAuditHash, storedEntryColumns, type StoredAuditEntry } from '../../electron/register/audit-log';
import { createRecord } from '../../electron/register/register-service';
import { runCliCaptured } from '../helpers/run-cli';
import { testActor } from '../helpers/register-seed';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The keyed mode: writers given CUSTODIAN_AUDIT_KEY_FILE seal the head; `audit verify --key` shows
 * anything written without the key, which a chain (and anchors older than it) cannot.
 */
describe('the keyed audit chain', () => {
  const temp = useTempDir();
  afterEach(() => {
    delete process.env.CUSTODIAN_AUDIT_KEY_FILE;
  });

  async function newKey(name = 'audit.key'): Promise<string> {
    const path = temp.path(name);
    const run = await runCliCaptured(['audit', 'key', 'create', path]);
    expect(run.code).toBe(0);
    return path;
  }
  function write(path: string, count: number, key: string | null): void {
    if (key) process.env.CUSTODIAN_AUDIT_KEY_FILE = key;
    else delete process.env.CUSTODIAN_AUDIT_KEY_FILE;
    const { db } = openDatabase(path, { create: true });
    for (let i = 1; i <= count; i++) createRecord(db, testActor(), 'organisation', { legalName: `Organisation ${Math.random()}` });
    db.close();
    delete process.env.CUSTODIAN_AUDIT_KEY_FILE;
  }
  function tamper(path: string, change: (raw: BetterSqlite3.Database) => void): void {
    const raw = new BetterSqlite3(path);
    raw.exec('DROP TRIGGER IF EXISTS audit_log_is_append_only_update; DROP TRIGGER IF EXISTS audit_log_is_append_only_delete;');
    change(raw);
    raw.close();
  }
  /** An entry appended with the sqlite3 shell, its hash and the head computed correctly. */
  function forgeEntry(raw: BetterSqlite3.Database): void {
    const last = raw.prepare(`SELECT ${storedEntryColumns} FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as StoredAuditEntry;
    const forged = { ...last, seq: last.seq + 1, osUser: 'mallory', prevHash: last.hash };
    const hash = computeAuditHash(forged);
    raw
      .prepare('INSERT INTO audit_log (seq, at, os_user, display_name, action, record_kind, record_id, before_json, after_json, detail_json, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)')
      .run(forged.seq, forged.at, forged.osUser, forged.displayName, forged.action, forged.recordKind, forged.recordId, forged.beforeJson, forged.afterJson, forged.detailJson, forged.prevHash, hash);
    raw.prepare('UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1').run(forged.seq, hash);
  }

  it('a log written with the key verifies with it', async () => {
    const key = await newKey();
    const db = temp.path('r.sqlite');
    write(db, 3, key);
    const run = await runCliCaptured(['audit', 'verify', '--key', key, '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sealed with the audit key up to the newest entry: nothing was written without the key.');
  });

  it('an appended forgery: intact to the chain and to an older anchor, caught with the key', async () => {
    const key = await newKey();
    const db = temp.path('r.sqlite');
    write(db, 3, key);
    const head = /^Head: (\S+)$/m.exec((await runCliCaptured(['audit', 'verify', '--db', db])).stdout)![1]!;
    tamper(db, forgeEntry);
    expect((await runCliCaptured(['audit', 'verify', '--expect', head, '--db', db])).code).toBe(0);
    const run = await runCliCaptured(['audit', 'verify', '--key', key, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'custodian: audit log broken: Entry 4 was written without the audit key (forged, or by a Custodian not given the key): the seal covers the log only up to entry 3.\n',
    );
  });

  it('an edit with the whole chain recomputed, or the seal removed, or the wrong key: caught', async () => {
    const key = await newKey();
    const other = await newKey('other.key');
    const db = temp.path('r.sqlite');
    write(db, 3, key);
    expect((await runCliCaptured(['audit', 'verify', '--key', other, '--db', db])).stderr).toContain('this is not the key it was sealed with');

    tamper(db, (raw) => {
      raw.exec("UPDATE audit_log SET os_user = 'mallory' WHERE seq = 1");
      const rows = raw.prepare(`SELECT ${storedEntryColumns} FROM audit_log ORDER BY seq`).all() as StoredAuditEntry[];
      let prev = '0'.repeat(64);
      for (const row of rows) {
        const hash = computeAuditHash({ ...row, prevHash: prev });
        raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
        prev = hash;
      }
      raw.prepare('UPDATE audit_head SET last_hash = ? WHERE id = 1').run(prev);
    });
    expect((await runCliCaptured(['audit', 'verify', '--db', db])).code).toBe(0);
    const rewritten = await runCliCaptured(['audit', 'verify', '--key', key, '--db', db]);
    expect(rewritten.code).toBe(1);
    expect(rewritten.stderr).toContain('The seal (of entry 3) does not match the log');

    tamper(db, (raw) => raw.exec("DELETE FROM settings WHERE key = 'auditSeal'"));
    const unsealed = await runCliCaptured(['audit', 'verify', '--key', key, '--db', db]);
    expect(unsealed.code).toBe(1);
    expect(unsealed.stderr).toBe('custodian: audit log broken: The log has no seal: it was written without the audit key, or the seal was removed.\n');
  });

  it('entries written later by a Custodian not given the key show too (every writer needs it)', async () => {
    const key = await newKey();
    const db = temp.path('r.sqlite');
    write(db, 2, key);
    write(db, 1, null);
    const run = await runCliCaptured(['audit', 'verify', '--key', key, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Entry 3 was written without the audit key');
  });

  it('refuses a key file that is too short, and never overwrites a key', async () => {
    const db = temp.path('r.sqlite');
    write(db, 1, null);
    writeFileSync(temp.path('short.key'), 'abcd');
    const short = await runCliCaptured(['audit', 'verify', '--key', temp.path('short.key'), '--db', db]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/holds 2 bytes; a key is at least 32/);
    const key = await newKey();
    const again = await runCliCaptured(['audit', 'key', 'create', key]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; a key is never overwritten');
  });
});
