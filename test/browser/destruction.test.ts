import { artefactsFolder } from './artefacts-folder';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it, expect as check } from 'vitest';
import { writeSettings } from '../../electron/db/settings-repository';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { verifyCertificate } from '../../electron/destruction/verify-certificate';
import { compliantRegister } from '../helpers/compliant-register';
import { destructionOf } from '../helpers/destruction-scenario';
import { storeRegister } from '../helpers/store-register';
import { makeTempDir } from '../helpers/temp-dir';
import { openApp, startBrowser, stopBrowser, type AppUnderTest } from './harness';

const artefacts = artefactsFolder;
mkdirSync(artefacts, { recursive: true });

/** The screen scrolls inside its content area, so the window is made as tall as the content for the picture. */
async function tallScreenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 800);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(800, height + 60), 4000) });
  await page.screenshot({ path: join(artefacts, name) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('Destruction screen in Chromium, wired to the real handlers', () => {
  let app: AppUnderTest | null = null;
  let files: ReturnType<typeof makeTempDir> | null = null;
  beforeAll(startBrowser);
  afterAll(stopBrowser);
  afterEach(async () => {
    await app?.close();
    files?.remove();
    app = null;
    files = null;
  });

  async function openWithRegister(colorScheme: 'light' | 'dark' = 'light') {
    files = makeTempDir('custodian-destruction-ui-');
    const evidence = files.path('aws-deletion-screenshot.png');
    writeFileSync(evidence, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const certificatePath = files.path('COD-2028-0001.pdf');
    const dialogs = { opened: 0, saved: 0 };
    app = await openApp({
      hash: '#/destruction',
      colorScheme,
      now: () => new Date('2028-04-20T10:00:00Z'),
      dialogs: {
        chooseFileToOpen: async ({ title }) => (title.startsWith('Choose a certificate') ? certificatePath : (dialogs.opened++, evidence)),
        chooseFileToSave: async () => (dialogs.saved++, certificatePath),
      },
    });
    storeRegister(app.context.db, compliantRegister().build());
    writeSettings(app.context.db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah' });
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Pending destruction' }).waitFor();
    return { app, evidence, certificatePath, dialogs };
  }

  it('records a destruction with evidence, refuses a certificate while copies are live, then issues one to the chosen file', async () => {
    const { app, certificatePath, dialogs } = await openWithRegister();
    const { page, context } = app;

    const pending = page.getByRole('table', { name: 'Destruction worklist' });
    await expect(pending.getByRole('row', { name: /NIC00574_HES_APC_2024/ })).toContainText('10 days left');
    await expect(pending.getByRole('row', { name: /NIC00574_HES_APC_2024/ })).toContainText('30 April 2028');
    await tallScreenshot(page, 'destruction-pending.png');

    // Refused while copies are live: the live copies are listed and no save dialog is shown.
    await page.getByLabel('Agreement version').selectOption({ label: 'DARS-NIC-00574-V2H1F v4.2' });
    await page.getByRole('button', { name: 'Issue certificate…' }).click();
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText('No certificate was issued for DARS-NIC-00574-V2H1F v4.2');
    await expect(refusal).toContainText('Primary copy of NIC00574_HES_APC_2024 at AWS eu-west-2 (London): no destruction is recorded for this copy');
    // Each live copy it names is a link that opens the copy.
    await expect(refusal.getByRole('link')).toHaveText([/^Primary copy of NIC00574_HES_APC_2024 at AWS/, /^Backup copy of NIC00574_HES_APC_2024/, /^Derived copy of NIC00574_HES_APC_2024/]);
    await expect(refusal.getByRole('link', { name: /^Primary copy of NIC00574_HES_APC_2024 at AWS/ })).toHaveAttribute('href', '#/holdings/copy/c-2024-aws');
    check(dialogs.saved).toBe(0);

    // Record the AWS copy's destruction from the worklist (its two other copies unticked), with evidence chosen in the open dialog.
    const row2024 = pending.getByRole('row', { name: /NIC00574_HES_APC_2024/ });
    await row2024.getByRole('checkbox', { name: 'Include Derived copy of NIC00574_HES_APC_2024 at Exampleton Secure Data Environment' }).uncheck();
    await row2024.getByRole('checkbox', { name: 'Include Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault' }).uncheck();
    await row2024.getByRole('button', { name: /^Record destruction of the chosen 1 copy of NIC00574_HES_APC_2024/ }).click();
    const form = page.getByRole('form', { name: /Record destruction: Primary copy of NIC00574_HES_APC_2024/ });
    await form.getByLabel('Method type').selectOption('Clear');
    await form.getByLabel('Method used').fill('Cloud object deletion');
    await form.getByLabel('Tool', { exact: true }).fill('AWS S3 console');
    await form.getByLabel('Date and time').fill('2028-04-10T14:30');
    await form.getByLabel('Verification method').fill('Bucket listing and versioning check');
    await form.getByLabel('Verification result').fill('No objects or versions remain');
    await form.getByRole('button', { name: 'Record destruction' }).click();
    await expect(form.getByRole('alert')).toHaveText('Operator: is required');
    await expect(form.getByLabel('Operator')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Operator').fill('Sam Jones');
    await form.getByRole('button', { name: 'Attach evidence…' }).click();
    await expect(form.getByText('aws-deletion-screenshot.png')).toBeVisible();
    await tallScreenshot(page, 'destruction-record-form.png');
    await form.getByRole('button', { name: 'Record destruction' }).click();
    await expect(page.getByRole('status')).toHaveText('Destruction recorded for Primary copy of NIC00574_HES_APC_2024 at AWS eu-west-2 (London) with 1 evidence file.');
    const row = page.getByRole('table', { name: 'Copies and their destruction' }).getByRole('row', { name: /Primary copy of NIC00574_HES_APC_2024 at AWS/ });
    await expect(row).toContainText('Destroyed 10 April 2028 at 14:30');
    await expect(row).toContainText('aws-deletion-screenshot.png');
    check(dialogs.opened).toBe(1);
    const stored = context.db.prepare("SELECT destroyed_date FROM copies WHERE id = 'c-2024-aws'").pluck().get();
    check(stored).toBe('2028-04-10');

    // The other two copies, recorded by the service as another user would have done.
    await recordDestruction(context.db, context, context.dataDir, destructionOf('c-2024-tre'));
    await recordDestruction(context.db, context, context.dataDir, destructionOf('c-2024-vault', { outcome: 'destroyed-with-exceptions', exceptionReason: 'Nightly tapes age out', exceptionEndDate: '2028-07-31' }));
    await page.reload();
    await page.getByRole('button', { name: 'Add evidence for Derived copy of NIC00574_HES_APC_2024 at Exampleton Secure Data Environment' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Evidence aws-deletion-screenshot\.png attached \(SHA-256 [0-9a-f]{12}…\)\.$/);
    await expect(page.getByRole('row', { name: /Derived copy of NIC00574_HES_APC_2024/ })).toContainText('aws-deletion-screenshot.png');

    await page.getByLabel('Agreement version').selectOption({ label: 'DARS-NIC-00574-V2H1F v4.2' });
    await page.getByLabel('What is retained').fill('Aggregate tables that passed disclosure control.');
    await page.getByLabel('Validated by: name').fill('Alex Green');
    await page.getByRole('button', { name: 'Issue certificate…' }).click();
    await expect(page.getByRole('status')).toHaveText('Certificate COD-2028-0001 issued: saved as COD-2028-0001.pdf, with COD-2028-0001.json beside it.');
    check(dialogs.saved).toBe(1);
    check(readFileSync(certificatePath).subarray(0, 5).toString()).toBe('%PDF-');
    check(existsSync(certificatePath.replace(/\.pdf$/, '.json'))).toBe(true);
    const verdict = await verifyCertificate(context.db, certificatePath);
    check(verdict.problems).toEqual([]);
    check(verdict.genuine).toBe(true);

    const certificates = page.getByRole('table', { name: 'Certificates of destruction' });
    await expect(certificates.getByRole('row', { name: /COD-2028-0001/ })).toContainText('Issued, not sent');
    await certificates.getByLabel('Date COD-2028-0001 was sent').fill('2028-04-21');
    await certificates.getByRole('button', { name: 'Mark sent' }).click();
    await expect(certificates.getByRole('row', { name: /COD-2028-0001/ })).toContainText('Sent to DARS 21 April 2028');

    // Verify the certificate through the UI, then again once the register has changed after issue.
    await page.getByRole('button', { name: 'Verify a certificate file…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'genuine' })).toContainText('COD-2028-0001.pdf: certificate COD-2028-0001 is genuine and unchanged');
    await tallScreenshot(page, 'destruction-certificates.png');
    context.db.prepare("UPDATE copies SET destroyed_date = '2028-04-12' WHERE id = 'c-2024-tre'").run();
    await page.getByRole('button', { name: 'Verify a certificate file…' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'the register changed after issue: copy "Derived copy at Exampleton Secure Data Environment" of NIC00574_HES_APC_2024: destruction date differs: certificate 2028-04-10, register 2028-04-12',
    );
    check(app.errors).toEqual([]);
  });

  it('is readable in the dark theme', async () => {
    const { app } = await openWithRegister('dark');
    await app.page.getByRole('button', { name: /^Record destruction of all 3 copies of NIC00574_HES_APC_2024/ }).click();
    await tallScreenshot(app.page, 'destruction-dark.png');
    check(app.errors).toEqual([]);
  });
});
