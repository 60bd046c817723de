import { artefactsFolder } from './artefacts-folder';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { generateLargeRegister } from '../../bench/large-register';
import { addDays } from '../../shared/register/dates';
import type { RegisterContent } from '../../shared/register/snapshot';
import { storeRegister } from '../helpers/store-register';
import { twoAgreements } from '../helpers/two-agreements';
import { appPerTest } from './harness';

mkdirSync(artefactsFolder, { recursive: true });

/**
 * Issue 11, item 4: lists an IG lead can work from. The agreements, holdings and copies lists show
 * what the register says about each row (current version, live copies, destroy-by, open findings,
 * location problems), sorted and filtered on the server; an agreement's page opens with its summary.
 * Expected values are worked out here from the register given, not read from the app.
 */
const today = () => new Date('2026-06-01T10:00:00');
const formatted = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function liveCopiesOf(register: RegisterContent, dsaId: string): number {
  const versions = new Set(register.versions.filter((v) => v.dsaId === dsaId).map((v) => v.id));
  const holdings = new Set(register.holdings.filter((h) => versions.has(h.versionId)).map((h) => h.id));
  return register.copies.filter((c) => holdings.has(c.holdingId) && c.destroyedDate === null && !c.archived).length;
}

const rowOf = (page: Page, table: string, text: string) => page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: text });
const cellTexts = (page: Page, table: string, text: string) => rowOf(page, table, text).getByRole('cell').allInnerTexts();
async function columnIndex(page: Page, table: string, header: string): Promise<number> {
  const headers = (await page.getByRole('table', { name: table }).getByRole('columnheader').allInnerTexts()).map((h) => h.replace(/[▲▼↑↓]/g, '').trim());
  const index = headers.findIndex((h) => h.startsWith(header));
  if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  return index;
}

/** An agreement that ended on 31 January 2026 with 30 days to destroy, its extract still held on 1 June. */
function withOverdueHolding(register: RegisterContent): RegisterContent {
  const v42 = register.versions.find((v) => v.id === 'v4.2')!;
  register.dsas.push({ id: 'old', archived: false, nicReference: 'DARS-NIC-11111-A1B2C', title: 'An ended study' } as never);
  register.versions.push({ ...v42, id: 'old-v1', dsaId: 'old', version: '1', status: 'expired', startDate: '2023-02-01', endDate: '2026-01-31', predecessorVersionId: null, destructionRule: { kind: 'days-after-end', days: 30 } });
  register.datasets.push({ ...register.datasets.find((d) => d.versionId === 'v4.2')!, id: 'old-ds', versionId: 'old-v1' });
  register.approvedLocations.push({ ...register.approvedLocations.find((a) => a.id === 'a42-tre-store')!, id: 'old-a', versionId: 'old-v1' });
  register.holdings.push({ ...register.holdings.find((h) => h.id === 'hes-2024')!, id: 'old-h', versionId: 'old-v1', datasetId: 'old-ds', darsFileReference: 'NIC11111_DEATHS_2023', receivedDate: '2023-03-01', dataYear: null });
  register.copies.push({ ...register.copies.find((c) => c.id === 'c-2024-tre')!, id: 'old-c', holdingId: 'old-h', createdDate: '2023-03-01' });
  return register;
}

