import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { listRecords } from '../../electron/register/register-list';
import { addDays } from '../../shared/register/dates';
import type { CopyFacts, DsaFacts, HoldingFacts } from '../../shared/register/list-facts';
import type { RegisterListRequest } from '../../shared/register/register-api';
import type { RegisterContent } from '../../shared/register/snapshot';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { twoAgreements } from '../helpers/two-agreements';

/**
 * The facts lists show and sort and filter by (issue 11, item 4), read through register.list's
 * implementation, against what this test works out from the register it stored: live copies by
 * counting, destroy-by from the renewal chain's rule, states from the copies and certificates.
 */
const AS_OF = '2026-06-01';

function register(): RegisterContent {
  const r = twoAgreements();
  // The other agreement's holding: every copy destroyed, no certificate. A third holding of hip with no copies.
  for (const copy of r.copies) if (copy.holdingId === 'o-h') copy.destroyedDate = '2026-05-01';
  r.holdings.push({ ...r.holdings.find((h) => h.id === 'hes-2024')!, id: 'hes-empty', darsFileReference: 'NIC00574_EMPTY' });
  // An agreement that ended on 31 January with 30 days to destroy, its copy still held: overdue since 2 March.
  r.dsas.push({ id: 'old', archived: false, nicReference: 'DARS-NIC-11111-A1B2C', title: 'An ended study' } as never);
  const v42 = r.versions.find((v) => v.id === 'v4.2')!;
  r.versions.push({ ...v42, id: 'old-v1', dsaId: 'old', version: '1', status: 'expired', startDate: '2023-02-01', endDate: '2026-01-31', predecessorVersionId: null, destructionRule: { kind: 'days-after-end', days: 30 } });
  r.datasets.push({ ...r.datasets.find((d) => d.versionId === 'v4.2')!, id: 'old-ds', versionId: 'old-v1' });
  r.approvedLocations.push({ ...r.approvedLocations.find((a) => a.id === 'a42-tre-store')!, id: 'old-a', versionId: 'old-v1' });
  r.holdings.push({ ...r.holdings.find((h) => h.id === 'hes-2024')!, id: 'old-h', versionId: 'old-v1', datasetId: 'old-ds', darsFileReference: 'NIC11111_OLD', receivedDate: '2023-03-01', dataYear: null });
  r.copies.push({ ...r.copies.find((c) => c.id === 'c-2024-tre')!, id: 'old-c', holdingId: 'old-h', createdDate: '2023-03-01' });
  return r;
}

const list = (db: ReturnType<typeof openDatabase>['db'], request: Omit<RegisterListRequest, 'offset' | 'limit'> & { offset?: number; limit?: number }) =>
  listRecords(db, { offset: 0, limit: 500, filters: { archived: false }, ...request } as RegisterListRequest, { asOf: AS_OF });

type Page = ReturnType<typeof listRecords>;
const factsOf = <F,>(page: Page) => (page.facts ?? {}) as Record<string, F>;

