import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { loadRegister } from '../../electron/register/load-register';
import { listRecords } from '../../electron/register/register-list';
import { getRecord } from '../../electron/register/register-service';
import { importRegisterSnapshot } from '../../electron/register/snapshot-import';
import { filtersByKind, sortableFields, type ListFilterName, type RegisterListRequest } from '../../shared/register/register-api';
import { kindOfList, registerListNames } from '../../shared/register/register-lists';
import { recordKinds } from '../../shared/register/records';
import { testActor } from '../helpers/register-seed';
import { storedRegisterArbitrary } from '../helpers/stored-register-arbitrary';
import { useTempDir } from '../helpers/temp-dir';

describe('every list, every filter, every sort', () => {
  const temp = useTempDir();

  it('runs for each kind and gives what the register holds, labelled', () => {
    // The fullest of a fixed sample, so that every filter has records to keep and records to drop.
    const size = (r: (typeof samples)[number]) => Object.values(r).reduce((n, list: unknown[]) => n + list.length, 0);
    const samples = fc.sample(storedRegisterArbitrary, { numRuns: 40, seed: 20260115 });
    const register = samples.reduce((a, b) => (size(b) > size(a) ? b : a));
    expect(register.versions.length).toBeGreaterThan(2);
    expect(register.copies.length).toBeGreaterThan(5);
    const { db } = openDatabase(temp.path('r.sqlite'), { create: true });
    importRegisterSnapshot(db, testActor(), { format: 'custodian-register', formatVersion: 1, exportedAt: '2026-01-15T00:00:00Z', register }, 'sample.json');
    const loaded = loadRegister(db);
    const anyId = (name: ListFilterName) => {
      const list = { organisationId: loaded.organisations, dsaId: loaded.dsas, versionId: loaded.versions, datasetId: loaded.datasets, locationId: loaded.locations, holdingId: loaded.holdings }[
        name as 'organisationId'
      ];
      return list?.[0]?.id ?? 'none';
    };
    for (const name of registerListNames) {
      const kind = kindOfList[name];
      const all = loaded[name] as { id: string; archived: boolean }[];
      const page = listRecords(db, { kind, offset: 0, limit: 500 } as RegisterListRequest);
      expect(page.total, kind).toBe(all.length);
      expect(page.records.map((r) => r.id), kind).toEqual(all.map((r) => r.id));
      for (const record of page.records) expect(page.labels[record.id], `${kind} label`).toEqual(expect.any(String));
      expect(listRecords(db, { kind, offset: 0, limit: 50, filters: { archived: true } } as RegisterListRequest).total).toBe(all.filter((r) => r.archived).length);
      if (all[0]) expect(listRecords(db, { kind, offset: 0, limit: 5, search: all[0].id } as RegisterListRequest).records[0]?.id).toBe(all[0].id);
      for (const field of sortableFields[kind]) {
        for (const direction of ['asc', 'desc'] as const) {
          const sorted = listRecords(db, { kind, offset: 0, limit: 500, sort: { field, direction }, search: 'a' } as RegisterListRequest);
          expect(sorted.records.length).toBeLessThanOrEqual(sorted.total);
        }
      }
      for (const filter of filtersByKind[kind] as readonly ListFilterName[]) {
        const value = filter === 'archived' || filter === 'live' ? false : anyId(filter);
        const filtered = listRecords(db, { kind, offset: 0, limit: 500, filters: { [filter]: value } } as RegisterListRequest);
        expect(filtered.total).toBeLessThanOrEqual(all.length);
      }
      if (all[0]) expect(getRecord(db, kind, all[0].id).record).toEqual(all[0]);
    }
    // The filters the findings and detail screens lean on give exactly the records they should.
    const ids = (request: Omit<RegisterListRequest, 'offset' | 'limit'>) =>
      listRecords(db, { offset: 0, limit: 500, ...request } as RegisterListRequest).records.map((r) => r.id).sort();
    const expected = (records: { id: string }[]) => records.map((r) => r.id).sort();
    const holding = loaded.holdings[0];
    if (holding) expect(ids({ kind: 'copy', filters: { holdingId: holding.id } })).toEqual(expected(loaded.copies.filter((c) => c.holdingId === holding.id)));
    const location = loaded.locations[0]!;
    expect(ids({ kind: 'copy', filters: { locationId: location.id, live: true } })).toEqual(
      expected(loaded.copies.filter((c) => c.locationId === location.id && c.destroyedDate === null)),
    );
    const organisation = loaded.organisations[0]!;
    expect(ids({ kind: 'dsaVersion', filters: { organisationId: organisation.id } })).toEqual(
      expected(loaded.versions.filter((v) => v.parties.some((p) => p.organisationId === organisation.id))),
    );
    const version = loaded.versions[0]!;
    const holdingsOfVersion = new Set(loaded.holdings.filter((h) => h.versionId === version.id).map((h) => h.id));
    expect(ids({ kind: 'copy', filters: { versionId: version.id } })).toEqual(expected(loaded.copies.filter((c) => holdingsOfVersion.has(c.holdingId))));
    expect(recordKinds).toHaveLength(registerListNames.length);
    db.close();
  });
});
