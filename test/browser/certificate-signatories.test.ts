import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { describe, it, expect as check } from 'vitest';
import { writeSettings } from '../../electron/db/settings-repository';
import { destructionRecordsOf } from '../../electron/destruction/destruction-store';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { verifyCertificate } from '../../electron/destruction/verify-certificate';
import { certificateContentSchema } from '../../shared/destruction/certificate-content';
import { compliantRegister } from '../helpers/compliant-register';
import { destructionOf } from '../helpers/destruction-scenario';
import { extractPdfText } from '../helpers/pdf-text';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { appPerTest } from './harness';

/** The NIST SP 800-88 Rev. 2 fields on the destruction form, and the four people on the certificate form. */
describe('certificates people sign, in Chromium', () => {
  const apps = appPerTest();
  const files = useTempDir('custodian-cert-people-ui-');

  it('records the sanitisation standard, cryptographic erase with key handling and validation, and prints the people who sign on the certificate', async () => {
    const certificatePath = files.path('COD-2028-0001.pdf');
    const app = await apps.open({
      hash: '#/destruction',
      now: () => new Date('2028-04-20T10:00:00Z'),
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => certificatePath },
    });
    const { page, context } = app;
    storeRegister(context.db, compliantRegister().build());
    writeSettings(context.db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah' });
    await page.reload();
    await page.getByRole('heading', { name: 'Pending destruction' }).waitFor();

    const row2024 = page.getByRole('table', { name: 'Destruction worklist' }).getByRole('row', { name: /NIC00574_HES_APC_2024/ });
    await row2024.getByRole('checkbox', { name: 'Include Derived copy of NIC00574_HES_APC_2024 at Exampleton Secure Data Environment' }).uncheck();
    await row2024.getByRole('checkbox', { name: 'Include Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault' }).uncheck();
    await row2024.getByRole('button', { name: /^Record destruction of the chosen 1 copy of NIC00574_HES_APC_2024/ }).click();
    const form = page.getByRole('form', { name: /Record destruction: Primary copy of NIC00574_HES_APC_2024/ });
    await form.getByLabel('Method type').selectOption('Purge');
    await form.getByLabel('Method used').fill('Cryptographic erase');
    await form.getByLabel('Date and time').fill('2028-04-10T14:30');
    await form.getByLabel('Operator').fill('Sam Jones');
    await form.getByLabel('Verification method').fill('Bucket listing');
    await form.getByLabel('Verification result').fill('No objects remain');
    await form.getByLabel('Sanitisation standard or technique').fill('IEEE 2883-2022');
    check(await form.getByLabel('Key handling').count()).toBe(0);
    await form.getByLabel('Cryptographic erase used').check();
    await form.getByLabel('Validation performed').fill('Second-person read-back of 1% of objects');
    await form.getByLabel('Validation result').fill('Nothing recoverable');
    // Key handling appears with the tick, and is required: a crypto erase is only as good as its key's destruction.
    await form.getByRole('button', { name: 'Record destruction' }).click();
    await expect(form.getByRole('alert')).toContainText('Key handling: is required when cryptographic erase is used');
    await form.getByLabel('Key handling').fill('Bucket key deleted from AWS KMS');
    await form.getByRole('button', { name: 'Record destruction' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Destruction recorded for Primary copy of NIC00574_HES_APC_2024 at AWS eu-west-2 \(London\)/);
    check(destructionRecordsOf(context.db, 'c-2024-aws')[0]).toMatchObject({
      sanitisationStandard: 'IEEE 2883-2022',
      cryptographicErase: true,
      keyHandling: 'Bucket key deleted from AWS KMS',
      validationMethod: 'Second-person read-back of 1% of objects',
      validationResult: 'Nothing recoverable',
    });

    await recordDestruction(context.db, context, context.dataDir, destructionOf('c-2024-tre'));
    await recordDestruction(context.db, context, context.dataDir, destructionOf('c-2024-vault'));
    await page.reload();
    await page.getByLabel('Agreement version').selectOption({ label: 'DARS-NIC-00574-V2H1F v4.2' });
    await page.getByLabel('Recipient’s data protection officer: name').fill('Dr Helen Marsh');
    await page.getByLabel('Recipient’s data protection officer: role').fill('Data Protection Officer');
    await page.getByLabel('Recipient’s data protection officer: date').fill('2028-04-21');
    await page.getByLabel('Destruction authorised by: name').fill('Jo Patel');
    await page.getByLabel('Destruction authorised by: role').fill('Head of Information Governance');
    await page.getByLabel('Destruction authorised by: date').fill('2028-04-09');
    await page.getByRole('button', { name: 'Issue certificate…' }).click();
    await expect(page.getByRole('status')).toHaveText('Certificate COD-2028-0001 issued: saved as COD-2028-0001.pdf, with COD-2028-0001.json beside it.');

    const content = certificateContentSchema.parse(JSON.parse(readFileSync(certificatePath.replace(/\.pdf$/, '.json'), 'utf8')));
    check(content.signatories.find((s) => s.role === 'recipient-dpo')).toMatchObject({ name: 'Dr Helen Marsh', position: 'Data Protection Officer', date: '2028-04-21' });
    check(content.signatories.find((s) => s.role === 'authorised-by')).toMatchObject({ name: 'Jo Patel', position: 'Head of Information Governance', date: '2028-04-09' });
    check(content.issuedBy.person).toBe('Priya Shah');
    const text = (await extractPdfText(readFileSync(certificatePath))).pages.join('\n').replace(/\s+/g, ' ');
    for (const shown of ['Dr Helen Marsh', 'Head of Information Governance', '21 April 2028', 'IEEE 2883-2022', 'Yes. Key handling: Bucket key deleted from AWS KMS', 'Prepared by Priya Shah'])
      check(text.replace(/[\s-]/g, '')).toContain(shown.replace(/[\s-]/g, ''));
    check((await verifyCertificate(context.db, certificatePath)).genuine).toBe(true);
  });
});
