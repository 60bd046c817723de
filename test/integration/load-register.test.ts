import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { insertRecordRow } from '../../electron/register/record-rows';
import { recordTables } from '../../electron/register/record-tables';
import { loadRegister } from '../../electron/register/load-register';
import { dsaVersionSchema, organisationSchema, dsaSchema, type RecordKind } from '../../shared/register/records';
import { emptyRegister } from '../../shared/register/snapshot';
import { useTempDir } from '../helpers/temp-dir';

describe('loadRegister', () => {
  const temp = useTempDir();

  it('reads an empty register as empty lists', () => {
    const { db } = openDatabase(temp.path('r.sqlite'), { create: true });
    expect(loadRegister(db)).toEqual(emptyRegister());
    db.close();
  });

  it('gives back nested values, lists and flags exactly as they were stored', () => {
    const { db } = openDatabase(temp.path('r.sqlite'), { create: true });
    const store = (kind: RecordKind, record: Record<string, unknown>) => insertRecordRow(db, recordTables[kind], record);
    const org = organisationSchema.parse({ id: 'o1', legalName: 'Leeds Trust', roles: ['controller', 'processor'], archived: true });
    const dsa = dsaSchema.parse({ id: 'd1', nicReference: 'DARS-NIC-00574-V2H1F' });
    const version = dsaVersionSchema.parse({
      id: 'v1',
      dsaId: 'd1',
      version: '4.2',
      startDate: '2024-04-01',
      endDate: '2027-03-31',
      parties: [{ organisationId: 'o1', role: 'controller', controllerType: 'sole' }, { organisationId: 'o1', role: 'processor' }],
      lawfulBases: { article6: '6(1)(e)', article9: null, commonLawBasis: null, s251Reference: 'CAG 1-2', s251Expiry: '2026-01-01' },
      destructionRule: { kind: 'rolling', weeks: 6 },
      commercial: true,
    });
    store('organisation', org);
    store('dsa', dsa);
    store('dsaVersion', version);
    const loaded = loadRegister(db);
    expect(loaded.organisations).toEqual([org]);
    expect(loaded.versions).toEqual([version]);
    expect(loaded.versions[0]!.destructionRule).toStrictEqual({ kind: 'rolling', weeks: 6 });
    db.close();
  });
});
