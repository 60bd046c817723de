import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisclosureJobStatus } from '../../shared/disclosure/disclosure-api';
import { disclosureReportSchema } from '../../shared/disclosure/report';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/ipc/contract';
import type { Dialogs } from '../../electron/files/granted-paths';
import type { ServiceContext } from '../../electron/ipc/context';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import { seedRegister } from '../helpers/register-seed';
import { useTempDir } from '../helpers/temp-dir';
import { registerStores, useRegisterStore } from '../helpers/register-stores';

describe.each(registerStores)('on %s', (store) => {
  const where = useRegisterStore(store);

  const temp = useTempDir('custodian-disclosure-ipc-');
  let context: ServiceContext | null = null;
  afterEach(() => {
    context?.db.close();
    context = null;
  });

  function open(dialogs: Partial<Dialogs>): ServiceContext {
    ({ context } = createServiceContext({
      databasePath: where.location(),
      dataDir: temp.dir,
      appVersion: '0.0.0-test',
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => null, ...dialogs },
    }));
    return context!;
  }

  async function call<M extends ApiMethod>(ctx: ServiceContext, method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
    const result = await dispatch(handlerTable, ctx, method, request);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as ApiResponse<M>;
  }

  async function settle(ctx: ServiceContext, jobId: string): Promise<DisclosureJobStatus> {
    for (;;) {
      const status = await call(ctx, 'disclosure.status', { jobId });
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const table = 'area,Female,Male,Total\nLeeds,3,40,43\nYork,50,60,110\nTotal,53,100,153\n';

  describe('disclosure over IPC, in the worker thread', () => {
    it('with a holding chosen, keeps the release and audits the next table from the holding with it', async () => {
      const bySex = temp.path('by-sex.csv');
      const byAge = temp.path('by-age.csv');
      writeFileSync(bySex, 'region,F,M,Total\nR1,3,27,30\nR2,5,21,26\nTotal,8,48,56\n');
      writeFileSync(byAge, 'region,A1,A2,Total\nR1,27,3,30\nR2,7,19,26\nTotal,34,22,56\n');
      let next = bySex;
      const ctx = open({ chooseFileToOpen: async () => next, chooseFileToSave: async () => temp.path(`out-${next.endsWith('sex.csv') ? 'sex' : 'age'}.csv`) });
      const { holding } = seedRegister(ctx.db);
      const disclose = async () => {
        const opened = (await call(ctx, 'disclosure.chooseInput', {}))!;
        const request = { token: opened.token, sheet: null, profileId: 'nhs-community-mental-health', totalLabels: ['Total'], national: null, holdingId: holding.id };
        const preview = await settle(ctx, (await call(ctx, 'disclosure.start', request)).jobId);
        return preview;
      };
      const first = await disclose();
      expect(first.result!.refusal).toBeNull();
      const exported = await settle(ctx, (await call(ctx, 'disclosure.export', { jobId: first.jobId, format: 'csv' }))!.jobId);
      expect(exported.state).toBe('done');
      expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM disclosure_releases WHERE holding_id = ?').get(holding.id)).toEqual({ n: 1 });

      next = byAge;
      const second = await disclose();
      expect(second.result!.refusal).toMatch(/together with the earlier release out-sex\.csv/);
      expect(second.result!.report.audit.linkedReleases).toEqual([expect.objectContaining({ name: expect.stringMatching(/^out-sex\.csv/), linked: true })]);
    });


    it('previews, exports through the save dialog, and records the export in the audit log', async () => {
      const input = temp.path('table.csv');
      writeFileSync(input, table);
      const output = temp.path('chosen-name.csv');
      const ctx = open({ chooseFileToOpen: async () => input, chooseFileToSave: async () => output });

      const opened = (await call(ctx, 'disclosure.chooseInput', {}))!;
      expect(opened).toMatchObject({ name: 'table.csv', format: 'csv', sheets: [] });
      const { jobId } = await call(ctx, 'disclosure.start', {
        token: opened.token,
        sheet: null,
        profileId: 'nhs-small-numbers-1-5',
        totalLabels: ['Total'],
        national: null,
        holdingId: null,
      });
      const preview = await settle(ctx, jobId);
      expect(preview.state).toBe('done');
      expect(preview.result!.preview.rows[0]).toMatchObject({ labels: ['Leeds'], original: [3, 40, 43], published: [null, null, 43] });
      expect(preview.result!.preview.rows[0]!.notes[1]).toBe('secondary: protects Leeds/Female');
      expect(existsSync(output)).toBe(false); // a preview writes nothing

      const exported = (await call(ctx, 'disclosure.export', { jobId, format: 'csv' }))!;
      const done = await settle(ctx, exported.jobId);
      expect(done.state).toBe('done');
      expect(done.files).toMatchObject({ output: 'chosen-name.csv', report: 'chosen-name.disclosure-report.json' });
      const report = disclosureReportSchema.parse(JSON.parse(readFileSync(temp.path('chosen-name.disclosure-report.json'), 'utf8')));
      // What is written beside the table may be released: its suppressions are not told apart.
      expect(report.release).toBe('releasable');
      expect(report.summary.suppressed).toBe(4);
      expect(report.changes.filter((c) => c.action === 'suppressed').map((c) => c.rule)).toEqual(Array(4).fill('suppressed'));
      const entry = ctx.db.prepare('SELECT action, record_kind AS kind, detail_json AS detail FROM audit_log WHERE seq = ?').get(done.auditEntry) as {
        action: string;
        kind: string;
        detail: string;
      };
      expect(entry).toMatchObject({ action: 'export', kind: 'disclosureTable' });
      expect(JSON.parse(entry.detail).output.sha256).toBe(report.output!.sha256);
      expect(JSON.parse(entry.detail).input.sha256).toBe(report.input.sha256);
    });

    it('takes a dropped file’s bytes, and explains a bad table in words the user can act on', async () => {
      const ctx = open({});
      const dropped = await call(ctx, 'disclosure.dropInput', { name: 'dropped.csv', base64: Buffer.from('area,count\nLeeds,3\nYork,x\n').toString('base64') });
      const { jobId } = await call(ctx, 'disclosure.start', {
        token: dropped.token,
        sheet: null,
        profileId: 'threshold-10',
        totalLabels: ['Total'],
        national: null,
        holdingId: null,
      });
      const failed = await settle(ctx, jobId);
      expect(failed.state).toBe('failed');
      expect(failed.error).toBe('Row 3, column "count": "x" is text, not a count; count columns hold whole numbers only.');
    });

    it('cancels a long job and leaves no partial files', async () => {
      const input = temp.path('big.csv');
      const rows = ['area,count'];
      for (let i = 0; i < 400_000; i++) rows.push(`A${i},${i % 40}`);
      writeFileSync(input, `${rows.join('\n')}\n`);
      const ctx = open({ chooseFileToOpen: async () => input, chooseFileToSave: async () => temp.path('out.csv') });
      const opened = (await call(ctx, 'disclosure.chooseInput', {}))!;
      const request = { token: opened.token, sheet: null, profileId: 'threshold-10', totalLabels: ['Total'], national: null, holdingId: null };
      const preview = await settle(ctx, (await call(ctx, 'disclosure.start', request)).jobId);
      expect(preview.state).toBe('done');
      const exported = (await call(ctx, 'disclosure.export', { jobId: preview.jobId, format: 'csv' }))!;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await call(ctx, 'disclosure.cancel', { jobId: exported.jobId })).cancelled).toBe(true);
      const cancelled = await settle(ctx, exported.jobId);
      expect(cancelled.state).toBe('cancelled');
      expect(readdirSync(temp.dir).filter((n) => !n.startsWith('register.sqlite'))).toEqual(['big.csv']);
    });
  });
});
