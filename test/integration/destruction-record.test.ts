import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';
import { destructionWorklist } from '../../electron/destruction/destruction-worklist';
import { destructionRecordsOf, evidenceOfRecord } from '../../electron/destruction/destruction-store';
import { attachEvidence, recordDestruction } from '../../electron/destruction/record-destruction';
import { classifyRecordedPath, localPathOf, verifyAbsence } from '../../electron/destruction/verify-absence';
import { listAuditEntries } from '../../electron/register/audit-log';
import { cachedRegister } from '../../electron/register/register-cache';
import { loadRegister } from '../../electron/register/load-register';
import { storedRegisterFindings } from '../../electron/register/register-findings';
import { getRecord, patchRecord } from '../../electron/register/register-service';
import { compliantRegister } from '../helpers/compliant-register';
import { actorAt, destructionOf, openScenario } from '../helpers/destruction-scenario';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { registerStores, useRegisterStore } from '../helpers/register-stores';
import { POSTGRES_SUPERUSER } from '../helpers/postgres-server';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
describe.each(registerStores)('on %s', (store) => {
  const where = useRegisterStore(store);


  describe('recording a destruction', () => {
    const temp = useTempDir('custodian-destruction-');

    it('records the method, sets the copy destroyed in the same transaction, audits both, and stores hashed evidence without touching the original', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      const original = temp.path('wipe-report.pdf');
      writeFileSync(original, '%PDF-1.4 erasure report: 1 volume, 0 errors');
      const before = { bytes: readFileSync(original), mtime: statSync(original).mtimeMs };

      const { record, evidence, copy } = await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-aws'), [original]);

      expect(copy.destroyedDate).toBe('2028-04-10');
      expect(getRecord(s.db, 'copy', 'c-2024-aws').record.destroyedDate).toBe('2028-04-10');
      expect(destructionRecordsOf(s.db, 'c-2024-aws')).toEqual([record]);
      // A team register records who made the change by the database login, an SQLite file by the OS user.
      expect(record).toMatchObject({ methodType: 'Purge', method: 'Cryptographic erase', tool: 'BitLocker key destruction', toolVersion: '10.0.22631', operator: 'Sam Jones (data manager)', outcome: 'destroyed', recordedBy: store === 'postgres' ? POSTGRES_SUPERUSER : 'ig.lead' });

      expect(evidence).toHaveLength(1);
      expect(evidence[0]).toMatchObject({ originalName: 'wipe-report.pdf', sha256: sha256(before.bytes), sizeBytes: before.bytes.length });
      const stored = join(s.dataDir, evidence[0]!.storedPath);
      expect(stored.startsWith(join(s.dataDir, 'evidence'))).toBe(true);
      expect(readFileSync(stored)).toEqual(before.bytes);
      expect(readFileSync(original)).toEqual(before.bytes);
      expect(statSync(original).mtimeMs).toBe(before.mtime);
      expect(evidenceOfRecord(s.db, record.id)).toEqual(evidence);

      const actions = listAuditEntries(s.db, { offset: 0, limit: 10, recordId: 'c-2024-aws' }).entries.map((e) => e.action);
      expect(actions).toEqual(['update', 'destruction-recorded']);
    });

    it('keeps a copy live when destroyed with exceptions, and requires the reason and end date', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      await expect(recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-vault', { outcome: 'destroyed-with-exceptions', exceptionReason: 'Tapes age out' }))).rejects.toThrow(
        /^exceptionEndDate: is required when the outcome is destroyed with exceptions/,
      );
      const { copy } = await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-vault', { outcome: 'destroyed-with-exceptions', exceptionReason: 'Tapes age out', exceptionEndDate: '2028-07-31' }));
      expect(copy.destroyedDate).toBeNull();
    });

    it('the findings treat a copy kept under a dated exception as overdue only after the exception ends', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      const overdue = (asOf: string) => storedRegisterFindings(s.db, loadRegister(s.db), asOf).filter((f) => f.code === 'DESTRUCTION_OVERDUE').map((f) => f.id);
      // The agreement ended on 31 March 2028; its 30 days ran out on 30 April.
      expect(overdue('2028-05-15')).toContain('DESTRUCTION_OVERDUE:hes-2024');
      await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-aws'));
      await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-tre'));
      await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-vault', { outcome: 'destroyed-with-exceptions', exceptionReason: 'Tapes age out', exceptionEndDate: '2028-07-31' }));
      expect(overdue('2028-05-15')).not.toContain('DESTRUCTION_OVERDUE:hes-2024');
      expect(overdue('2028-07-31')).not.toContain('DESTRUCTION_OVERDUE:hes-2024');
      expect(overdue('2028-08-01')).toContain('DESTRUCTION_OVERDUE:hes-2024');
      // A later record replaces the exception: "not destroyed" after all makes the copy overdue again.
      await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-vault', { outcome: 'not-destroyed' }));
      expect(overdue('2028-05-15')).toContain('DESTRUCTION_OVERDUE:hes-2024');
    });

    it('an exception recorded after a date does not excuse that date, in the findings or on the Destruction screen', async () => {
      const s = openScenario(temp.dir, compliantRegister(), actorAt('2028-06-10T10:00:00.000Z'), where.location());
      await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-aws'));
      await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-tre'));
      // The backup's exception was recorded on 1 June, after the deadline of 30 April had passed.
      await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-vault', { performedAt: '2028-06-01T09:00:00Z', outcome: 'destroyed-with-exceptions', exceptionReason: 'Tapes age out', exceptionEndDate: '2028-07-31' }));
      const overdueOn = (asOf: string) => storedRegisterFindings(s.db, loadRegister(s.db), asOf).some((f) => f.id === 'DESTRUCTION_OVERDUE:hes-2024');
      expect(overdueOn('2028-05-15')).toBe(true);
      expect(overdueOn('2028-06-05')).toBe(false);
      const pendingOn = (asOf: string) => destructionWorklist(s.db, cachedRegister(s.db).index, asOf, { due: 'all', offset: 0, limit: 200 }).items.find((p) => p.holding.id === 'hes-2024');
      expect(pendingOn('2028-05-15')).toMatchObject({ overdue: true });
      // Still pending (the tapes exist) but not overdue while the exception runs.
      expect(pendingOn('2028-06-05')).toMatchObject({ overdue: false, liveCopies: [{ copy: { id: 'c-2024-vault' } }] });
    });

    it('refuses bad input with one line naming the field, and records nothing', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ methodType: 'Shred' }, /^methodType: must be Clear, Purge or Destroy$/],
        [{ performedAt: '10/04/2028' }, /^performedAt: must be a date and time such as 2026-03-01T14:30:00Z/],
        [{ performedAt: '2028-05-01T10:00:00Z' }, /^performedAt: 2028-05-01T10:00:00Z is in the future/],
        [{ performedAt: '2020-01-01T10:00:00Z' }, /^performedAt: 1 January 2020 is before the copy was made \(12 June 2025\)$/],
        [{ operator: '  ' }, /^operator: is required$/],
        [{ exceptionReason: 'x' }, /^outcome: must be destroyed-with-exceptions when an exception reason or end date is given$/],
        [{ copyId: 'no-such-copy' }, /^copyId: there is no copy "no-such-copy" in the register/],
      ];
      for (const [override, message] of cases) {
        const error = await recordDestruction(s.db, s.actor, s.dataDir, { ...destructionOf('c-2024-aws'), ...override }).catch((e: Error) => e);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).not.toContain('\n');
      }
      expect(destructionRecordsOf(s.db, 'c-2024-aws')).toEqual([]);
      expect(getRecord(s.db, 'copy', 'c-2024-aws').record.destroyedDate).toBeNull();
    });

    it('attaches further evidence to a recorded destruction', async () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      const { record } = await recordDestruction(s.db, s.actor, s.dataDir, destructionOf('c-2024-aws'));
      const screenshot = temp.path('console.png');
      writeFileSync(screenshot, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
      const evidence = await attachEvidence(s.db, s.actor, s.dataDir, record.id, screenshot);
      expect(evidence.sha256).toBe(sha256(readFileSync(screenshot)));
      expect(evidenceOfRecord(s.db, record.id)).toEqual([evidence]);
      await expect(attachEvidence(s.db, s.actor, s.dataDir, record.id, temp.path('missing.png'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
    });
  });

  describe('verify absence', () => {
    const temp = useTempDir('custodian-absence-');

    it('finds a file still present, then records its absence once it is gone, never changing the path', () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      const folder = temp.path('secure');
      mkdirSync(folder);
      const file = join(folder, 'hes_apc_2024.parquet');
      writeFileSync(file, 'rows');
      patchRecord(s.db, s.actor, 'copy', 'c-2024-tre', { pathOrDescription: file });

      const present = verifyAbsence(s.db, s.actor, 'c-2024-tre');
      expect(present).toMatchObject({ result: 'present', pathChecked: file });
      // Only present / absent / cannot tell goes back: nothing about what is there (size, contents).
      expect(present.detail).toBe(`Something is still at ${file}.`);
      expect(readFileSync(file, 'utf8')).toBe('rows');

      rmSync(file);
      const absent = verifyAbsence(s.db, s.actor, 'c-2024-tre');
      expect(absent.result).toBe('absent');
      expect(absent.detail).toBe(`Nothing is at ${file}, and its folder is there, so the location was reachable.`);
      expect(existsSync(folder)).toBe(true);
      expect(listAuditEntries(s.db, { offset: 0, limit: 10, action: 'absence-checked' }).total).toBe(2);
    });

    it('reports a folder that still has files in it', () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      const folder = temp.path('extract');
      mkdirSync(folder);
      writeFileSync(join(folder, 'a.csv'), 'x');
      writeFileSync(join(folder, 'b.csv'), 'y');
      patchRecord(s.db, s.actor, 'copy', 'c-2024-tre', { pathOrDescription: folder });
      const check = verifyAbsence(s.db, s.actor, 'c-2024-tre');
      expect(check.result).toBe('present');
      expect(check.detail).toBe(`Something is still at ${folder}.`);
    });

    it('refuses a copy whose location is not a local or mounted path', () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      expect(() => verifyAbsence(s.db, s.actor, 'c-2024-aws')).toThrow(/recorded with "s3:\/\/exampleton-hip\/hes_apc_2024\/", which is not a local or mounted path/);
      expect(() => verifyAbsence(s.db, s.actor, 'c-2024-vault')).toThrow(/recorded with no path/);
    });

    it('says "cannot tell" when the folder itself is missing, as on an unmounted share', () => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      const path = join(temp.path('unmounted-share'), 'hes', 'extract.csv');
      patchRecord(s.db, s.actor, 'copy', 'c-2024-tre', { pathOrDescription: path });
      const check = verifyAbsence(s.db, s.actor, 'c-2024-tre');
      expect(check.result).toBe('unreadable');
      expect(check.detail).toBe(`Cannot tell: the folder holding ${path} is not there either, which is how an unmounted share or removable disk looks. Mount it and check again.`);
    });

    it.each(['\\\\fileserver\\share\\hes', '//fileserver/share/hes', 'file://fileserver/share/hes'])('never looks at the network path %s, and says why', (path) => {
      const s = openScenario(temp.dir, undefined, undefined, where.location());
      patchRecord(s.db, s.actor, 'copy', 'c-2024-tre', { pathOrDescription: path });
      expect(() => verifyAbsence(s.db, s.actor, 'c-2024-tre')).toThrow(
        "This copy is recorded on a network path (host fileserver). Custodian does not reach out to other computers on its own, because Windows would send your sign-in credentials to that host: check the share yourself and attach the evidence (a screenshot or the erasure tool's report).",
      );
      expect(listAuditEntries(s.db, { offset: 0, limit: 10, action: 'absence-checked' }).total).toBe(0);
    });

    it('knows which recorded paths this computer can check', () => {
      expect(localPathOf('/mnt/nas/hes', 'linux')).toBe('/mnt/nas/hes');
      expect(localPathOf('file:///mnt/nas/hes', 'linux')).toBe('/mnt/nas/hes');
      expect(localPathOf('s3://bucket/key', 'linux')).toBeNull();
      expect(localPathOf('Nightly tape set A', 'linux')).toBeNull();
      expect(localPathOf('relative/path', 'linux')).toBeNull();
      expect(localPathOf('D:\\data\\hes', 'win32')).toBe('D:\\data\\hes');
      expect(localPathOf('\\\\fileserver\\share\\hes', 'win32')).toBeNull();
      expect(localPathOf('/mnt/nas', 'win32')).toBeNull();
      for (const platform of ['win32', 'linux'] as const) {
        expect(classifyRecordedPath('\\\\?\\UNC\\nas\\share\\hes', platform)).toEqual({ kind: 'network', host: 'nas' });
        expect(classifyRecordedPath('\\\\nas\\share', platform)).toEqual({ kind: 'network', host: 'nas' });
        expect(classifyRecordedPath('file://nas.example.nhs.uk/share/hes', platform)).toEqual({ kind: 'network', host: 'nas.example.nhs.uk' });
        expect(classifyRecordedPath('\\\\.\\pipe\\x', platform)).toEqual({ kind: 'none' });
      }
      expect(classifyRecordedPath('file://localhost/C:/data/hes', 'win32')).toEqual({ kind: 'local', path: 'C:\\data\\hes' });
      expect(classifyRecordedPath('file:///C:/data/hes', 'win32')).toEqual({ kind: 'local', path: 'C:\\data\\hes' });
    });
  });
});


