import type { RegisterConnection } from '../../electron/db/register-connection';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { listAuditEntries } from '../../electron/register/audit-log';
import { verifyAuditChain } from '../../electron/register/audit-verify';
import { listRecords } from '../../electron/register/register-list';
import {
  archiveRecord,
  createRecord,
  findRecords,
  getRecord,
  patchRecord,
  replaceRecord,
  restoreRecord,
} from '../../electron/register/register-service';
import { createServiceContext } from '../../electron/service-context';
import { writeSettings } from '../../electron/db/settings-repository';
import type { RegisterListRequest } from '../../shared/register/register-api';
import { makeTempDir } from '../helpers/temp-dir';
import { seedRegister, testActor } from '../helpers/register-seed';
import { registerStores, useRegisterStore } from '../helpers/register-stores';

let db: RegisterConnection;

const actor = testActor();
const rejection = (fn: () => unknown): { code: string; message: string } => {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected the write to be refused');
};
const auditCount = () => listAuditEntries(db, { offset: 0, limit: 1 }).total;
const list = (request: Partial<RegisterListRequest> & Pick<RegisterListRequest, 'kind'>) =>
  listRecords(db, { offset: 0, limit: 50, ...request } as RegisterListRequest);

describe.each(registerStores)('the register service on %s', (store) => {
  const where = useRegisterStore(store);
  beforeEach(() => {
    db = openDatabase(where.location(), { create: true }).db;
  });
  afterEach(() => db.close());

  describe('creating records', () => {
    it('gives each record a new UUID and stores exactly what was validated', () => {
      const { copy } = { copy: seedRegister(db).primary };
      expect(copy.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(getRecord(db, 'copy', copy.id).record).toEqual(copy);
    });

    it('refuses a reference to a record that does not exist, naming the field and the id', () => {
      const { holding } = seedRegister(db);
      const before = auditCount();
      expect(
        rejection(() => createRecord(db, actor, 'copy', { holdingId: holding.id, locationId: '3f2a-missing', kind: 'backup', createdDate: '2025-06-01' })),
      ).toEqual({ code: 'BAD_REQUEST', message: 'locationId: location "3f2a-missing" does not exist' });
      expect(auditCount()).toBe(before);
      expect(list({ kind: 'copy' }).total).toBe(2);
    });

    it('names the field zod refuses, in words', () => {
      expect(rejection(() => createRecord(db, actor, 'dsa', { nicReference: 'NIC-12' })).message).toBe(
        'nicReference: must be a NIC reference such as DARS-NIC-00574-V2H1F',
      );
      const { dsa } = seedRegister(db);
      expect(
        rejection(() => createRecord(db, actor, 'dsaVersion', { dsaId: dsa.id, version: '3', startDate: '2028-04-01', endDate: '2027-01-01' }))
          .message,
      ).toBe('endDate: must not be before the start date');
    });

    it('refuses a second DSA with the same NIC reference and a repeated version number as conflicts', () => {
      const { dsa } = seedRegister(db);
      const nic = rejection(() => createRecord(db, actor, 'dsa', { nicReference: dsa.nicReference }));
      expect(nic.code).toBe('CONFLICT');
      expect(nic.message).toBe(`nicReference: a DSA with NIC reference DARS-NIC-00574-V2H1F is already recorded (DSA "${dsa.id}")`);
      const version = rejection(() => createRecord(db, actor, 'dsaVersion', { dsaId: dsa.id, version: '2', startDate: '2025-01-01', endDate: '2025-12-31' }));
      expect(version).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^version: version 2 of this DSA is already recorded/) });
    });

    it('refuses a holding whose dataset belongs to another version, and a party listed twice', () => {
      const seeded = seedRegister(db);
      const other = createRecord(db, actor, 'dsaVersion', { dsaId: seeded.dsa.id, version: '3', startDate: '2028-04-01', endDate: '2029-03-31' });
      expect(
        rejection(() =>
          createRecord(db, actor, 'holding', { versionId: other.id, datasetId: seeded.dataset.id, darsFileReference: 'X', receivedDate: '2028-05-01' }),
        ).message,
      ).toMatch(/^datasetId: dataset ".*" belongs to another DSA version/);
      const twice = rejection(() =>
        patchRecord(db, actor, 'dsaVersion', other.id, {
          parties: [
            { organisationId: seeded.organisation.id, role: 'controller', controllerType: 'sole' },
            { organisationId: seeded.organisation.id, role: 'controller', controllerType: null },
          ],
        }),
      );
      expect(twice.message).toBe(`parties[1].organisationId: organisation "${seeded.organisation.id}" is listed twice as controller (also at position 1)`);
    });

    it('refuses an organisation that is its own predecessor', () => {
      const { organisation } = seedRegister(db);
      expect(rejection(() => patchRecord(db, actor, 'organisation', organisation.id, { predecessorId: organisation.id })).message).toBe(
        'predecessorId: an organisation cannot be its own predecessor',
      );
    });
  });

  describe('audit entries written with each change', () => {
    it('records who did what, with before and after, in a chain that verifies', () => {
      writeSettings(db, { displayName: 'Sam Patel (IG lead)' });
      const { server } = seedRegister(db);
      const changed = patchRecord(db, actor, 'location', server.id, { name: 'Leeds secure server 2' });
      archiveRecord(db, actor, 'location', server.id);
      restoreRecord(db, actor, 'location', server.id);
      const entries = listAuditEntries(db, { offset: 0, limit: 3, recordId: server.id }).entries;
      expect(entries.map((e) => e.action)).toEqual(['restore', 'archive', 'update']);
      expect(entries[2]).toMatchObject({
        osUser: 'tester',
        displayName: 'Sam Patel (IG lead)',
        at: '2026-01-15T09:30:00.000Z',
        recordKind: 'location',
        before: expect.objectContaining({ name: 'Leeds secure server' }),
        after: expect.objectContaining({ name: 'Leeds secure server 2' }),
      });
      expect(changed.name).toBe('Leeds secure server 2');
      expect(verifyAuditChain(db)).toMatchObject({ intact: true, problem: null, entries: 14 });
    });

    it('an update that changes nothing writes no entry', () => {
      const { server } = seedRegister(db);
      const before = auditCount();
      const { id: _id, archived: _archived, ...fields } = server;
      replaceRecord(db, actor, 'location', server.id, fields);
      expect(auditCount()).toBe(before);
    });

    it('a change whose audit entry cannot be written is not made at all', () => {
      const { server } = seedRegister(db);
      const brokenClock = { osUser: 'tester', now: (): Date => { throw new Error('clock failed'); } };
      expect(() => patchRecord(db, brokenClock, 'location', server.id, { name: 'Renamed' })).toThrow('clock failed');
      expect(() => createRecord(db, brokenClock, 'dsa', { nicReference: 'DARS-NIC-00001-AAAAA' })).toThrow('clock failed');
      expect(getRecord(db, 'location', server.id).record.name).toBe('Leeds secure server');
      expect(findRecords(db, 'dsa', { nicReference: 'DARS-NIC-00001-AAAAA' })).toEqual([]);
    });

    it('an audit entry is not kept when the change itself fails', () => {
      const { server } = seedRegister(db);
      const before = auditCount();
      if (store === 'sqlite') db.exec("CREATE TEMP TRIGGER refuse BEFORE UPDATE ON locations BEGIN SELECT RAISE(ABORT, 'disk said no'); END");
      else {
        db.exec(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk said no'; END $$;
          CREATE TRIGGER refuse BEFORE UPDATE ON locations FOR EACH ROW EXECUTE FUNCTION refuse()`);
      }
      expect(() => patchRecord(db, actor, 'location', server.id, { name: 'Renamed' })).toThrow('disk said no');
      expect(auditCount()).toBe(before);
    });
  });

  describe('listing', () => {
    it('pages, sorts, searches and filters', () => {
      const seeded = seedRegister(db);
      for (let i = 0; i < 30; i++) {
        createRecord(db, actor, 'copy', {
          holdingId: seeded.holding.id,
          locationId: i % 2 ? seeded.server.id : seeded.backup.id,
          kind: 'derived',
          pathOrDescription: `/work/extract-${String(i).padStart(2, '0')}.csv`,
          createdDate: `2025-06-${String(i + 1).padStart(2, '0')}`,
          destroyedDate: i < 5 ? '2025-12-01' : null,
        });
      }
      const page = list({ kind: 'copy', offset: 10, limit: 10, sort: { field: 'createdDate', direction: 'desc' } });
      expect(page.total).toBe(32);
      expect(page.records.map((r) => (r as { createdDate: string }).createdDate)).toEqual(
        Array.from({ length: 10 }, (_, i) => `2025-06-${String(20 - i).padStart(2, '0')}`),
      );
      expect(list({ kind: 'copy', search: 'extract-1' }).total).toBe(10);
      expect(list({ kind: 'copy', search: 'vault' }).total).toBe(16); // by the location's name
      expect(list({ kind: 'copy', search: 'NIC00574 tape' }).total).toBe(1); // every word must match
      expect(list({ kind: 'copy', search: '100%' }).total).toBe(0); // wildcards are literal
      expect(list({ kind: 'copy', filters: { live: true, locationId: seeded.server.id } }).total).toBe(14);
      expect(list({ kind: 'holding', filters: { locationId: seeded.backup.id } }).records).toHaveLength(1);
      expect(list({ kind: 'dsaVersion', filters: { organisationId: seeded.processor.id } }).total).toBe(1);
    });

    it('labels each record and what it refers to by the names people use', () => {
      const seeded = seedRegister(db);
      const page = list({ kind: 'copy', filters: { holdingId: seeded.holding.id } });
      expect(page.labels[seeded.primary.id]).toBe('Primary copy of NIC00574_HES_APC_2024 at Leeds secure server');
      expect(page.labels[seeded.backup.id]).toBe('Offsite backup vault');
      expect(getRecord(db, 'dsaVersion', seeded.version.id).label).toBe('DARS-NIC-00574-V2H1F v2');
    });

    it('hides archived records when asked and shows everything related on a detail', () => {
      const seeded = seedRegister(db);
      archiveRecord(db, actor, 'copy', seeded.backupCopy.id);
      expect(list({ kind: 'copy', filters: { archived: false } }).records.map((r) => r.id)).toEqual([seeded.primary.id]);
      const detail = getRecord(db, 'dsaVersion', seeded.version.id);
      const totals = Object.fromEntries(detail.related.map((g) => [g.kind, g.total]));
      expect(totals).toEqual({ dataset: 1, approvedLocation: 1, holding: 1, copy: 2, obligation: 0, certificate: 0 });
    });
  });

  describe('over IPC', () => {
    it('returns refusals as values the form can show, and creates through the contract', async () => {
      const dir = makeTempDir();
      const { context } = createServiceContext({ databasePath: where.location(), appVersion: 'test', dataDir: dir.dir });
      try {
        const org = await dispatch(handlerTable, context, 'register.create', {
          kind: 'organisation',
          record: { legalName: 'Bradford ICB' },
        });
        expect(org).toMatchObject({ ok: true, value: { kind: 'organisation', record: { legalName: 'Bradford ICB', archived: false } } });
        const bad = await dispatch(handlerTable, context, 'register.create', {
          kind: 'location',
          record: { name: 'Laptop', operatorOrganisationId: 'nobody', kind: 'end-user-device', country: 'England' },
        });
        expect(bad).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'operatorOrganisationId: organisation "nobody" does not exist' } });
        const missing = await dispatch(handlerTable, context, 'register.get', { kind: 'copy', id: 'gone' });
        expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        const verify = await dispatch(handlerTable, context, 'audit.verify', {});
        expect(verify).toMatchObject({ ok: true, value: { intact: true, entries: 1 } });
      } finally {
        context.db.close();
        dir.remove();
      }
    });
  });
});
