import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/ipc/contract';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The dashboard's findings table (findings.table): five backup copies at one unapproved DR site
 * read as one row listing the five; a laptop copy is its own row; filters and grouping are done in
 * main and agree with findings.list, which counts the same findings by another path.
 */
const DR_COPIES = ['c-dr-1', 'c-dr-2', 'c-dr-3', 'c-dr-4', 'c-dr-5'];

function register() {
  let builder = compliantRegister()
    .location('dr', { name: 'Leeds DR site', operator: 'csu', kind: 'backup', address: 'Leeds' })
    .location('laptop', { name: 'Analyst laptop EX-4471', operator: 'uni', kind: 'end-user-device' })
    .copy('c-laptop', 'hes-2024', 'laptop', 'derived', { createdDate: '2025-07-01' });
  for (const id of DR_COPIES) builder = builder.copy(id, 'hes-2024', 'dr', 'backup', { pathOrDescription: `dr://vault/${id}` });
  return builder.build();
}

describe('findings.table: the dashboard findings grouped, filtered and folded in main', () => {
  const temp = useTempDir('custodian-findings-table-');

  function app() {
    const { context } = createServiceContext({ databasePath: temp.path('register.sqlite'), appVersion: 'test', now: () => new Date(`${SCENARIO_AS_OF}T10:00:00Z`) });
    storeRegister(context.db, register());
    return async <M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> => {
      const result = await dispatch(handlerTable, context, method, request);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as ApiResponse<M>;
    };
  }

  it('folds the five DR-site copies into one row that lists them, and counts each group as findings.list does', async () => {
    const ask = app();
    const table = await ask('findings.table', { groupBy: 'code' });
    const listed = await ask('findings.list', {});
    expect(table.total).toBe(listed.total);
    const unapproved = table.groups.find((g) => g.key === 'COPY_AT_UNAPPROVED_LOCATION')!;
    expect(unapproved.label).toBe('Copy at an unapproved location');
    expect(unapproved.count).toBe(listed.findings.filter((f) => f.code === 'COPY_AT_UNAPPROVED_LOCATION').length);
    const dr = unapproved.rows.find((r) => r.location?.label === 'Leeds DR site')!;
    expect(dr.count).toBe(5);
    expect(dr.title).toBe('Copy at an unapproved location: 5 findings at Leeds DR site');
    expect(dr.agreement?.label).toBe('DARS-NIC-00574-V2H1F');
    expect(dr.findings.flatMap((f) => f.subjects.filter((s) => s.kind === 'copy').map((s) => s.id)).sort()).toEqual(DR_COPIES);
    // What tells the five apart: each copy's recorded path, by finding.
    expect(Object.values(dr.notes).sort()).toEqual(DR_COPIES.map((id) => `dr://vault/${id}`));
    const laptop = unapproved.rows.find((r) => r.location?.label === 'Analyst laptop EX-4471')!;
    expect(laptop.count).toBe(1);
    expect(laptop.title).toBe(laptop.findings[0]!.title);
    // Every finding of the register is in exactly one group.
    expect(table.groups.reduce((n, g) => n + g.count, 0)).toBe(listed.total);
  });

  it('filters by location, agreement, severity, code and status, and offers each value with its count', async () => {
    const ask = app();
    const all = await ask('findings.table', { groupBy: 'agreement' });
    const drFacet = all.facets.locations.find((l) => l.label === 'Leeds DR site')!;
    const atDr = await ask('findings.table', { groupBy: 'agreement', locationId: drFacet.value });
    expect(atDr.total).toBe(drFacet.count);
    expect(atDr.groups.flatMap((g) => g.rows).every((r) => r.location?.label === 'Leeds DR site')).toBe(true);

    const high = await ask('findings.table', { groupBy: 'code', severity: 'high' });
    expect(high.groups.flatMap((g) => g.rows).every((r) => r.severity === 'high')).toBe(true);
    expect(high.total).toBe((await ask('findings.list', { severity: 'high' })).total);

    const one = await ask('findings.table', { groupBy: 'code', code: 'COPY_AT_UNAPPROVED_LOCATION' });
    expect(one.groups.map((g) => g.key)).toEqual(['COPY_AT_UNAPPROVED_LOCATION']);

    const hip = all.facets.agreements.find((a) => a.label === 'DARS-NIC-00574-V2H1F')!;
    const ofHip = await ask('findings.table', { groupBy: 'code', agreementId: hip.value });
    expect(ofHip.groups.flatMap((g) => g.rows).every((r) => r.agreement?.id === hip.value)).toBe(true);

    const drFinding = atDr.groups[0]!.rows[0]!.findings[0]!;
    await ask('findings.setStatus', { findingId: drFinding.id, state: 'acknowledged', owner: 'J Smith', targetDate: '2026-07-01' });
    const acknowledged = await ask('findings.table', { groupBy: 'code', status: 'acknowledged' });
    expect(acknowledged.total).toBe(1);
    expect(acknowledged.groups[0]!.rows[0]!.findings[0]!.id).toBe(drFinding.id);
    const drRow = (await ask('findings.table', { groupBy: 'code', locationId: drFacet.value })).groups[0]!.rows[0]!;
    expect(drRow.states).toEqual({ open: 4, acknowledged: 1, 'risk-accepted': 0 });
  });

  it('pages one group\'s rows, and refuses a filter it does not know in words', async () => {
    const ask = app();
    const group = (await ask('findings.table', { groupBy: 'code', groupKey: 'COPY_AT_UNAPPROVED_LOCATION', offset: 1, limit: 1 })).groups[0]!;
    expect(group.rowCount).toBe(2);
    expect(group.rows).toHaveLength(1);
    const { context } = createServiceContext({ databasePath: temp.path('other.sqlite'), appVersion: 'test' });
    const refused = await dispatch(handlerTable, context, 'findings.table', { groupBy: 'holding' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/groupBy/);
  });
});