describe('migration 003', () => {
  const temp = useTempDir('custodian-migration-');

  it('migrates a version 2 register with records in it, keeping them, and adds the destruction tables', () => {
    const path = temp.path('v2.sqlite');
    const v2 = openDatabase(path, { create: true, migrationList: migrations.filter((m) => m.version <= 2) });
    storeRegister(v2.db, compliantRegister().build());
    v2.db.close();
    const v3 = openDatabase(path, { create: false, migrationList: migrations.filter((m) => m.version <= 3) });
    expect(v3.migratedFrom).toBe(2);
    expect(v3.schemaVersion).toBe(3);
    expect(v3.db.prepare('SELECT count(*) FROM copies').pluck().get()).toBe(5);
    const tables = v3.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['absence_checks', 'certificate_contents', 'destruction_evidence', 'destruction_notices', 'destruction_records']));
    expect(() =>
      v3.db
        .prepare("INSERT INTO destruction_records (id, copy_id, method_type, method, performed_at, operator, verification_method, verification_result, outcome, recorded_at, recorded_by) VALUES ('d1', 'c-2024-aws', 'Clear', 'x', 't', 'o', 'v', 'r', 'destroyed-with-exceptions', 'now', 'me')")
        .run(),
    ).toThrow(/CHECK constraint failed/);
    v3.db.close();
  });
});
