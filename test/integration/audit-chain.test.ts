import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { isPostgresLocation } from '../../electron/db/postgres/postgres-location';
import { SyncPostgresClient } from '../../electron/db/postgres/sync-client';
import { registerStores, useRegisterStore } from '../helpers/register-stores';
import { appendAudit, listAuditEntries } from '../../electron/register/audit-log';
import { verifyAuditChain } from '../../electron/register/audit-verify';
import { createRecord } from '../../electron/register/register-service';
import { runCliCaptured } from '../helpers/run-cli';
import { testActor } from '../helpers/register-seed';

const actor = testActor();

/** A register whose audit log has `count` entries (one per organisation created), closed. */
function registerWithEntries(path: string, count: number): void {
  const { db } = openDatabase(path, { create: true });
  for (let i = 1; i <= count; i++) createRecord(db, actor, 'organisation', { legalName: `Organisation ${i}` });
  db.close();
}

/** Opens the file as someone with the sqlite3 shell would: raw, and first removing the append-only guard. */
function tamper(path: string, sql: string): void {
  if (isPostgresLocation(path)) {
    // As the database's owner would with psql: switch the append-only trigger off first.
    const raw = new SyncPostgresClient({ connectionString: path });
    raw.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_is_append_only; ${sql}`);
    raw.close();
    return;
  }
  const raw = new BetterSqlite3(path);
  raw.exec('DROP TRIGGER audit_log_is_append_only_update; DROP TRIGGER audit_log_is_append_only_delete;');
  raw.exec(sql);
  raw.close();
}

function verify(path: string) {
  const { db } = openDatabase(path, { create: false });
  try {
    return verifyAuditChain(db);
  } finally {
    db.close();
  }
}

// Swapping two rows' places: their sequence numbers change hands, everything else stays.
const swap = (a: number, b: number) =>
  `UPDATE audit_log SET seq = 999999 WHERE seq = ${a}; UPDATE audit_log SET seq = ${a} WHERE seq = ${b}; UPDATE audit_log SET seq = ${b} WHERE seq = 999999;`;

describe.each(registerStores)('on %s', (store) => {
  const where = useRegisterStore(store);

  describe('the audit chain', () => {
    it('is intact after ordinary changes', () => {
      const path = where.location();
      registerWithEntries(path, 6);
      expect(verify(path)).toMatchObject({ intact: true, entries: 6, lastSeq: 6, head: { seq: 6 }, problem: null });
    });

    it('is intact when empty', () => {
      const path = where.location();
      openDatabase(path, { create: true }).db.close();
      expect(verify(path)).toEqual({ intact: true, entries: 0, lastSeq: 0, head: null, anchorsChecked: 0, sealChecked: false, problem: null });
    });

    it.each([
      ['an edited after value', "UPDATE audit_log SET after_json = replace(after_json, 'Organisation 3', 'Someone else') WHERE seq = 3", 3],
      ['an edited actor', "UPDATE audit_log SET os_user = 'mallory' WHERE seq = 2", 2],
      ['an edited time', "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 5", 5],
    ])('names the entry with %s', (_what, sql, seq) => {
      const path = where.location();
      registerWithEntries(path, 6);
      tamper(path, sql);
      expect(verify(path).problem).toEqual({ kind: 'edited', seq, message: `Entry ${seq} was edited after it was written: its content no longer matches its hash.` });
    });

    it('names a deleted entry in the middle', () => {
      const path = where.location();
      registerWithEntries(path, 6);
      tamper(path, 'DELETE FROM audit_log WHERE seq = 4');
      expect(verify(path)).toMatchObject({
        intact: false,
        problem: { kind: 'deleted', seq: 4, message: 'Entry 4 was deleted: the chain goes from entry 3 straight to entry 5.' },
      });
    });

    it('names the first entry deleted and notices when the rest were renumbered', () => {
      const path = where.location();
      registerWithEntries(path, 6);
      tamper(path, 'DELETE FROM audit_log WHERE seq = 2; UPDATE audit_log SET seq = seq - 1 WHERE seq > 2;');
      expect(verify(path).problem).toMatchObject({ kind: 'deleted', seq: 2 });
    });

    it('names the newest entry when it was deleted', () => {
      const path = where.location();
      registerWithEntries(path, 6);
      tamper(path, 'DELETE FROM audit_log WHERE seq = 6');
      expect(verify(path).problem).toEqual({
        kind: 'deleted',
        seq: 6,
        message: 'Entry 6 (the newest) was deleted: the log ends at entry 5 but entry 6 was written.',
      });
    });

    it('names the first of a swapped pair', () => {
      const path = where.location();
      registerWithEntries(path, 6);
      tamper(path, swap(3, 4));
      expect(verify(path).problem).toEqual({
        kind: 'reordered',
        seq: 3,
        message: 'Entry 3 is out of order: it was written after the entry now numbered 4, so entries were reordered or swapped.',
      });
    });

    it('names the first of the last two entries swapped', () => {
      const path = where.location();
      registerWithEntries(path, 6);
      tamper(path, swap(5, 6));
      expect(verify(path).problem).toMatchObject({ kind: 'reordered', seq: 5 });
    });

    it('refuses edits and deletions made through SQL while the guard is in place', () => {
      const path = where.location();
      registerWithEntries(path, 2);
      const raw = isPostgresLocation(path) ? openDatabase(path, { create: false }).db : new BetterSqlite3(path);
      expect(() => raw.exec("UPDATE audit_log SET os_user = 'x'")).toThrow('the audit log is append-only');
      expect(() => raw.exec('DELETE FROM audit_log')).toThrow('the audit log is append-only');
      raw.close();
      expect(verify(path).intact).toBe(true);
    });

    it('appendAudit refuses to run outside the change’s transaction, and chains when inside one', () => {
      const path = where.location();
      registerWithEntries(path, 1);
      const { db } = openDatabase(path, { create: false });
      const change = { action: 'export', recordKind: 'register', recordId: null, before: null, after: null, detail: { file: 'x.json' } } as const;
      expect(() => appendAudit(db, actor, change)).toThrow(/inside the transaction/);
      const entry = db.transaction(() => appendAudit(db, actor, change))();
      expect(entry).toMatchObject({ seq: 2, action: 'export', detailJson: '{"file":"x.json"}' });
      expect(verifyAuditChain(db).intact).toBe(true);
      db.close();
    });
  });

  describe('custodian audit verify / list', () => {
    it('exits 0 when intact and 1 naming the entry when broken', async () => {
      const path = where.location();
      registerWithEntries(path, 5);
      const ok = await runCliCaptured(['audit', 'verify', '--db', path]);
      expect(ok).toMatchObject({ code: 0, stderr: '' });
      expect(ok.stdout).toContain('Audit log intact: 5 entries');
      tamper(path, 'DELETE FROM audit_log WHERE seq = 3');
      const broken = await runCliCaptured(['audit', 'verify', '--db', path]);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('BROKEN at entry #3 (deleted)');
      expect(broken.stderr).toBe('custodian: audit log broken: Entry 3 was deleted: the chain goes from entry 2 straight to entry 4.\n');
      const json = await runCliCaptured(['audit', 'verify', '--json', '--db', path]);
      expect(JSON.parse(json.stdout)).toMatchObject({ intact: false, problem: { kind: 'deleted', seq: 3 } });
    });

    it('lists entries newest first, filtered by kind and record, as text or JSON', async () => {
      const path = where.location();
      const { db } = openDatabase(path, { create: true });
      const org = createRecord(db, actor, 'organisation', { legalName: 'Org' });
      createRecord(db, actor, 'dsa', { nicReference: 'DARS-NIC-00001-AAAAA' });
      createRecord(db, actor, 'dsa', { nicReference: 'DARS-NIC-00002-BBBBB' });
      db.close();
      const text = await runCliCaptured(['audit', 'list', '--db', path, '--limit', '2']);
      expect(text.code).toBe(0);
      expect(text.stdout.split('\n').slice(0, 2)).toEqual([
        expect.stringMatching(/^#3 {2}2026-01-15T09:30:00.000Z {2}tester {2}create {2}dsa /),
        expect.stringMatching(/^#2 /),
      ]);
      expect(text.stdout).toContain('(2 of 3 entries; use --limit for more)');
      const byKind = JSON.parse((await runCliCaptured(['audit', 'list', '--db', path, '--kind', 'organisation', '--json'])).stdout);
      expect(byKind).toHaveLength(1);
      expect(byKind[0]).toMatchObject({ recordId: org.id, after: { legalName: 'Org' } });
      const byRecord = JSON.parse((await runCliCaptured(['audit', 'list', '--db', path, '--record', org.id, '--json'])).stdout);
      expect(byRecord.map((e: { seq: number }) => e.seq)).toEqual([1]);
      const bad = await runCliCaptured(['audit', 'list', '--db', path, '--limit', 'lots']);
      expect(bad).toMatchObject({ code: 2, stderr: 'custodian: --limit must be a whole number from 1 to 1000000, not "lots"\n' });
    });
  });

  describe('listing audit entries', () => {
    it('filters by period, action and words, newest first, with the total of all matches', () => {
      const { db } = openDatabase(where.location(), { create: true });
      const days = ['2026-01-10', '2026-01-11', '2026-01-12', '2026-01-13'];
      const made = days.map((d, i) => createRecord(db, testActor(`${d}T10:00:00.000Z`), 'organisation', { legalName: `Trust ${i} 50%` }));
      const period = listAuditEntries(db, { offset: 0, limit: 10, from: '2026-01-11T00:00:00.000Z', until: '2026-01-13T00:00:00.000Z' });
      expect(period.total).toBe(2);
      expect(period.entries.map((e) => e.recordId)).toEqual([made[2]!.id, made[1]!.id]);
      expect(listAuditEntries(db, { offset: 0, limit: 1, search: 'Trust 3' })).toMatchObject({ total: 1, entries: [{ recordId: made[3]!.id }] });
      expect(listAuditEntries(db, { offset: 0, limit: 10, search: '0%' }).total).toBe(4);
      expect(listAuditEntries(db, { offset: 0, limit: 10, search: '_' }).total).toBe(0);
      expect(listAuditEntries(db, { offset: 2, limit: 1, kind: 'organisation', action: 'create' }).entries[0]?.seq).toBe(2);
      db.close();
    });
  });
});
