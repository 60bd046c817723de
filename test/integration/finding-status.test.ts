import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { listAuditEntries } from '../../electron/register/audit-log';
import { createServiceContext } from '../../electron/service-context';
import { openDatabase } from '../../electron/db/open-database';
import { migrations } from '../../electron/db/migrations';
import type { ApiResponse } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { compliantRegister } from '../helpers/compliant-register';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { registerStores, useRegisterStore } from '../helpers/register-stores';

/** AWS's ICO registration lapsed on 31 May 2026: one medium finding from 1 June. */
const lapsedIco = () => compliantRegister().update('organisation', 'aws', { icoRenewalDate: '2026-05-31' });
const ICO = 'ICO_REGISTRATION_EXPIRED:aws';

describe.each(registerStores)('on %s', (store) => {
  const where = useRegisterStore(store);

  describe('finding statuses through IPC (findings.setStatus, list and overview)', () => {
    const temp = useTempDir();

    /** A context over the lapsed-ICO register whose clock reads `today` at 10:00 (changeable). */
    function contextOn(today: string) {
      const clock = { today };
      const { context } = createServiceContext({ databasePath: where.location(), dataDir: temp.dir, appVersion: 't', now: () => new Date(`${clock.today}T10:00:00`) });
      storeRegister(context.db, lapsedIco().build());
      return { context, clock };
    }
    const value = <T>(result: Result<unknown>) => (result.ok ? result.value : null) as T;

    it('acknowledging shows in list and overview, filters by status, is audited, and reopens after the target date', async () => {
      const { context } = contextOn('2026-06-01');
      const set = await dispatch(handlerTable, context, 'findings.setStatus', { findingId: ICO, state: 'acknowledged', owner: 'Priya Shah', targetDate: '2026-06-30' });
      expect(value<ApiResponse<'findings.setStatus'>>(set).finding.status).toMatchObject({ state: 'acknowledged', owner: 'Priya Shah', targetDate: '2026-06-30' });

      const acknowledged = value<ApiResponse<'findings.list'>>(await dispatch(handlerTable, context, 'findings.list', { status: 'acknowledged' }));
      expect(acknowledged.findings.map((f) => [f.id, f.status?.state])).toEqual([[ICO, 'acknowledged']]);
      expect(value<ApiResponse<'findings.list'>>(await dispatch(handlerTable, context, 'findings.list', { status: 'open' })).total).toBe(0);
      const openOverview = value<ApiResponse<'findings.overview'>>(await dispatch(handlerTable, context, 'findings.overview', { first: 5, status: 'open' }));
      expect(openOverview.bySeverity.medium.total).toBe(0);
      const allOverview = value<ApiResponse<'findings.overview'>>(await dispatch(handlerTable, context, 'findings.overview', { first: 5 }));
      expect(allOverview.bySeverity.medium.first[0]!.status).toMatchObject({ state: 'acknowledged', owner: 'Priya Shah' });

      // On the target date it still holds; the day after, it is open again, saying why.
      const onTarget = value<ApiResponse<'findings.list'>>(await dispatch(handlerTable, context, 'findings.list', { asOf: '2026-06-30' }));
      expect(onTarget.findings[0]!.status?.state).toBe('acknowledged');
      const after = value<ApiResponse<'findings.list'>>(await dispatch(handlerTable, context, 'findings.list', { asOf: '2026-07-01', status: 'open' }));
      expect(after.findings.map((f) => f.status)).toEqual([{ state: 'open', reopened: 'target-date-passed' }]);

      const audit = listAuditEntries(context.db, { offset: 0, limit: 10, kind: 'finding' });
      expect(audit.entries.map((e) => [e.action, e.recordId, (e.after as { owner: string }).owner])).toEqual([['acknowledge', ICO, 'Priya Shah']]);
      context.db.close();
    });

    it('an accepted risk reopens when the facts behind the finding change, and reopening by hand is audited', async () => {
      const { context } = contextOn('2026-06-01');
      await dispatch(handlerTable, context, 'findings.setStatus', { findingId: ICO, state: 'risk-accepted', reason: 'Renewal paid, awaiting ICO', reviewDate: '2026-09-01', acceptedBy: 'SIRO' });
      expect(value<ApiResponse<'findings.list'>>(await dispatch(handlerTable, context, 'findings.list', {})).findings[0]!.status?.state).toBe('risk-accepted');
      // Someone records a different renewal date: the finding's title (its facts) changes.
      context.db.prepare("UPDATE organisations SET ico_renewal_date = '2026-05-20' WHERE id = 'aws'").run();
      const changed = value<ApiResponse<'findings.list'>>(await dispatch(handlerTable, context, 'findings.list', {}));
      expect(changed.findings[0]!.status).toEqual({ state: 'open', reopened: 'facts-changed' });

      const reopened = await dispatch(handlerTable, context, 'findings.setStatus', { findingId: ICO, state: 'open' });
      expect(value<ApiResponse<'findings.setStatus'>>(reopened).finding.status).toEqual({ state: 'open', reopened: null });
      expect(listAuditEntries(context.db, { offset: 0, limit: 10, kind: 'finding' }).entries.map((e) => e.action)).toEqual(['reopen', 'accept-risk']);
      context.db.close();
    });

    it('refuses an unknown finding, a past date and a missing field, saying which', async () => {
      const { context } = contextOn('2026-06-01');
      const unknown = await dispatch(handlerTable, context, 'findings.setStatus', { findingId: 'DSA_EXPIRING:nope', state: 'open' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const past = await dispatch(handlerTable, context, 'findings.setStatus', { findingId: ICO, state: 'risk-accepted', reason: 'r', reviewDate: '2026-05-31', acceptedBy: 'SIRO' });
      expect(past).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'review date 2026-05-31 has passed: give today (2026-06-01) or later' } });
      const missing = await dispatch(handlerTable, context, 'findings.setStatus', { findingId: ICO, state: 'acknowledged', targetDate: '2026-07-01' });
      expect(!missing.ok && missing.error.message).toMatch(/^owner: /);
      expect(listAuditEntries(context.db, { offset: 0, limit: 10, kind: 'finding' }).total).toBe(0);
      context.db.close();
    });
  });
});

