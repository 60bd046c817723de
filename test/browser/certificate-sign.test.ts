import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { describe, it, expect as check } from 'vitest';
import { writeSettings } from '../../electron/db/settings-repository';
import { issueCertificate } from '../../electron/destruction/issue-certificate';
import { verifyCertificate } from '../../electron/destruction/verify-certificate';
import { compliantRegister } from '../helpers/compliant-register';
import { destroyAll } from '../helpers/destruction-scenario';
import { selfSignedP12 } from '../helpers/self-signed-p12';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { artefactsFolder } from './artefacts-folder';
import { appPerTest } from './harness';

/** The Sign action on an issued certificate: files chosen in main's dialogs, the passphrase typed, the PDF signed in place. */
describe('signing a certificate digitally, in Chromium', () => {
  const apps = appPerTest();
  const files = useTempDir('custodian-cert-sign-ui-');

  it('signs the certificate PDF as the recipient’s DPO, refuses a wrong passphrase, and the signature verifies', async () => {
    const pdfPath = files.path('COD-2028-0001.pdf');
    const p12Path = files.path('helen.p12');
    writeFileSync(p12Path, selfSignedP12('Dr Helen Marsh', 'helen-pass'));
    const app = await apps.open({
      hash: '#/destruction',
      now: () => new Date('2028-04-21T09:00:00Z'),
      // The open dialog answers by what it asks for: the PDF, or the PKCS#12 file.
      dialogs: { chooseFileToOpen: async ({ title }) => (/PKCS#12/.test(title) ? p12Path : pdfPath), chooseFileToSave: async () => null },
    });
    const { page, context } = app;
    storeRegister(context.db, compliantRegister().build());
    writeSettings(context.db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah' });
    await destroyAll({ db: context.db, dataDir: context.dataDir, actor: context, builder: compliantRegister() }, ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'], files.path('evidence'));
    const issued = await issueCertificate(context.db, context, { dsaReference: 'DARS-NIC-00574-V2H1F', version: '4.2' }, pdfPath);
    check(issued.status).toBe('issued');
    await page.reload();

    await page.getByRole('button', { name: 'Sign COD-2028-0001…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign COD-2028-0001' });
    await expect(dialog.getByLabel('Signing as')).toHaveValue('recipient-dpo');
    await dialog.getByRole('button', { name: 'Choose the PDF…' }).click();
    await dialog.getByRole('button', { name: 'Choose the .p12 or .pfx file…' }).click();
    await expect(dialog.getByRole('button', { name: 'COD-2028-0001.pdf (change…)' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'helen.p12 (change…)' })).toBeVisible();
    await dialog.getByLabel('Passphrase of the PKCS#12 file').fill('not-it');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('COD-2028-0001.pdf: the passphrase does not open the PKCS#12 file. Nothing has been signed.');
    await dialog.getByLabel('Passphrase of the PKCS#12 file').fill('helen-pass');
    await page.screenshot({ path: join(artefactsFolder, 'certificate-sign-dialog.png') });
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('COD-2028-0001.pdf signed by Dr Helen Marsh as the recipient’s data protection officer.');

    const verdict = await verifyCertificate(context.db, pdfPath);
    check(verdict.problems).toEqual([]);
    check(verdict.signatures.map((s) => [s.field, s.signer, s.valid, s.coversWholeFile])).toEqual([['recipient-dpo', 'Dr Helen Marsh', true, true]]);
  });
});
