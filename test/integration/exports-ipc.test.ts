import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import type { Dialogs } from '../../electron/files/granted-paths';
import { listAuditEntries } from '../../electron/register/audit-log';
import { loadRegister } from '../../electron/register/load-register';
import { createServiceContext } from '../../electron/service-context';
import { compliantRegister } from '../helpers/compliant-register';
import { realisticDur, writeDurCsvFolder } from '../helpers/dur-fixture';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

describe('exports.save and imports.dur over IPC', () => {
  const temp = useTempDir('custodian-exports-ipc-');

  function app(dialogs: Partial<Dialogs> = {}, seed = true) {
    const asked: { title: string; defaultName?: string; extensions: string[] }[] = [];
    const { context } = createServiceContext({
      databasePath: temp.path('register.sqlite'),
      appVersion: 'test',
      now: () => new Date('2026-06-01T10:00:00Z'),
      dialogs: {
        chooseFileToOpen: async (o) => (asked.push({ title: o.title, extensions: o.filters.flatMap((f) => f.extensions) }), (await dialogs.chooseFileToOpen?.(o)) ?? null),
        chooseFileToSave: async (o) => (asked.push({ title: o.title, defaultName: o.defaultName, extensions: o.filters.flatMap((f) => f.extensions) }), (await dialogs.chooseFileToSave?.(o)) ?? null),
      },
    });
    if (seed) storeRegister(context.db, compliantRegister().build());
    return { context, asked, call: (method: string, payload: unknown) => dispatch(handlerTable, context, method, payload) };
  }

  it('shows the save dialog with a sensible name, writes the export there and records it', async () => {
    const target = temp.path('holdings.xlsx');
    const { context, asked, call } = app({ chooseFileToSave: async () => target });
    const result = await call('exports.save', { what: 'holdings', format: 'xlsx' });
    expect(result).toMatchObject({ ok: true, value: { cancelled: false, path: target } });
    expect(asked).toEqual([{ title: 'Export the holdings and copies', defaultName: 'custodian-holdings-2026-06-01.xlsx', extensions: ['xlsx'] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    expect(workbook.getWorksheet('Holdings and copies')!.rowCount).toBe(1 + loadRegister(context.db).copies.length);
    expect(listAuditEntries(context.db, { offset: 0, limit: 1, action: 'export' }).entries[0]!.detail).toMatchObject({ export: 'holdings', file: 'holdings.xlsx' });
  });

  it('adds the extension when the user typed a name without it, and limits the report to one agreement', async () => {
    const { context, call } = app({ chooseFileToSave: async () => temp.path('audit') });
    const dsa = loadRegister(context.db).dsas[0]!;
    const result = await call('exports.save', { what: 'holdingsReport', format: 'pdf', dsaId: dsa.id, asOf: '2026-06-01' });
    expect(result).toMatchObject({ ok: true, value: { path: temp.path('audit.pdf') } });
    expect(readFileSync(temp.path('audit.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers cancelled when the user closes the dialog, writing nothing and recording nothing', async () => {
    const { context, call } = app();
    expect(await call('exports.save', { what: 'deadlines', format: 'ics' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(listAuditEntries(context.db, { offset: 0, limit: 1, action: 'export' }).total).toBe(0);
  });

  it('refuses a format the export cannot be, before any dialog', async () => {
    const { asked, call } = app({ chooseFileToSave: async () => temp.path('x.pdf') });
    const result = await call('exports.save', { what: 'findings', format: 'pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!result.ok && result.error.message).toContain('must be one of xlsx, csv for findings');
    expect(asked).toEqual([]);
  });

  it('never writes over the register when the user picks it in the save dialog: the export gets its own extension', async () => {
    const { context, call } = app({ chooseFileToSave: async () => temp.path('register.sqlite') });
    const before = loadRegister(context.db);
    const result = await call('exports.save', { what: 'findings', format: 'csv' });
    expect(result).toMatchObject({ ok: true, value: { path: temp.path('register.sqlite.csv') } });
    expect(existsSync(temp.path('register.sqlite.csv'))).toBe(true);
    expect(loadRegister(context.db)).toEqual(before);
  });

  it('imports the Data Uses Register from one CSV sheet picked in the open dialog, bringing the sheets beside it', async () => {
    const folder = temp.path('dur');
    mkdirSync(folder);
    writeDurCsvFolder(folder, realisticDur(), { prefix: 'DUR 2025-06 ' });
    copyFileSync(join(folder, 'DUR 2025-06 Agreements.csv'), join(folder, 'unrelated.csv'));
    const { context, asked, call } = app({ chooseFileToOpen: async () => join(folder, 'DUR 2025-06 Datasets.csv') }, false);
    const result = await call('imports.dur', {});
    expect(asked[0]).toMatchObject({ extensions: ['xlsx', 'csv'] });
    expect(result).toMatchObject({
      ok: true,
      value: { cancelled: false, summary: { files: ['DUR 2025-06 Agreements.csv', 'DUR 2025-06 Datasets.csv', 'DUR 2025-06 DataReleases.csv'], counts: { holding: { created: 7 } } } },
    });
    expect(loadRegister(context.db).versions).toHaveLength(8);
    expect(listAuditEntries(context.db, { offset: 0, limit: 1, action: 'import' }).total).toBe(1);
  });

  it('reports a bad row as a message the user can act on, and imports nothing', async () => {
    const sheets = realisticDur();
    sheets.Agreements[5]!['DSA End Date'] = '31/02/2026';
    const [agreements] = writeDurCsvFolder(temp.path('bad'), sheets);
    const { context, call } = app({ chooseFileToOpen: async () => agreements! }, false);
    const result = await call('imports.dur', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Agreements.csv, row 7, column "DSA End Date" (H): "31/02/2026" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD. Nothing was imported: correct the file and import it again.',
      },
    });
    expect(loadRegister(context.db).dsas).toHaveLength(0);
  });
});
