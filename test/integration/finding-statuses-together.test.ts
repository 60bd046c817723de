import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { listAuditEntries } from '../../electron/register/audit-log';
import { createServiceContext } from '../../electron/service-context';
import { openDatabase } from '../../electron/db/open-database';
import type { ServiceContext } from '../../electron/ipc/context';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/ipc/contract';
import { compliantRegister } from '../helpers/compliant-register';
import { runCliCaptured } from '../helpers/run-cli';
import { buildCli, spawnCli } from '../helpers/spawn-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { registerStores, useRegisterStore } from '../helpers/register-stores';

/**
 * One status for a whole folded row of the findings table (findings.setStatuses and the CLI's
 * several ids or --code/--location): five backup copies at a DR site nobody approved, set together
 * in one transaction with an audit entry each, or, on a refusal naming the finding, not at all.
 */
const DR_COPIES = ['c-dr-1', 'c-dr-2', 'c-dr-3', 'c-dr-4', 'c-dr-5'];
const DR_FINDINGS = DR_COPIES.map((c) => `COPY_AT_UNAPPROVED_LOCATION:${c}`);
const LAPTOP = 'COPY_AT_UNAPPROVED_LOCATION:c-laptop';

function register() {
  let builder = compliantRegister()
    .location('dr', { name: 'Leeds DR site', operator: 'csu', kind: 'backup', address: 'Leeds' })
    .location('laptop', { name: 'Analyst laptop EX-4471', operator: 'uni', kind: 'end-user-device' })
    .copy('c-laptop', 'hes-2024', 'laptop', 'derived', { createdDate: '2025-07-01' });
  for (const id of DR_COPIES) builder = builder.copy(id, 'hes-2024', 'dr', 'backup', { pathOrDescription: `dr://vault/${id}` });
  return builder.build();
}

const auditOf = (context: ServiceContext) => listAuditEntries(context.db, { offset: 0, limit: 50, kind: 'finding' });

describe.each(registerStores)('on %s', (store) => {
  const where = useRegisterStore(store);
  const temp = useTempDir();

  function app() {
    const { context } = createServiceContext({ databasePath: where.location(), dataDir: temp.dir, appVersion: 't', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(context.db, register());
    const ask = async <M extends ApiMethod>(method: M, request: ApiRequest<M>) => dispatch(handlerTable, context, method, request);
    const value = async <M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> => {
      const result = await ask(method, request);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as ApiResponse<M>;
    };
    const drRow = async () => {
      const table = await value('findings.table', { groupBy: 'code', code: 'COPY_AT_UNAPPROVED_LOCATION', locationId: 'dr' });
      return table.groups[0]!.rows[0]!;
    };
    return { context, ask, value, drRow };
  }

  describe('findings.setStatuses: a folded row’s findings set together', () => {
    it('acknowledges every finding the folded row names, with one audit entry each, and the row counts them', async () => {
      const { context, value, drRow } = app();
      const row = await drRow();
      expect(row.count).toBe(5);
      expect([...row.findingIds].sort()).toEqual(DR_FINDINGS);

      const set = await value('findings.setStatuses', { findingIds: row.findingIds, state: 'acknowledged', owner: 'Priya Shah', targetDate: '2026-06-30' });
      expect(set.findings.map((f) => [f.id, f.status]).sort()).toEqual(DR_FINDINGS.map((id) => [id, expect.objectContaining({ state: 'acknowledged', owner: 'Priya Shah', targetDate: '2026-06-30' })]));

      expect((await drRow()).states).toEqual({ open: 0, acknowledged: 5, 'risk-accepted': 0 });
      const listed = await value('findings.list', { status: 'acknowledged' });
      expect(listed.findings.map((f) => f.id).sort()).toEqual(DR_FINDINGS);
      // The laptop copy, same code but another location, is not in the row and stays open.
      expect((await value('findings.list', { status: 'open', code: 'COPY_AT_UNAPPROVED_LOCATION' })).findings.map((f) => f.id)).toEqual([LAPTOP]);

      const audit = auditOf(context);
      expect(audit.entries.map((e) => [e.action, e.recordId]).sort()).toEqual(DR_FINDINGS.map((id) => ['acknowledge', id]));
      context.db.close();
    });

    it('refuses the whole decision when one finding is unknown or already open, naming it, and saves nothing', async () => {
      const { context, ask, value } = app();
      const unknown = await ask('findings.setStatuses', { findingIds: [...DR_FINDINGS, 'COPY_AT_UNAPPROVED_LOCATION:c-gone'], state: 'acknowledged', owner: 'Priya', targetDate: '2026-06-30' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/^no finding "COPY_AT_UNAPPROVED_LOCATION:c-gone" on 2026-06-01/) } });
      expect((await value('findings.list', { status: 'acknowledged' })).total).toBe(0);
      expect(auditOf(context).total).toBe(0);

      // Two of the five accepted; reopening all five is refused at the third (already open), inside the
      // transaction, after the first two were reopened: they must be accepted still.
      const [first, second, third] = DR_FINDINGS;
      await value('findings.setStatuses', { findingIds: [first!, second!], state: 'risk-accepted', reason: 'Encrypted vault', reviewDate: '2026-09-01', acceptedBy: 'SIRO' });
      const reopen = await ask('findings.setStatuses', { findingIds: [first!, second!, third!], state: 'open' });
      expect(reopen).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `finding "${third}" is already open` } });
      expect((await value('findings.list', { status: 'risk-accepted' })).findings.map((f) => f.id).sort()).toEqual([first, second]);
      expect(auditOf(context).entries.map((e) => e.action)).toEqual(['accept-risk', 'accept-risk']);

      const past = await ask('findings.setStatuses', { findingIds: DR_FINDINGS, state: 'acknowledged', owner: 'Priya', targetDate: '2026-05-31' });
      expect(past).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'target date 2026-05-31 has passed: give today (2026-06-01) or later' } });
      const tooMany = await ask('findings.setStatuses', { findingIds: Array.from({ length: 1001 }, (_, i) => `X:${i}`), state: 'open' });
      expect(tooMany).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^findingIds: /) } });
      const none = await ask('findings.setStatuses', { findingIds: [], state: 'open' });
      expect(none).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(auditOf(context).total).toBe(2);
      context.db.close();
    });
  });
});

