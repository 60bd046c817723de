import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { computeAuditHash, storedEntryColumns, type StoredAuditEntry } from '../../electron/register/audit-log';
import { createRecord } from '../../electron/register/register-service';
import { runCliCaptured } from '../helpers/run-cli';
import { testActor } from '../helpers/register-seed';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The cut-backs a chain alone cannot see (each leaves a log consistent with itself), and the
 * anchors that catch them: the head `audit verify` printed earlier, given back with --expect or
 * kept in a checkpoints file.
 */
function registerWithEntries(path: string, count: number): void {
  const { db } = openDatabase(path, { create: true });
  for (let i = 1; i <= count; i++) createRecord(db, testActor(), 'organisation', { legalName: `Organisation ${i}` });
  db.close();
}

/** As someone with the sqlite3 shell would: the append-only guard removed, then any SQL. */
function tamper(path: string, change: (raw: BetterSqlite3.Database) => void): void {
  const raw = new BetterSqlite3(path);
  raw.exec('DROP TRIGGER audit_log_is_append_only_update; DROP TRIGGER audit_log_is_append_only_delete;');
  change(raw);
  raw.close();
}

/** Every hash from the first entry on recomputed, and the head set to match: a chain consistent with itself. */
function rechain(raw: BetterSqlite3.Database): void {
  const rows = raw.prepare(`SELECT ${storedEntryColumns} FROM audit_log ORDER BY seq`).all() as StoredAuditEntry[];
  let prev = '0'.repeat(64);
  for (const row of rows) {
    const hash = computeAuditHash({ ...row, prevHash: prev });
    raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
    prev = hash;
  }
  raw.prepare('UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1').run(rows.at(-1)?.seq ?? 0, prev);
}

async function head(path: string): Promise<string> {
  const run = await runCliCaptured(['audit', 'verify', '--db', path]);
  expect(run.code).toBe(0);
  const match = /^Head: (\d+:[0-9a-f]{64})$/m.exec(run.stdout);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe('anchoring the audit chain', () => {
  const temp = useTempDir();

  it('audit verify prints the head, and a matching --expect proves the log up to it', async () => {
    const path = temp.path('r.sqlite');
    registerWithEntries(path, 6);
    const printed = await head(path);
    expect(printed).toMatch(/^6:/);
    const later = openDatabase(path, { create: false });
    createRecord(later.db, testActor(), 'organisation', { legalName: 'Later' });
    later.db.close();
    const run = await runCliCaptured(['audit', 'verify', '--expect', printed, '--db', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Matches the checkpoint: nothing at or before #6 was removed or rewritten.');
    expect(run.stdout).toMatch(/^Head: 7:/m);
  });

  it('deleting the newest entries and setting the head back: unseen by the chain alone, caught by --expect', async () => {
    const path = temp.path('r.sqlite');
    registerWithEntries(path, 6);
    const printed = await head(path);
    tamper(path, (raw) => {
      raw.exec('DELETE FROM audit_log WHERE seq > 4');
      raw.exec('UPDATE audit_head SET last_seq = 4, last_hash = (SELECT hash FROM audit_log WHERE seq = 4)');
    });
    expect((await runCliCaptured(['audit', 'verify', '--db', path])).code).toBe(0);
    const run = await runCliCaptured(['audit', 'verify', '--expect', printed, '--db', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('Audit log BROKEN at entry #5 (deleted).\n');
    expect(run.stderr).toBe('custodian: audit log broken: Your checkpoint names entry 6, but the log ends at entry 4: entries 5–6 at least were deleted and the head set back.\n');
  });

  it('truncating the log together with its head: unseen by the chain alone, caught by a checkpoints file', async () => {
    const path = temp.path('r.sqlite');
    const checkpoints = temp.path('checkpoints.txt');
    registerWithEntries(path, 3);
    const saved = await runCliCaptured(['audit', 'verify', '--save-checkpoint', checkpoints, '--db', path]);
    expect(saved.stdout).toContain(`Appended the head to ${checkpoints}.`);
    expect(readFileSync(checkpoints, 'utf8')).toMatch(/^3:[0-9a-f]{64} \d{4}-\d\d-\d\dT/);
    tamper(path, (raw) => raw.exec('DELETE FROM audit_log; DELETE FROM audit_head;'));
    expect((await runCliCaptured(['audit', 'verify', '--db', path])).stdout).toContain('Audit log intact: 0 entries');
    const run = await runCliCaptured(['audit', 'verify', '--checkpoints', checkpoints, '--db', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('custodian: audit log broken: The log is empty, but your checkpoint names entry 3: the log was truncated together with its head.\n');
  });

  it('an edit with every later hash and the head recomputed: unseen by the chain alone, caught by --expect', async () => {
    const path = temp.path('r.sqlite');
    registerWithEntries(path, 6);
    const printed = await head(path);
    tamper(path, (raw) => {
      raw.exec("UPDATE audit_log SET os_user = 'mallory' WHERE seq = 2");
      rechain(raw);
    });
    expect((await runCliCaptured(['audit', 'verify', '--db', path])).code).toBe(0);
    const run = await runCliCaptured(['audit', 'verify', '--expect', printed, '--db', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^custodian: audit log broken: Entry 6 is not the one your checkpoint names \(hash [0-9a-f]{12}…, now [0-9a-f]{12}…\): it or an earlier entry was rewritten/);
  });

  it('an entry forged after the newest anchor is NOT caught by anchors (as the README says)', async () => {
    const path = temp.path('r.sqlite');
    registerWithEntries(path, 3);
    const printed = await head(path);
    tamper(path, (raw) => {
      const last = raw.prepare(`SELECT ${storedEntryColumns} FROM audit_log WHERE seq = 3`).get() as StoredAuditEntry;
      const forged = { ...last, seq: 4, osUser: 'mallory', prevHash: last.hash };
      const hash = computeAuditHash(forged);
      raw.prepare(
        'INSERT INTO audit_log (seq, at, os_user, display_name, action, record_kind, record_id, before_json, after_json, detail_json, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
      ).run(4, forged.at, forged.osUser, forged.displayName, forged.action, forged.recordKind, forged.recordId, forged.beforeJson, forged.afterJson, forged.detailJson, forged.prevHash, hash);
      raw.prepare('UPDATE audit_head SET last_seq = 4, last_hash = ? WHERE id = 1').run(hash);
    });
    const run = await runCliCaptured(['audit', 'verify', '--expect', printed, '--db', path]);
    expect(run.code).toBe(0);
  });

  it('refuses a malformed anchor or checkpoints file with exit 2 and one line', async () => {
    const path = temp.path('r.sqlite');
    registerWithEntries(path, 1);
    const bad = await runCliCaptured(['audit', 'verify', '--expect', '6:abc', '--db', path]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^custodian: --expect must be SEQ:HASH as "audit verify" prints the head, .* not "6:abc"\n$/);
    const file = temp.path('cp.txt');
    writeFileSync(file, '# kept on the IG lead’s laptop\n\nnot an anchor\n');
    const badFile = await runCliCaptured(['audit', 'verify', '--checkpoints', file, '--db', path]);
    expect(badFile.code).toBe(2);
    expect(badFile.stderr).toBe(`custodian: ${file}, line 3: not SEQ:HASH as "audit verify" prints the head\n`);
  });
});