describe('migration 008 (finding statuses)', () => {
  const temp = useTempDir();

  it('upgrades a register at the previous version with its records kept, every finding open, and a status then settable', async () => {
    const path = temp.path('old.sqlite');
    const before = openDatabase(path, { create: true, migrationList: migrations.filter((m) => m.version < 8) });
    storeRegister(before.db, lapsedIco().build());
    before.db.close();
    const { context } = createServiceContext({ databasePath: path, appVersion: 't', now: () => new Date('2026-06-01T10:00:00') });
    const listed = await dispatch(handlerTable, context, 'findings.list', {});
    expect(((listed.ok ? listed.value : null) as ApiResponse<'findings.list'>).findings.map((f) => [f.id, f.status])).toEqual([[ICO, { state: 'open', reopened: null }]]);
    const set = await dispatch(handlerTable, context, 'findings.setStatus', { findingId: ICO, state: 'acknowledged', owner: 'Priya', targetDate: '2026-06-02' });
    expect(set.ok).toBe(true);
    context.db.close();
  });
});

describe('custodian findings acknowledge | accept-risk | reopen', () => {
  const temp = useTempDir();
  afterEach(() => vi.useRealTimers());

  function registerFile(): string {
    const path = temp.path('register.sqlite');
    const { db } = openDatabase(path, { create: true });
    storeRegister(db, lapsedIco().build());
    db.close();
    return path;
  }

  it('sets, shows (table and --json) and reopens a status; refuses bad input with one line and exit 2', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T10:00:00'));
    const db = registerFile();
    const accept = await runCliCaptured(['findings', 'accept-risk', ICO, '--db', db, '--reason', 'Renewal paid', '--review-date', '2026-09-01', '--accepted-by', 'SIRO']);
    expect(accept).toMatchObject({ code: 0, stderr: '' });
    expect(accept.stdout).toBe(`${ICO}: Risk accepted (by SIRO, review 2026-09-01): Renewal paid\n`);

    const table = await runCliCaptured(['findings', '--db', db]);
    expect(table.stdout).toContain(`Status: Risk accepted (by SIRO, review 2026-09-01): Renewal paid [${ICO}]`);
    const later = await runCliCaptured(['findings', '--db', db, '--as-of', '2026-09-02']);
    expect(later.stdout).toContain(`Status: Open (reopened: review date passed) [${ICO}]`);
    const json = JSON.parse((await runCliCaptured(['findings', '--db', db, '--json'])).stdout) as { findings: { status: unknown }[] };
    expect(json.findings[0]!.status).toMatchObject({ state: 'risk-accepted', reviewDate: '2026-09-01', acceptedBy: 'SIRO' });

    const past = await runCliCaptured(['findings', 'acknowledge', ICO, '--db', db, '--owner', 'Priya', '--target-date', '2026-05-01']);
    expect(past).toEqual({ code: 2, stdout: '', stderr: 'custodian: target date 2026-05-01 has passed: give today (2026-06-01) or later\n' });
    const unknown = await runCliCaptured(['findings', 'reopen', 'NOPE', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^custodian: no finding "NOPE" on 2026-06-01: [^\n]+\n$/);
    const missing = await runCliCaptured(['findings', 'acknowledge', ICO, '--db', db, '--owner', 'Priya']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'custodian: --target-date is required\n' });
    const badDate = await runCliCaptured(['findings', 'acknowledge', ICO, '--db', db, '--owner', 'Priya', '--target-date', '2026-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/^custodian: targetDate: [^\n]+\n$/);

    expect(await runCliCaptured(['findings', 'reopen', ICO, '--db', db])).toEqual({ code: 0, stdout: `${ICO}: Open\n`, stderr: '' });
    const again = await runCliCaptured(['findings', 'reopen', ICO, '--db', db]);
    expect(again).toEqual({ code: 2, stdout: '', stderr: `custodian: finding "${ICO}" is already open\n` });
  });
});
