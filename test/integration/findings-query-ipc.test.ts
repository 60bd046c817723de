import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { cachedFromRegister } from '../../electron/register/register-cache';
import { patchRecord } from '../../electron/register/register-service';
import { createServiceContext } from '../../electron/service-context';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/ipc/contract';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The findings as the screens ask for them: the dashboard's overview, one severity, those about a
 * record, a page; and answered afresh after any change to the register, whether the app made it or
 * another program (the CLI) did.
 */
describe('IPC findings.list filters and findings.overview', () => {
  const temp = useTempDir();

  /** Three lapsed registrations (high), two unapproved-role copies… a register with findings of two severities. */
  function context() {
    const builder = compliantRegister()
      .update('organisation', 'aws', { icoRenewalDate: '2026-05-31' })
      .update('organisation', 'csu', { icoRenewalDate: '2026-05-30' })
      .update('organisation', 'uni', { icoRenewalDate: '2026-05-29' });
    const { context } = createServiceContext({ databasePath: temp.path('r.sqlite'), appVersion: 't', now: () => new Date(`${SCENARIO_AS_OF}T10:00:00`) });
    storeRegister(context.db, builder.build());
    return context;
  }

  async function ask<M extends ApiMethod>(ctx: ReturnType<typeof context>, method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
    const result = await dispatch(handlerTable, ctx, method, request);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ApiResponse<M>;
  }

  it('pages, filters by severity, code and subject, and counts every match', async () => {
    const ctx = context();
    const all = await ask(ctx, 'findings.list', {});
    expect(all.total).toBe(3);
    expect(all.findings.map((f) => f.id)).toEqual(['ICO_REGISTRATION_EXPIRED:uni', 'ICO_REGISTRATION_EXPIRED:csu', 'ICO_REGISTRATION_EXPIRED:aws']);
    const page = await ask(ctx, 'findings.list', { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, findings: [{ id: 'ICO_REGISTRATION_EXPIRED:csu' }] });
    expect(await ask(ctx, 'findings.list', { subjectIds: ['csu', 'no-such-record'] })).toMatchObject({ total: 1, findings: [{ id: 'ICO_REGISTRATION_EXPIRED:csu' }] });
    expect((await ask(ctx, 'findings.list', { severity: 'low' })).total).toBe(0);
    expect((await ask(ctx, 'findings.list', { code: 'ICO_REGISTRATION_EXPIRED', severity: all.findings[0]!.severity })).total).toBe(3);
    const bad = await dispatch(handlerTable, ctx, 'findings.list', { limit: 0 });
    expect(!bad.ok && bad.error.message).toMatch(/^limit: /);
    ctx.db.close();
  });

  it('overview: counts per severity with only the first few sent', async () => {
    const ctx = context();
    const overview = await ask(ctx, 'findings.overview', { first: 2 });
    const severity = (await ask(ctx, 'findings.list', {})).findings[0]!.severity;
    expect(overview.bySeverity[severity].total).toBe(3);
    expect(overview.bySeverity[severity].first.map((f) => f.id)).toEqual(['ICO_REGISTRATION_EXPIRED:uni', 'ICO_REGISTRATION_EXPIRED:csu']);
    expect(overview.overdueObligations).toEqual({ total: 0, first: [] });
    ctx.db.close();
  });

  it('answers afresh after a change made by the app, and after one made by another connection', async () => {
    const ctx = context();
    expect((await ask(ctx, 'findings.list', {})).total).toBe(3);
    patchRecord(ctx.db, { now: () => new Date(), osUser: 'test' }, 'organisation', 'uni', { icoRenewalDate: '2027-05-29' });
    expect((await ask(ctx, 'findings.list', {})).findings.map((f) => f.id)).toEqual(['ICO_REGISTRATION_EXPIRED:csu', 'ICO_REGISTRATION_EXPIRED:aws']);
    // The CLI writes through its own connection: this one must notice.
    const other = new Database(temp.path('r.sqlite'));
    other.prepare("UPDATE organisations SET ico_renewal_date = '2027-05-30' WHERE id = 'csu'").run();
    other.close();
    expect((await ask(ctx, 'findings.list', {})).findings.map((f) => f.id)).toEqual(['ICO_REGISTRATION_EXPIRED:aws']);
    expect((await ask(ctx, 'deadlines.upcoming', { horizonDays: 365 })).deadlines.filter((d) => d.kind === 'ico-renewal').map((d) => d.record.id)).toEqual(['uni', 'csu']);
    ctx.db.close();
  });

  it('remembers nothing computed inside a write transaction that is then rolled back', () => {
    const ctx = context();
    const rolledBack = ctx.db.transaction(() => {
      ctx.db.prepare("UPDATE organisations SET ico_renewal_date = '2027-06-01' WHERE id = 'aws'").run();
      const inside = cachedFromRegister(ctx.db, 'probe', (index) => index.organisations.get('aws')!.icoRenewalDate);
      throw Object.assign(new Error('roll back'), { inside });
    });
    const inside = (() => {
      try {
        rolledBack();
      } catch (error) {
        return (error as { inside: string }).inside;
      }
    })();
    expect(inside).toBe('2027-06-01');
    expect(cachedFromRegister(ctx.db, 'probe', (index) => index.organisations.get('aws')!.icoRenewalDate)).toBe('2026-05-31');
    ctx.db.close();
  });
});
