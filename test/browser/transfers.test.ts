import { artefactsFolder } from './artefacts-folder';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it, expect as check } from 'vitest';
import { writeSettings } from '../../electron/db/settings-repository';
import { listAuditEntries } from '../../electron/register/audit-log';
import { loadRegister } from '../../electron/register/load-register';
import { compliantRegister } from '../helpers/compliant-register';
import { realisticDur, writeDurWorkbook } from '../helpers/dur-fixture';
import { extractPdfText } from '../helpers/pdf-text';
import { storeRegister } from '../helpers/store-register';
import { makeTempDir } from '../helpers/temp-dir';
import { openApp, startBrowser, stopBrowser, type AppUnderTest } from './harness';

const artefacts = artefactsFolder;
mkdirSync(artefacts, { recursive: true });

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artefacts, name) });
}

describe('Import and export buttons in Chromium, wired to the real handlers', () => {
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

  it('exports the holdings to XLSX through the save dialog, and the file holds every copy', async () => {
    files = makeTempDir('custodian-transfers-ui-');
    const target = files.path('holdings.xlsx');
    const asked: string[] = [];
    app = await openApp({
      hash: '#/holdings',
      now: () => new Date('2026-06-01T10:00:00Z'),
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async ({ defaultName }) => (asked.push(defaultName), target) },
    });
    storeRegister(app.context.db, compliantRegister().build());
    writeSettings(app.context.db, { organisationName: 'University of Exampleton' });
    await app.page.reload();
    const { page, context } = app;

    await page.getByRole('button', { name: 'Export the holdings and copies as XLSX' }).click();
    await expect(page.getByRole('status')).toContainText(`Saved the holdings and copies to ${target}.`);
    check(asked).toEqual(['custodian-holdings-2026-06-01.xlsx']);
    await screenshot(page, 'holdings-export.png');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const sheet = workbook.getWorksheet('Holdings and copies')!;
    const register = loadRegister(context.db);
    check(sheet.rowCount).toBe(1 + register.copies.length);
    const locations: unknown[] = [];
    const locationColumn = (sheet.getRow(1).values as unknown[]).indexOf('Location');
    sheet.eachRow((row, n) => n > 1 && locations.push(row.getCell(locationColumn).value));
    check(new Set(locations)).toEqual(new Set(register.locations.map((l) => l.name)));
    check(listAuditEntries(context.db, { offset: 0, limit: 1, action: 'export' }).entries[0]!.detail).toMatchObject({ export: 'holdings', file: 'holdings.xlsx' });
    check(app.errors).toEqual([]);
  });

  it('imports the Data Uses Register from the Agreements screen, shows what changed, and a bad file’s row and column', async () => {
    files = makeTempDir('custodian-transfers-ui-');
    const good = await writeDurWorkbook(files.path('DUR.xlsx'), realisticDur());
    const badSheets = realisticDur();
    badSheets.Agreements[5]!['DSA End Date'] = '31/02/2026';
    const bad = await writeDurWorkbook(files.path('DUR-bad.xlsx'), badSheets);
    let open = good;
    app = await openApp({ hash: '#/agreements', dialogs: { chooseFileToOpen: async () => open, chooseFileToSave: async () => null } });
    const { page, context } = app;

    await page.getByRole('button', { name: 'Import Data Uses Register…' }).click();
    await expect(page.getByRole('status')).toContainText('Imported DUR.xlsx: 7 agreements, 8 versions, 8 organisations, 9 datasets, 7 holdings created.');
    check(loadRegister(context.db).dsas).toHaveLength(7);
    // The list reloads with the imported agreements.
    await expect(page.getByText('DARS-NIC-00574-V2H1F').first()).toBeVisible();
    await screenshot(page, 'agreements-import.png');

    open = bad;
    await page.getByRole('button', { name: 'Import Data Uses Register…' }).click();
    await expect(page.getByRole('alert')).toContainText('DUR-bad.xlsx, sheet Agreements, row 7, column "DSA End Date" (H): "31/02/2026" is not a date');
    await expect(page.getByRole('alert')).toContainText('Nothing was imported');
    check(loadRegister(context.db).dsas).toHaveLength(7);
    check(app.errors).toEqual([]);
  });

  it('saves the holdings audit report for one agreement from its page, and the deadlines from the dashboard', async () => {
    files = makeTempDir('custodian-transfers-ui-');
    const saved: string[] = [];
    app = await openApp({
      hash: '#/dashboard',
      now: () => new Date('2026-06-01T10:00:00Z'),
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async ({ defaultName }) => (saved.push(defaultName), files!.path(defaultName)) },
    });
    storeRegister(app.context.db, compliantRegister().build());
    await app.page.reload();
    const { page, context } = app;

    await page.getByRole('button', { name: 'Export the deadlines as ICS' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved the deadlines to' })).toBeVisible();
    check(readFileSync(files.path('custodian-deadlines-2026-06-01.ics'), 'utf8')).toContain('BEGIN:VEVENT');
    await screenshot(page, 'dashboard-exports.png');

    const dsa = loadRegister(context.db).dsas[0]!;
    await page.goto(`${app.baseUrl}/index.html#/agreements/dsa/${dsa.id}`);
    await page.getByRole('button', { name: 'Export the holdings audit report as PDF' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved the holdings audit report to' })).toBeVisible();
    // One agreement's report is named after it.
    const text = (await extractPdfText(readFileSync(files.path(`holdings-audit-report-${dsa.nicReference}-2026-06-01.pdf`)))).pages.join('\n');
    check(text).toContain(`${dsa.nicReference}: ${dsa.title}`);
    check(text).toContain('NIC00574_HES_APC_2024');
    check(app.errors).toEqual([]);
  });
});