describe('custodian findings acknowledge | accept-risk | reopen for several findings', () => {
  const temp = useTempDir();
  afterEach(() => vi.useRealTimers());

  function registerFile(): string {
    const path = temp.path('register.sqlite');
    const { db } = openDatabase(path, { create: true });
    storeRegister(db, register());
    db.close();
    return path;
  }

  it('sets a folded row by --code and --location, or several ids, all or none', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T10:00:00'));
    const db = registerFile();
    const byFold = await runCliCaptured(['findings', 'acknowledge', '--code', 'COPY_AT_UNAPPROVED_LOCATION', '--location', 'dr', '--db', db, '--owner', 'Priya Shah', '--target-date', '2026-06-30']);
    expect(byFold.code).toBe(0);
    expect(byFold.stdout.trim().split('\n').sort()).toEqual(DR_FINDINGS.map((id) => `${id}: Acknowledged (Priya Shah, until 2026-06-30)`));
    const json = JSON.parse((await runCliCaptured(['findings', '--db', db, '--json'])).stdout) as { findings: { id: string; status: { state: string } }[] };
    const stateOf = (id: string) => json.findings.find((f) => f.id === id)!.status.state;
    expect(DR_FINDINGS.map(stateOf)).toEqual(DR_FINDINGS.map(() => 'acknowledged'));
    expect(stateOf(LAPTOP)).toBe('open');

    // Several ids, one of them open already: refused, naming it, and the others stay acknowledged.
    const refused = await runCliCaptured(['findings', 'reopen', DR_FINDINGS[0]!, LAPTOP, '--db', db]);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `custodian: finding "${LAPTOP}" is already open\n` });
    const after = JSON.parse((await runCliCaptured(['findings', '--db', db, '--json'])).stdout) as typeof json;
    expect(after.findings.find((f) => f.id === DR_FINDINGS[0])!.status.state).toBe('acknowledged');

    const two = await runCliCaptured(['findings', 'reopen', DR_FINDINGS[0]!, DR_FINDINGS[1]!, '--db', db]);
    expect(two).toEqual({ code: 0, stdout: `${DR_FINDINGS[0]}: Open\n${DR_FINDINGS[1]}: Open\n`, stderr: '' });

    const nowhere = await runCliCaptured(['findings', 'reopen', '--code', 'COPY_AT_UNAPPROVED_LOCATION', '--location', 'nowhere', '--db', db]);
    expect(nowhere).toEqual({ code: 2, stdout: '', stderr: 'custodian: no finding with code COPY_AT_UNAPPROVED_LOCATION at location "nowhere" on 2026-06-01: "custodian findings" lists them\n' });
    const both = await runCliCaptured(['findings', 'reopen', LAPTOP, '--code', 'COPY_AT_UNAPPROVED_LOCATION', '--db', db]);
    expect(both).toEqual({ code: 2, stdout: '', stderr: 'custodian: give finding ids or --code, not both\n' });
    const neither = await runCliCaptured(['findings', 'reopen', '--db', db]);
    expect(neither.code).toBe(2);
  });
});

describe('the compiled custodian, started as a process', () => {
  const temp = useTempDir();
  beforeAll(() => buildCli(), 60_000);

  it('acknowledges a folded row by --code and --location, and refuses several ids with an unknown one, saving none', { timeout: 60_000 }, async () => {
    const path = temp.path('register.sqlite');
    const { db } = openDatabase(path, { create: true });
    storeRegister(db, register());
    db.close();
    // The process runs on today's clock: a target date a year on is always ahead.
    const nextYear = `${new Date().getFullYear() + 1}-01-31`;
    const refused = await spawnCli(['findings', 'acknowledge', DR_FINDINGS[0]!, 'COPY_AT_UNAPPROVED_LOCATION:c-gone', '--db', path, '--owner', 'Priya', '--target-date', nextYear]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^custodian: no finding "COPY_AT_UNAPPROVED_LOCATION:c-gone" on /);
    const stateOfFirst = async () => (JSON.parse((await spawnCli(['findings', '--db', path, '--json'])).stdout) as { findings: { id: string; status: { state: string } }[] }).findings.find((f) => f.id === DR_FINDINGS[0])!.status.state;
    expect(await stateOfFirst()).toBe('open');
    const set = await spawnCli(['findings', 'acknowledge', '--code', 'COPY_AT_UNAPPROVED_LOCATION', '--location', 'dr', '--db', path, '--owner', 'Priya', '--target-date', nextYear]);
    expect(set.code).toBe(0);
    expect(set.stdout.trim().split('\n').sort()).toEqual(DR_FINDINGS.map((id) => `${id}: Acknowledged (Priya, until ${nextYear})`));
    const listed = await spawnCli(['findings', '--db', path, '--json']);
    const findings = (JSON.parse(listed.stdout) as { findings: { id: string; status: { state: string } }[] }).findings;
    expect(findings.filter((f) => f.status.state === 'acknowledged').map((f) => f.id).sort()).toEqual(DR_FINDINGS);
  });
});