describe('list facts, sorted and filtered on the server', () => {
  const temp = useTempDir();

  it('agreements: current version, controllers, live copies; sorted by live copies', () => {
    const r = register();
    const { db } = openDatabase(temp.path('r.sqlite'), { create: true });
    storeRegister(db, r);
    const live = (dsaId: string) => {
      const versions = new Set(r.versions.filter((v) => v.dsaId === dsaId).map((v) => v.id));
      const holdings = new Set(r.holdings.filter((h) => versions.has(h.versionId)).map((h) => h.id));
      return r.copies.filter((c) => holdings.has(c.holdingId) && c.destroyedDate === null).length;
    };
    const page = list(db, { kind: 'dsa', sort: { field: 'liveCopies', direction: 'desc' } });
    expect(page.records.map((d) => d.id)).toEqual(['hip', 'old', 'other'].sort((a, b) => live(b) - live(a)));
    const facts = factsOf<DsaFacts>(page);
    expect(facts.hip!.liveCopies).toBe(live('hip'));
    expect(facts.other!.liveCopies).toBe(0);
    expect(facts.hip!.currentVersion!.id).toBe('v4.2');
    expect(facts.hip!.endDate).toBe('2028-03-31');
    expect(facts.hip!.controllers.map((c) => c.id).sort()).toEqual(['trust', 'uni']);
    expect(facts.hip!.openFindings).toBeGreaterThan(0);
    db.close();
  });

  it('holdings: destroy-by through renewals, live copies and state; filtered by state and sorted by destroy-by', () => {
    const r = register();
    const { db } = openDatabase(temp.path('r.sqlite'), { create: true });
    storeRegister(db, r);
    const page = list(db, { kind: 'holding', sort: { field: 'destroyBy', direction: 'asc' } });
    // v4.1's holding is governed by v4.2 (its renewal): 30 days after 31 March 2028, not v4.1's end.
    const facts = factsOf<HoldingFacts>(page);
    expect(facts['hes-2023']!.destroyBy).toBe(addDays('2028-03-31', 30));
    expect(facts['hes-2023']!.state).toBe('live');
    expect(facts['o-h']!.state).toBe('destroyed');
    expect(facts['hes-empty']!.state).toBe('no-copies');
    expect(facts['old-h']!.state).toBe('overdue');
    expect(facts['old-h']!.destroyBy).toBe(addDays('2026-01-31', 30));
    expect(list(db, { kind: 'holding', filters: { archived: false, holdingState: 'overdue' } }).records.map((h) => h.id)).toEqual(['old-h']);
    const dates = page.records.map((h) => facts[h.id]!.destroyBy);
    expect(dates).toEqual([...dates].sort((a, b) => (a ?? '9999').localeCompare(b ?? '9999')));
    expect(list(db, { kind: 'holding', filters: { archived: false, holdingState: 'destroyed' } }).records.map((h) => h.id)).toEqual(['o-h']);
    db.close();
  });

  it('copies: flagged where a finding says the location is wrong; filter and sort by it, with totals and pages over the whole list', () => {
    const r = register();
    const { db } = openDatabase(temp.path('r.sqlite'), { create: true });
    storeRegister(db, r);
    const flagged = list(db, { kind: 'copy', filters: { archived: false, flagged: true } });
    expect(flagged.records.map((c) => c.id)).toEqual(['c-laptop']);
    expect(factsOf<CopyFacts>(flagged)['c-laptop']!.locationFlags).toEqual(['unapproved']);
    const all = list(db, { kind: 'copy', sort: { field: 'locationFlag', direction: 'desc' } });
    expect(all.total).toBe(r.copies.length);
    expect(all.records[0]!.id).toBe('c-laptop');
    // A page of two from the middle is the same rows as the whole list's middle.
    const second = list(db, { kind: 'copy', sort: { field: 'locationFlag', direction: 'desc' }, offset: 2, limit: 2 });
    expect(second.records.map((c) => c.id)).toEqual(all.records.slice(2, 4).map((c) => c.id));
    expect(second.total).toBe(all.total);
    db.close();
  });

  it('copies: a location outside the agreement\'s territory flags every copy held there under it', () => {
    const r = register();
    r.locations.find((l) => l.id === 'aws-london')!.country = 'United States';
    const { db } = openDatabase(temp.path('r.sqlite'), { create: true });
    storeRegister(db, r);
    const expected = r.copies.filter((c) => c.locationId === 'aws-london' && c.destroyedDate === null).map((c) => c.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    const flagged = list(db, { kind: 'copy', filters: { archived: false, flagged: true } });
    const facts = factsOf<CopyFacts>(flagged);
    expect(flagged.records.filter((c) => facts[c.id]!.locationFlags.includes('outside-territory')).map((c) => c.id).sort()).toEqual(expected);
    db.close();
  });
});
