import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { archiveRecord, createRecord, patchRecord } from '../../electron/register/register-service';
import { createServiceContext } from '../../electron/service-context';
import type { ApiResponse } from '../../shared/ipc/contract';
import { indexRegister, isLiveCopy } from '../../shared/register/register-index';
import type { RegisterContent } from '../../shared/register/snapshot';
import { asOfArbitrary, registerArbitrary } from '../helpers/register-arbitrary';
import { seedRegister, testActor } from '../helpers/register-seed';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

describe('IPC dashboard.summary and audit.list over a period (what the Audit log screen asks)', () => {
  const temp = useTempDir();
  const open = (today = '2026-01-20') =>
    createServiceContext({ databasePath: temp.path('r.sqlite'), appVersion: 't', now: () => new Date(`${today}T10:00:00`) }).context;
  const value = <T>(result: { ok: boolean; value?: unknown }) => {
    if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result)}`);
    return result.value as T;
  };

  it('counts nothing on an empty register, so the dashboard can say it is empty', async () => {
    const context = open();
    const summary = value<ApiResponse<'dashboard.summary'>>(await dispatch(handlerTable, context, 'dashboard.summary', {}));
    expect(summary).toEqual({ asOf: '2026-01-20', liveHoldings: 0, liveCopies: 0, organisations: 0, agreements: 0, locations: 0, holdings: 0 });
    context.db.close();
  });

  it('counts live copies and the holdings that have one; a destroyed or archived copy is not live', async () => {
    const context = open();
    const seeded = seedRegister(context.db);
    const summary = async (asOf?: string) =>
      value<ApiResponse<'dashboard.summary'>>(await dispatch(handlerTable, context, 'dashboard.summary', asOf ? { asOf } : {}));
    expect(await summary()).toMatchObject({ liveHoldings: 1, liveCopies: 2, organisations: 2, agreements: 1, locations: 2, holdings: 1 });

    patchRecord(context.db, testActor(), 'copy', seeded.primary.id, { destroyedDate: '2026-01-10' });
    expect(await summary()).toMatchObject({ liveHoldings: 1, liveCopies: 1 });
    // Before the destruction date the copy was still live.
    expect(await summary('2026-01-09')).toMatchObject({ asOf: '2026-01-09', liveCopies: 2 });

    archiveRecord(context.db, testActor(), 'copy', seeded.backupCopy.id);
    expect(await summary()).toMatchObject({ liveHoldings: 0, liveCopies: 0, holdings: 1 });
    context.db.close();
  });

  it('counts exactly what the findings count as live, on every register and date (property)', async () => {
    /** The findings' own definition: the register index leaves out archived records and all under them. */
    const expected = (register: RegisterContent, asOf: string) => {
      const index = indexRegister(register);
      const live = [...index.copies.values()].filter((c) => isLiveCopy(c, asOf));
      return {
        asOf,
        liveCopies: live.length,
        liveHoldings: new Set(live.map((c) => c.holdingId)).size,
        organisations: index.organisations.size,
        agreements: index.dsas.size,
        locations: index.locations.size,
        holdings: index.holdings.size,
      };
    };
    let run = 0;
    await fc.assert(
      fc.asyncProperty(registerArbitrary, asOfArbitrary, async (register, asOf) => {
        const context = createServiceContext({ databasePath: temp.path(`p${run++}.sqlite`), appVersion: 't' }).context;
        storeRegister(context.db, register);
        const summary = value<ApiResponse<'dashboard.summary'>>(await dispatch(handlerTable, context, 'dashboard.summary', { asOf }));
        context.db.close();
        expect(summary).toEqual(expected(register, asOf));
      }),
      { numRuns: 40 },
    );
  });

  it('lists audit entries within a period, newest first, with the other filters still applied', async () => {
    const context = open();
    seedRegister(context.db, testActor('2026-01-15T09:30:00.000Z'));
    const later = testActor('2026-01-17T23:59:59.999Z');
    const organisation = createRecord(context.db, later, 'organisation', { legalName: 'Bradford District Care NHS Foundation Trust' });
    createRecord(context.db, testActor('2026-01-17T00:00:00.000Z'), 'organisation', { legalName: 'Airedale NHS Foundation Trust' });
    patchRecord(context.db, testActor('2026-01-18T00:00:00.000Z'), 'organisation', organisation.id, { odsCode: 'RR9' });

    const list = async (request: Record<string, unknown>) =>
      value<ApiResponse<'audit.list'>>(await dispatch(handlerTable, context, 'audit.list', request));
    const all = await list({ limit: 500 });
    const onThe17th = await list({ from: '2026-01-17T00:00:00Z', until: '2026-01-18T00:00:00.000Z', limit: 500 });
    expect(onThe17th.total).toBe(all.entries.filter((e) => e.at.startsWith('2026-01-17')).length);
    expect(onThe17th.total).toBeGreaterThan(0);
    expect(onThe17th.entries.every((e) => e.at.startsWith('2026-01-17'))).toBe(true);
    expect(onThe17th.entries.map((e) => e.seq)).toEqual([...onThe17th.entries.map((e) => e.seq)].sort((a, b) => b - a));

    const fromThe18th = await list({ from: '2026-01-18T00:00:00.000Z' });
    expect(fromThe18th.entries.map((e) => [e.action, e.recordId])).toEqual([['update', organisation.id]]);

    const organisationsOnThe17th = await list({ from: '2026-01-17T00:00:00.000Z', until: '2026-01-18T00:00:00.000Z', kind: 'organisation' });
    expect(organisationsOnThe17th.total).toBe(2);
    context.db.close();
  });

  it('refuses a bound that is not an instant, naming the field', async () => {
    const context = open();
    const result = await dispatch(handlerTable, context, 'audit.list', { from: '17/01/2026' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!result.ok && result.error.message).toMatch(/^from: /);
    context.db.close();
  });
});