async function shot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(artefactsFolder, `${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('lists an IG lead can work from', () => {
  const apps = appPerTest();

  it('Agreements: each DSA shows its current version, status, end date, controllers, live copies and open findings, and sorts by them', { timeout: 90_000 }, async () => {
    const register = twoAgreements();
    const app = await apps.open({ hash: '#/agreements/dsa', now: today });
    storeRegister(app.context.db, register);
    await app.page.reload();
    const { page } = app;
    const table = 'DSAs';
    await expect(rowOf(page, table, 'DARS-NIC-00574-V2H1F')).toBeVisible();
    const hip = await cellTexts(page, table, 'DARS-NIC-00574-V2H1F');
    const at = async (header: string) => hip[await columnIndex(page, table, header)]!.trim();
    expect(await at('Current version')).toBe('v4.2');
    expect(await at('Status')).toBe('Active');
    expect(await at('Ends')).toBe(formatted('2028-03-31'));
    expect(await at('Controllers')).toContain('University of Exampleton');
    expect(await at('Controllers')).toContain('Exampleton Teaching Hospitals NHS Foundation Trust');
    expect(await at('Live copies')).toBe(String(liveCopiesOf(register, 'hip')));
    const openFindings = await at('Open findings');
    await shot(page, 'agreements-list');

    // The count is the agreement's own: its page lists as many findings (those its report lists).
    await rowOf(page, table, 'DARS-NIC-00574-V2H1F').getByRole('link', { name: 'DARS-NIC-00574-V2H1F' }).click();
    const findings = page.getByRole('region', { name: 'Findings about this agreement' });
    await expect(findings.getByRole('listitem').first()).toBeVisible();
    expect(String(await findings.locator('.finding-list > li').count())).toBe(openFindings);

    // Sorting by live copies puts the agreement with more first, on the server's order.
    await page.goto(`${app.baseUrl}/index.html#/agreements/dsa`);
    await page.getByRole('button', { name: /^Live copies/ }).click();
    await page.getByRole('button', { name: /^Live copies/ }).click();
    const first = page.getByRole('table', { name: table }).getByRole('row').nth(1);
    const more = liveCopiesOf(register, 'hip') >= liveCopiesOf(register, 'other') ? 'DARS-NIC-00574-V2H1F' : 'DARS-NIC-31337-Q7Z9K';
    await expect(first).toContainText(more);
  });

  it('An agreement opens with its summary: version and dates, parties, approved locations, holdings carried over by renewal beside its own, findings by severity', { timeout: 90_000 }, async () => {
    const register = twoAgreements();
    const app = await apps.open({ hash: '#/agreements/dsa/hip', now: today });
    storeRegister(app.context.db, register);
    await app.page.reload();
    const { page } = app;
    await expect(rowOf(page, 'Holdings of this agreement', 'NIC00574_HES_APC_2023')).toBeVisible();
    const summary = page.getByRole('region', { name: 'Summary' });
    await expect(summary).toContainText('DARS-NIC-00574-V2H1F v4.2');
    await expect(summary).toContainText(`${formatted('2025-04-01')} to ${formatted('2028-03-31')}`);
    await expect(summary).toContainText('Exampleton Teaching Hospitals NHS Foundation Trust (controller)');
    await expect(summary).toContainText('CSU Leeds backup vault for backup');
    // The summary comes before the versions' detail.
    const summaryTop = (await summary.boundingBox())!.y;
    const versionsTop = (await page.getByRole('heading', { name: 'Versions' }).boundingBox())!.y;
    expect(summaryTop).toBeLessThan(versionsTop);
    const holdings = 'Holdings of this agreement';
    // The 2023 extract came under v4.1; v4.2 renews it, so it is listed here and destroyed by v4.2's rule (30 days after 31 March 2028).
    const carried = await cellTexts(page, holdings, 'NIC00574_HES_APC_2023');
    expect(carried[1]).toContain('DARS-NIC-00574-V2H1F v4.1 (carried over by renewal)');
    expect(carried[3]).toBe(formatted(addDays('2028-03-31', 30)));
    const own = await cellTexts(page, holdings, 'NIC00574_HES_APC_2024');
    expect(own[1]).not.toContain('carried over');
    await expect(page.getByRole('table', { name: holdings })).not.toContainText('NIC31337');
    await expect(summary.locator('.severity-counts')).toContainText(/High: \d+ open/);
    await shot(page, 'agreement-summary');
  });

  it('Holdings show live copies, destroy-by date through renewals and status, and filter to the overdue; Copies flag where a location is wrong', { timeout: 90_000 }, async () => {
    const register = withOverdueHolding(twoAgreements());
    const app = await apps.open({ hash: '#/holdings/holding', now: today });
    storeRegister(app.context.db, register);
    await app.page.reload();
    const { page } = app;
    await expect(rowOf(page, 'Holdings', 'NIC00574_HES_APC_2023')).toBeVisible();
    const row = await cellTexts(page, 'Holdings', 'NIC00574_HES_APC_2023');
    const col = async (header: string) => row[await columnIndex(page, 'Holdings', header)]!.trim();
    expect(await col('Destroy by')).toBe(formatted(addDays('2028-03-31', 30)));
    expect(await col('Live copies')).toBe(String(register.copies.filter((c) => c.holdingId === 'hes-2023' && c.destroyedDate === null).length));
    expect(await col('Status')).toBe('Live');
    await page.getByLabel('Status').selectOption({ label: 'Destruction overdue' });
    // Only the ended agreement's extract, due 30 days after its end and still held.
    const overdueRows = page.getByRole('table', { name: 'Holdings' }).locator('tbody tr[data-row]');
    await expect(overdueRows).toHaveCount(1);
    await expect(overdueRows).toContainText('NIC11111_DEATHS_2023');
    await expect(overdueRows).toContainText(`${formatted(addDays('2026-01-31', 30))} (overdue)`);
    await expect(overdueRows).toContainText('Overdue');
    await shot(page, 'holdings-list');

    await page.goto(`${app.baseUrl}/index.html#/holdings/copy`);
    const laptop = rowOf(page, 'Copies', 'Analyst laptop');
    await expect(laptop).toContainText('Location not approved');
    await expect(rowOf(page, 'Copies', 'AWS eu-west-2 (London)').first()).toContainText('No problem found');
    await page.getByLabel('Location not approved or outside territory').check();
    const rows = page.getByRole('table', { name: 'Copies' }).locator('tbody tr[data-row]');
    // Every copy a finding says is somewhere it must not be, and no other.
    await expect(page.getByRole('navigation', { name: 'Copies pages' })).toContainText('of 2');
    await expect(rows).toHaveCount(2);
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/Location not approved|Outside territory/);
    await shot(page, 'copies-flagged');
  });

  it('Copies at working scale: a page of 500 is virtualised, and the keys reach its last row', { timeout: 120_000 }, async () => {
    const register = generateLargeRegister({ agreements: 26, holdings: 120, copies: 1_200 });
    const app = await apps.open({ hash: '#/holdings/copy', now: () => new Date('2025-06-01T10:00:00') });
    storeRegister(app.context.db, register);
    await app.page.reload();
    const { page } = app;
    const pager = page.getByRole('navigation', { name: 'Copies pages' });
    await expect(pager).toContainText(`Showing 1–500 of ${register.copies.filter((c) => !c.archived).length.toLocaleString('en-GB')}`);
    const rows = page.getByRole('table', { name: 'Copies' }).locator('tbody tr[data-row]');
    const drawn = await rows.count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(100);
    await rows.first().focus();
    await page.keyboard.press('End');
    await expect(page.locator('tbody tr[data-row="499"]')).toBeFocused();
    await expect(page.locator('tbody tr[data-row="499"]')).toBeInViewport();
    await page.keyboard.press('Home');
    await expect(page.locator('tbody tr[data-row="0"]')).toBeFocused();
    // Flagged locations first, sorted on the server over every copy, not just this page.
    await page.getByRole('button', { name: /^Location check/ }).click();
    await page.getByRole('button', { name: /^Location check/ }).click();
    await expect(rows.first()).toContainText(/Location not approved|Outside territory/);
    await shot(page, 'copies-virtual');
  });
});
