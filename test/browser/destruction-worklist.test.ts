import { artefactsFolder } from './artefacts-folder';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { describe, expect as check, it } from 'vitest';
import { generateLargeRegister, LARGE_REGISTER_AS_OF } from '../../bench/large-register';
import { writeSettings } from '../../electron/db/settings-repository';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import type { DestructionWorklist } from '../../shared/destruction/destruction-worklist';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { makeTempDir } from '../helpers/temp-dir';
import { appPerTest } from './harness';

/**
 * The Destruction screen's worklist (issue 11, item 3) on 20 April 2028: the compliant scenario's
 * two holdings fall due on 30 April; a second agreement's holding at the TRE ended in 2027 and is
 * overdue, the only row in red.
 */
function register() {
  return compliantRegister()
    .dsa('other', 'DARS-NIC-31337-Q7Z9K', { title: 'Maternity outcomes linkage' })
    .version('o-v1', { dsa: 'other', version: '1', start: '2024-01-01', end: '2027-06-30', controllers: ['uni'], dsfc: 'uni-dsfc', destructionRule: { kind: 'days-after-end', days: 30 } })
    .dataset('o-ds', 'o-v1', 'Maternity Services Data Set')
    .approve('o-tre', 'o-v1', 'tre', 'storage')
    .holding('o-h', 'o-v1', 'o-ds', { darsFileReference: 'NIC31337_MSDS_2025', receivedDate: '2025-03-01' })
    .copy('o-c-tre', 'o-h', 'tre', 'primary')
    .build();
}

