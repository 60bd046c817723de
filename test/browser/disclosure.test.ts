import { artefactsFolder } from './artefacts-folder';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import ExcelJS from 'exceljs';
import { disclosureReportSchema } from '../../shared/disclosure/report';
import { createRecord } from '../../electron/register/register-service';
import { seedRegister, testActor } from '../helpers/register-seed';
import { makeTempDir } from '../helpers/temp-dir';
import { openApp, startBrowser, stopBrowser, type AppUnderTest } from './harness';

const artefacts = artefactsFolder;
mkdirSync(artefacts, { recursive: true });

/** The content pane scrolls inside the window, so a tall viewport is what captures the whole screen. */
async function screenshotWholeScreen(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.querySelector('.content')?.scrollHeight ?? 800);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 40, 800), 4000) });
  await page.screenshot({ path: join(artefacts, name) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

// A wide table with row and column totals: Leeds/Female (3) must be suppressed, and the totals would
// give it away unless complementary cells are suppressed too.
const table = 'area,Female,Male,Total\nLeeds,3,40,43\nYork,50,60,110\nBradford,12,25,37\nTotal,65,125,190\n';

describe('the Disclosure screen in Chromium, with the real handlers and worker', () => {
  let app: AppUnderTest | null = null;
  let files: ReturnType<typeof makeTempDir>;
  beforeAll(startBrowser);
  afterAll(stopBrowser);
  afterEach(async () => {
    await app?.close();
    app = null;
    files?.remove();
  });

  it('opens a file through the dialog, previews it, exports CSV, and the file on disk is the protected table', async () => {
    files = makeTempDir('custodian-disclosure-ui-');
    const input = files.path('admissions.csv');
    const output = files.path('admissions-published.csv');
    writeFileSync(input, table);
    app = await openApp({
      hash: '#/disclosure',
      dialogs: { chooseFileToOpen: async () => input, chooseFileToSave: async () => output },
    });
    const { page } = app;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disclosure');
    await page.getByLabel('Disclosure profile').selectOption('nhs-small-numbers-1-5');
    await page.getByRole('button', { name: 'Open a table…' }).click();

    await expect(page.getByText('Audit passed')).toBeVisible({ timeout: 45_000 });
    await expect(page.getByText('admissions.csv', { exact: true })).toBeVisible();
    const published = page.getByRole('table', { name: 'Published table' });
    const original = page.getByRole('table', { name: /Original table/ });
    await expect(original.getByRole('row', { name: /Leeds/ })).toContainText('3');
    const leedsFemale = published.getByRole('row', { name: /Leeds/ }).locator('td').first();
    await expect(leedsFemale).toHaveAttribute('data-reason', 'primary');
    await expect(leedsFemale).toHaveAttribute('data-note', '1–5 suppressed');
    const secondary = published.locator('td[data-reason="secondary"]');
    await expect(secondary).toHaveCount(3);
    await expect(secondary.first()).toHaveAttribute('data-note', 'secondary: protects Leeds/Female');
    // Keyboard: a changed cell takes focus and explains itself to a screen reader.
    await secondary.first().focus();
    await expect(secondary.first()).toBeFocused();
    await expect(secondary.first()).toContainText('secondary: protects Leeds/Female');
    await expect(page.getByText('Complementary suppressions')).toBeVisible();
    await secondary.first().hover();
    await screenshotWholeScreen(page, 'disclosure-preview.png');

    await page.getByRole('button', { name: 'Export CSV…' }).click();
    await expect(page.getByText(/Saved admissions-published\.csv and admissions-published\.disclosure-report\.json/)).toBeVisible({ timeout: 45_000 });
    await expect(page.getByText(/Recorded in the audit log as entry \d+/)).toBeVisible();

    // The file on disk: the protected table, values only, with its legend.
    const lines = readFileSync(output, 'utf8').replace(/^\ufeff/, '').split('\r\n');
    // The cheapest rectangle that protects Leeds/Female runs through Bradford's smaller counts.
    expect(lines.slice(0, 5)).toEqual(['area,Female,Male,Total', 'Leeds,*,*,43', 'York,50,60,110', 'Bradford,*,*,37', 'Total,65,125,190']);
    expect(lines.join('\n')).toContain('nhs-small-numbers-1-5, version 1');
    const report = disclosureReportSchema.parse(JSON.parse(readFileSync(files.path('admissions-published.disclosure-report.json'), 'utf8')));
    expect(report.audit.status).toBe('passed');
    // Saved beside the table, the report may travel with it: suppressions are not told apart.
    expect(report.release).toBe('releasable');
    expect(report.summary).toMatchObject({ suppressed: 4 });
    expect(report.summary.primarySuppressions).toBeUndefined();
    // The report (parsed strictly: no field beyond the schema's) records what was published for a
    // suppressed cell, the marker, never its count.
    const suppressed = report.changes.filter((c) => c.action === 'suppressed');
    expect(suppressed).toHaveLength(4);
    expect(suppressed.every((c) => c.published === '*')).toBe(true);
    expect(existsSync(input)).toBe(true);
    expect(readFileSync(input, 'utf8')).toBe(table);
    expect(app.errors).toEqual([]);
  });

  it('takes a dropped file, and refuses the export when the audit can recover a suppressed count (dark theme)', async () => {
    app = await openApp({ hash: '#/disclosure', colorScheme: 'dark' });
    const { page } = app;
    await page.getByLabel('Disclosure profile').selectOption('nhs-secondary-care');
    await page.getByText('Totals and national rows').click();
    // Leeds is the only non-zero area and the exact national total is shown: Leeds is the total.
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['area,count\nLeeds,3\nYork,0\nTotal,3\n'], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    });
    await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer });
    await expect(page.getByText('dropped.csv', { exact: true })).toBeVisible();
    // First preview passes (the total is rounded); marking it national makes it exact.
    await expect(page.getByText('Audit passed')).toBeVisible({ timeout: 45_000 });
    await page.getByLabel('National rows: column').selectOption('area');
    await page.getByLabel('National rows: label').fill('Total');
    await expect(page.getByText('The rules changed since this preview')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export CSV…' })).toBeDisabled();
    await page.getByRole('button', { name: 'Preview again' }).click();
    await expect(page.getByText('Export refused', { exact: true })).toBeVisible({ timeout: 45_000 });
    await expect(page.getByRole('alert')).toContainText('Leeds, row 2, can be narrowed to 1 possible value');
    await expect(page.getByRole('button', { name: 'Export CSV…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Export XLSX…' })).toBeDisabled();
    await screenshotWholeScreen(page, 'disclosure-refused-dark.png');
  });

  it('takes the profile from the holding’s dataset and records the holding with the export', async () => {
    files = makeTempDir('custodian-disclosure-holding-');
    const input = files.path('outpatients.csv');
    const output = files.path('outpatients-published.xlsx');
    writeFileSync(input, 'area,count\nLeeds,4\nYork,120\n');
    app = await openApp({ hash: '#/disclosure', dialogs: { chooseFileToOpen: async () => input, chooseFileToSave: async () => output } });
    const { page, context } = app;
    const seeded = seedRegister(context.db);
    const dataset = createRecord(context.db, testActor(), 'dataset', {
      versionId: seeded.version.id,
      name: 'HES Outpatients',
      disclosureProfileId: 'threshold-10',
    });
    const holding = createRecord(context.db, testActor(), 'holding', {
      versionId: seeded.version.id,
      datasetId: dataset.id,
      darsFileReference: 'NIC00574_HES_OP_2024',
      receivedDate: '2025-06-02',
    });
    await page.reload();
    await expect(page.getByLabel('Disclosure profile')).toHaveValue('nhs-secondary-care');
    await page.getByLabel('Holding it derives from').selectOption(holding.id);
    await expect(page.getByLabel('Disclosure profile')).toHaveValue('threshold-10');
    await expect(page.getByText(/Set by the dataset .*HES Outpatients/)).toBeVisible();
    await page.getByRole('button', { name: 'Open a table…' }).click();
    await expect(page.getByText('Audit passed')).toBeVisible({ timeout: 45_000 });
    await page.getByRole('button', { name: 'Export XLSX…' }).click();
    await expect(page.getByText(/Recorded in the audit log as entry \d+/)).toBeVisible({ timeout: 45_000 });
    const entry = context.db
      .prepare("SELECT record_id AS holding, detail_json AS detail FROM audit_log WHERE action = 'export' AND record_kind = 'disclosureTable'")
      .get() as { holding: string; detail: string };
    expect(entry.holding).toBe(holding.id);
    expect(JSON.parse(entry.detail).profile).toEqual({ id: 'threshold-10', version: 1 });
    // The exported workbook: values only, the 4 suppressed.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const rows: unknown[] = [];
    workbook.getWorksheet('Table')!.eachRow((row) => rows.push(row.values));
    expect(rows).toEqual([
      [undefined, 'area', 'count'],
      [undefined, 'Leeds', '*'],
      [undefined, 'York', 120],
    ]);
  });

  it('adds row percentages on request, the marker where a count is suppressed', async () => {
    app = await openApp({ hash: '#/disclosure' });
    const { page } = app;
    await page.getByLabel('Disclosure profile').selectOption('nhs-community-mental-health');
    await page.getByText('Totals and national rows').click();
    await page.getByLabel('Add row percentages').check();
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['area,Female,Male,Total\nLeeds,2,400,402\nHull,50,60,110\n'], 'wide.csv', { type: 'text/csv' }));
      return transfer;
    });
    await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer });
    await expect(page.getByText('Audit passed')).toBeVisible({ timeout: 45_000 });
    const published = page.getByRole('table', { name: 'Published table' });
    await expect(published.getByRole('columnheader')).toHaveText(['area', 'Female', 'Male', 'Total', 'Female %', 'Male %']);
    await expect(published.getByRole('row', { name: /Leeds/ }).locator('td')).toHaveText(['P*, 0–4 suppressed', '400', 'R400, rounded to 5', '*', '100']);
    await expect(published.getByRole('row', { name: /Hull/ }).locator('td').nth(4)).toHaveText('55');
  });

  it('builds a custom profile with a live preview and saves it as a file', async () => {
    files = makeTempDir('custodian-disclosure-profile-');
    const saved = files.path('our-tre.json');
    app = await openApp({ hash: '#/disclosure', dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => saved } });
    const { page } = app;
    await page.getByRole('button', { name: 'New custom profile…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New custom disclosure profile' });
    await dialog.getByLabel('Name', { exact: true }).fill('Our TRE rule');
    await dialog.getByLabel('Id', { exact: true }).fill('our-tre');
    await dialog.getByLabel('To', { exact: true }).fill('9');
    await dialog.getByLabel('Protection width').fill('9');
    await expect(dialog.getByText('Counts of 1–9 become *.')).toBeVisible();
    const sample = dialog.getByRole('table', { name: 'Sample counts below national level' });
    // Counts 0, 1, 3, 4, 5, 7, 8, 9, 10, 12, 13, 15, 25, 98 under the edited rule: zeros shown, 1–9 hidden.
    await expect(sample.getByRole('row', { name: /Published/ }).locator('td')).toHaveText(['0', '*', '*', '*', '*', '*', '*', '*', '10', '12', '13', '15', '25', '98']);
    await dialog.getByLabel('Id', { exact: true }).fill('Bad Id');
    await dialog.getByRole('button', { name: 'Save profile file…' }).click();
    await expect(dialog.locator('[data-field="id"] .field-error')).toContainText('must be 2–63 lower-case letters');
    await expect(dialog.getByLabel('Id', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('Id', { exact: true }).fill('our-tre');
    await page.screenshot({ path: join(artefacts, 'disclosure-profile-editor.png') });
    await dialog.getByRole('button', { name: 'Save profile file…' }).click();
    await expect(dialog).toBeHidden();
    const profile = JSON.parse(readFileSync(saved, 'utf8'));
    expect(profile).toMatchObject({ id: 'our-tre', name: 'Our TRE rule', suppression: { min: 1, max: 9 }, protectionWidth: 9 });
    await expect(page.getByLabel('Disclosure profile')).toHaveValue('our-tre');
  });

  it('shows progress for a large file and can cancel it', async () => {
    files = makeTempDir('custodian-disclosure-big-');
    const input = files.path('big.csv');
    const rows = ['area,count'];
    for (let i = 0; i < 600_000; i++) rows.push(`A${i},${i % 40}`);
    writeFileSync(input, `${rows.join('\n')}\n`);
    app = await openApp({ hash: '#/disclosure', dialogs: { chooseFileToOpen: async () => input, chooseFileToSave: async () => null } });
    const { page } = app;
    await page.getByRole('button', { name: 'Open a table…' }).click();
    const progress = page.getByRole('progressbar', { name: 'Preview progress' });
    await expect(progress).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Preview cancelled.')).toBeVisible({ timeout: 20_000 });
    await expect(progress).toBeHidden();
  });

  it('on a million-row table shows the first rows at once, progress while it works, and Cancel stops the work', async () => {
    files = makeTempDir('custodian-disclosure-million-');
    const input = files.path('million.csv');
    let text = 'area,month,sex,count\n';
    for (let i = 0; i < 1_000_000; i++) text += `E${String(Math.floor(i / 24)).padStart(8, '0')},2024-${String(((i >> 1) % 12) + 1).padStart(2, '0')},${i % 2 ? 'Male' : 'Female'},${(i * 7919) % 5000}\n`;
    writeFileSync(input, text);
    app = await openApp({ hash: '#/disclosure', dialogs: { chooseFileToOpen: async () => input, chooseFileToSave: async () => null } });
    const { page } = app;
    await page.getByRole('button', { name: 'Open a table…' }).click();
    const progress = page.getByRole('progressbar', { name: 'Preview progress' });
    const firstRows = page.getByRole('table', { name: 'First rows as read (stay on this computer)' });
    // The first rows show while the table is still being read: the progress bar is there with them.
    await expect(firstRows).toBeVisible();
    await expect(progress).toBeVisible();
    await expect(firstRows.getByRole('row')).toHaveCount(51);
    await expect(firstRows.getByRole('row').nth(1)).toContainText('E00000000');
    await expect(firstRows.getByRole('row').nth(1)).toContainText('2024-01');
    await expect(page.getByRole('status').filter({ hasText: /^Protecting: row [0-9,]+ \([0-9]+%\)$/ })).toBeVisible();
    await screenshotWholeScreen(page, 'disclosure-first-rows.png');
    // Progress moves while it works.
    const fraction = async () => Number(await progress.getAttribute('value'));
    const before = await fraction();
    await expect.poll(fraction, { timeout: 20_000 }).toBeGreaterThan(before);
    // "Cancelled" is reported only once the worker thread has exited: the work stopped, not just its display.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Preview cancelled.')).toBeVisible({ timeout: 20_000 });
    await expect(progress).toBeHidden();
    await expect(firstRows).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Original and published' })).toHaveCount(0);
  });
});
