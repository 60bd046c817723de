import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { listAuditEntries } from '../../electron/register/audit-log';
import { createServiceContext } from '../../electron/service-context';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The save dialog asks "replace?" about the name it returns. When the user types a name without
 * the extension, the app adds it, and must not thereby replace a file the dialog never asked about.
 */
describe('a name typed without its extension in the save dialog', () => {
  const temp = useTempDir();

  function app(chosen: string) {
    const { context } = createServiceContext({
      databasePath: temp.path('register.sqlite'),
      appVersion: 'test',
      now: () => new Date('2026-06-01T10:00:00Z'),
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => chosen },
    });
    storeRegister(context.db, compliantRegister().build());
    return { context, call: (method: string, payload: unknown) => dispatch(handlerTable, context, method, payload) };
  }

  it('gets the extension when no such file exists', async () => {
    const { call } = app(temp.path('holdings'));
    expect(await call('exports.save', { what: 'holdings', format: 'csv' })).toMatchObject({ ok: true, value: { path: temp.path('holdings.csv') } });
  });

  it('never replaces an existing NAME.ext the dialog did not offer: refused, file and audit log untouched', async () => {
    writeFileSync(temp.path('holdings.csv'), 'the user’s own spreadsheet');
    const { context, call } = app(temp.path('holdings'));
    const result = await call('exports.save', { what: 'holdings', format: 'csv' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'holdings.csv already exists and was not offered for replacing: save again and choose holdings.csv itself to replace it, or give another name. Nothing was written.',
      },
    });
    expect(readFileSync(temp.path('holdings.csv'), 'utf8')).toBe('the user’s own spreadsheet');
    expect(listAuditEntries(context.db, { offset: 0, limit: 1, action: 'export' }).total).toBe(0);
  });

  it('replaces NAME.ext when the user chose exactly that name (the dialog asked)', async () => {
    writeFileSync(temp.path('holdings.csv'), 'old');
    const { call } = app(temp.path('holdings.csv'));
    expect(await call('exports.save', { what: 'holdings', format: 'csv' })).toMatchObject({ ok: true });
    expect(readFileSync(temp.path('holdings.csv'), 'utf8')).toContain('NIC00574_HES_APC_2024');
  });
});