async function tallScreenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 800);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(800, height + 60), 4000) });
  await page.screenshot({ path: join(artefactsFolder, name) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('the destruction worklist', () => {
  const apps = appPerTest();

  it('lists what is due soonest first, red only when overdue, filters it, and records a holding\'s chosen copies in one dialog with evidence attached once', { timeout: 60_000 }, async () => {
    const files = makeTempDir('custodian-worklist-ui-');
    const evidence = files.path('erasure-report.pdf');
    writeFileSync(evidence, '%PDF-1.4 erasure report');
    const app = await apps.open({
      hash: '#/destruction',
      now: () => new Date('2028-04-20T10:00:00Z'),
      dialogs: { chooseFileToOpen: async () => evidence, chooseFileToSave: async () => null },
    });
    storeRegister(app.context.db, register());
    writeSettings(app.context.db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah' });
    await app.page.reload();
    const { page } = app;
    const worklist = page.getByRole('table', { name: 'Destruction worklist' });
    const rows = worklist.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('NIC31337_MSDS_2025');
    await expect(rows.nth(0).locator('.destruction-badge')).toHaveText('265 days overdue');
    await expect(rows.nth(0).locator('.destruction-badge')).toHaveClass(/is-danger/);
    await expect(rows.nth(1).locator('.destruction-badge')).toHaveText('10 days left');
    await expect(worklist.locator('.destruction-badge.is-danger')).toHaveCount(1);
    await tallScreenshot(page, 'destruction-worklist.png');

    // Filters, each value with its count.
    await page.getByLabel('Due', { exact: true }).selectOption({ label: 'Overdue (1)' });
    await expect(rows).toHaveCount(1);
    await page.getByLabel('Due', { exact: true }).selectOption({ label: 'Due within 30 days (2)' });
    await expect(rows).toHaveCount(2);
    await page.getByLabel('Due', { exact: true }).selectOption('all');
    await page.getByLabel('Location', { exact: true }).selectOption({ label: 'AWS eu-west-2 (London) (1)' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole('list', { name: /^Live copies of/ }).getByRole('listitem')).toHaveCount(1);
    await page.getByLabel('Location', { exact: true }).selectOption('');
    await page.getByLabel('Agreement', { exact: true }).selectOption({ label: 'DARS-NIC-31337-Q7Z9K (1)' });
    await expect(rows).toHaveCount(1);
    await page.getByLabel('Agreement', { exact: true }).selectOption('');

    // Two of the 2024 holding's three copies, in one form that opens as a dialog with the focus in it.
    const row2024 = rows.filter({ hasText: 'NIC00574_HES_APC_2024' });
    await row2024.getByRole('checkbox', { name: 'Include Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault' }).uncheck();
    await row2024.getByRole('button', { name: 'Record destruction of the chosen 2 copies of NIC00574_HES_APC_2024 (DARS-NIC-00574-V2H1F v4.2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record destruction of 2 copies of NIC00574_HES_APC_2024 (DARS-NIC-00574-V2H1F v4.2)' });
    await expect(dialog.getByLabel(/^Method type( \*)?$/)).toBeFocused();
    await dialog.getByLabel(/^Method type( \*)?$/).selectOption('Purge');
    await dialog.getByLabel(/^Method used( \*)?$/).fill('Cryptographic erase');
    await dialog.getByLabel('Tool', { exact: true }).fill('AWS KMS ScheduleKeyDeletion');
    await dialog.getByLabel(/^Date and time( \*)?$/).fill('2028-04-15T11:00');
    await dialog.getByLabel(/^Operator( \*)?$/).fill('Sam Jones (data manager)');
    await dialog.getByLabel(/^Verification method( \*)?$/).fill('Object listing and restore attempt');
    await dialog.getByLabel(/^Verification result( \*)?$/).fill('No objects; restore failed');
    // The TRE copy was deleted by someone else: overridden for that copy only.
    await dialog.getByText('Derived copy of NIC00574_HES_APC_2024 at Exampleton Secure Data Environment').click();
    await dialog.getByLabel('Operator for Derived copy of NIC00574_HES_APC_2024 at Exampleton Secure Data Environment').fill('TRE administrator');
    await dialog.getByRole('button', { name: 'Attach evidence…' }).click();
    await expect(dialog.getByText('erasure-report.pdf')).toBeVisible();
    await page.screenshot({ path: join(artefactsFolder, 'destruction-record-dialog.png') });
    await dialog.getByRole('button', { name: 'Record destruction of 2 copies' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Destruction recorded' })).toHaveText(
      'Destruction recorded for 2 copies of NIC00574_HES_APC_2024 (DARS-NIC-00574-V2H1F v4.2) with 1 evidence file.',
    );
    await expect(row2024.getByRole('list', { name: /^Live copies of/ }).getByRole('listitem')).toHaveText(['Backup copy at CSU Leeds backup vault']);
    const stored = app.context.db
      .prepare('SELECT r.copy_id AS copyId, r.operator, e.sha256 FROM destruction_records r JOIN destruction_evidence e ON e.destruction_id = r.id ORDER BY r.copy_id')
      .all() as { copyId: string; operator: string; sha256: string }[];
    check(stored.map((s) => [s.copyId, s.operator])).toEqual([
      ['c-2024-aws', 'Sam Jones (data manager)'],
      ['c-2024-tre', 'TRE administrator'],
    ]);
    check(new Set(stored.map((s) => s.sha256)).size).toBe(1);

    // The certificate is refused while the vault copy is live, and the refusal links to it.
    await page.getByLabel('Agreement version').selectOption({ label: 'DARS-NIC-00574-V2H1F v4.2' });
    await page.getByRole('button', { name: 'Issue certificate…' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'No certificate was issued' });
    const link = refusal.getByRole('link', { name: 'Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault' });
    await expect(link).toBeVisible();
    await expect(refusal.getByRole('link')).toHaveCount(1);
    await link.click();
    // The copy's own page: the Destruction screen's headings are gone once it has opened.
    await expect(page.getByRole('heading', { name: 'Pending destruction' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2 })).toContainText('Backup copy');
    files.remove();
  });

  it('pages a register of working size from main, in deadline order', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/destruction', now: () => new Date(`${LARGE_REGISTER_AS_OF}T10:00:00`) });
    storeRegister(app.context.db, generateLargeRegister({ agreements: 26, holdings: 60, copies: 262 }));
    await app.page.reload();
    const { page } = app;
    const asked = await dispatch(handlerTable, app.context, 'destruction.worklist', { limit: 200 });
    if (!asked.ok) throw new Error(asked.error.message);
    const all = asked.value as DestructionWorklist;
    check(all.total).toBeGreaterThan(25);
    const pager = page.getByRole('navigation', { name: 'Worklist pages' });
    await expect(pager.locator('.pager-status')).toHaveText(`Showing 1–25 of ${all.total}`);
    await pager.getByRole('button', { name: 'Next page' }).click();
    await expect(pager.locator('.pager-status')).toHaveText(`Showing 26–${Math.min(50, all.total)} of ${all.total}`);
    const shown = await page.getByRole('table', { name: 'Destruction worklist' }).locator('tbody th[scope="row"]').allTextContents();
    check(shown).toEqual(all.items.slice(25, 50).map((i) => i.holding.label));
    const deadlines = all.items.map((i) => i.deadline ?? '9999');
    check([...deadlines].sort()).toEqual(deadlines);
  });

  it('records every live copy of a holding from the holding\'s own page, in the same dialog', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/holdings/holding/hes-2024', now: () => new Date('2028-04-20T10:00:00Z') });
    storeRegister(app.context.db, register());
    await app.page.reload();
    const { page } = app;
    await page.getByRole('button', { name: 'Record destruction of its live copies…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record destruction of 3 copies of NIC00574_HES_APC_2024 (DARS-NIC-00574-V2H1F v4.2)' });
    await expect(dialog.getByLabel(/^Method type( \*)?$/)).toBeFocused();
    await expect(dialog.getByRole('list', { name: 'Copies recorded' }).getByRole('listitem')).toHaveCount(3);
    await dialog.getByLabel(/^Method used( \*)?$/).fill('Cryptographic erase');
    await dialog.getByLabel(/^Date and time( \*)?$/).fill('2028-04-15T11:00');
    await dialog.getByLabel(/^Operator( \*)?$/).fill('Sam Jones');
    await dialog.getByLabel(/^Verification method( \*)?$/).fill('Restore attempt');
    await dialog.getByLabel(/^Verification result( \*)?$/).fill('Nothing restored');
    await dialog.getByRole('button', { name: 'Record destruction of 3 copies' }).click();
    await expect(dialog).toHaveCount(0);
    // The holding's copies show their destroyed date, and its findings no longer count them live.
    await expect(page.getByRole('table', { name: 'Copies' }).getByRole('row').filter({ hasText: '15 April 2028' })).toHaveCount(3);
    const live = app.context.db.prepare("SELECT count(*) FROM copies WHERE holding_id = 'hes-2024' AND destroyed_date IS NULL").pluck().get();
    check(live).toBe(0);
  });

  it('in the dark theme', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/destruction', colorScheme: 'dark', now: () => new Date('2028-04-20T10:00:00Z') });
    storeRegister(app.context.db, register());
    await app.page.reload();
    await app.page.getByRole('table', { name: 'Destruction worklist' }).locator('tbody tr').first().waitFor();
    await app.page.screenshot({ path: join(artefactsFolder, 'destruction-worklist-dark.png') });
    await app.page.getByRole('button', { name: /^Record destruction of all 3 copies of NIC00574_HES_APC_2024/ }).click();
    await app.page.screenshot({ path: join(artefactsFolder, 'destruction-record-dialog-dark.png') });
  });
});
