import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import { createServiceContext } from '../../electron/service-context';
import { writeSettings } from '../../electron/db/settings-repository';
import type { Dialogs } from '../../electron/files/granted-paths';
import { compliantRegister } from '../helpers/compliant-register';
import { destructionOf } from '../helpers/destruction-scenario';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

describe('destruction over IPC', () => {
  const temp = useTempDir('custodian-destruction-ipc-');

  function app(dialogs: Partial<Dialogs> = {}) {
    const { context } = createServiceContext({
      databasePath: temp.path('register.sqlite'),
      appVersion: 'test',
      now: () => new Date('2028-04-20T10:00:00Z'),
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => null, ...dialogs },
    });
    storeRegister(context.db, compliantRegister().build());
    // A certificate is prepared by a person named in Settings, never the OS account.
    writeSettings(context.db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah' });
    return { context, call: (method: string, payload: unknown) => dispatch(handlerTable, context, method, payload) };
  }

  it('records destructions with evidence chosen in a dialog, refuses a certificate while copies are live, then issues one to the file the user saved', async () => {
    const evidence = temp.path('erasure.txt');
    writeFileSync(evidence, 'erasure report');
    const saved = join(temp.path('out'), 'COD.pdf');
    mkdirSync(temp.path('out'));
    let saveAsked = 0;
    const { context, call } = app({ chooseFileToOpen: async () => evidence, chooseFileToSave: async () => (saveAsked++, join(temp.path('out'), 'COD.pdf')) });

    const overview = await call('destruction.overview', {});
    expect(overview.ok && overview.value).toMatchObject({ asOf: '2028-04-20' });
    const v42 = overview.ok ? (overview.value as { versions: { id: string; label: string }[] }).versions.find((v) => v.label.endsWith('v4.2'))! : null;

    const refused = await call('certificate.issue', { versionId: v42!.id });
    expect(refused).toMatchObject({ ok: true, value: { status: 'refused', liveCopies: expect.arrayContaining([expect.objectContaining({ reason: 'no destruction is recorded for this copy' })]) } });
    expect(saveAsked).toBe(0);

    const chosen = await call('destruction.chooseEvidence', {});
    const token = chosen.ok ? (chosen.value as { file: { token: string; fileName: string } }).file.token : '';
    expect(chosen.ok && (chosen.value as { file: { fileName: string } }).file.fileName).toBe('erasure.txt');
    for (const id of ['c-2024-aws', 'c-2024-tre', 'c-2024-vault']) {
      const recorded = await call('destruction.record', { destruction: destructionOf(id), evidenceTokens: [token] });
      expect(recorded).toMatchObject({ ok: true, value: { destroyedDate: '2028-04-10', evidence: [{ fileName: 'erasure.txt' }] } });
    }
    const forged = await call('destruction.record', { destruction: destructionOf('c-2023-tre'), evidenceTokens: ['not-a-token'] });
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const bad = await call('destruction.record', { destruction: { ...destructionOf('c-2023-tre'), methodType: 'Wipe' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'destruction.methodType: must be Clear, Purge or Destroy' } });

    const issued = await call('certificate.issue', { versionId: v42!.id, signatories: { validator: { name: 'Alex Green' } } });
    expect(issued).toMatchObject({ ok: true, value: { status: 'issued', fileName: 'COD.pdf', jsonFileName: 'COD.json', certificate: { number: 'COD-2028-0001', status: 'issued' } } });
    expect(existsSync(saved) && existsSync(temp.path('out/COD.json'))).toBe(true);

    const id = issued.ok ? (issued.value as { certificate: { id: string } }).certificate.id : '';
    expect(await call('certificate.markSent', { certificateId: id, date: '2028-04-21' })).toMatchObject({ ok: true, value: { status: 'sent', sentDate: '2028-04-21' } });
    expect(await call('certificate.markAcknowledged', { certificateId: id, date: '2028-04-20', reference: 'X' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    context.db.close();
  });

  it('says when the user cancels the save dialog, and issues nothing', async () => {
    const { context, call } = app();
    for (const id of ['c-2024-aws', 'c-2024-tre', 'c-2024-vault']) await call('destruction.record', { destruction: destructionOf(id) });
    const versions = await call('destruction.overview', {});
    const v42 = (versions.ok ? (versions.value as { versions: { id: string; label: string }[] }).versions : []).find((v) => v.label.endsWith('v4.2'))!;
    expect(await call('certificate.issue', { versionId: v42.id })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(context.db.prepare('SELECT count(*) FROM certificates').pluck().get()).toBe(0);
    context.db.close();
  });
});
