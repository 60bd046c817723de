import { artefactsFolder } from './artefacts-folder';
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect as check, it } from 'vitest';
import { generateLargeRegister, LARGE_REGISTER_AS_OF } from '../../bench/large-register';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import type { Finding } from '../../shared/register/findings';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { appPerTest, type AppUnderTest } from './harness';

/**
 * The dashboard's findings as a table to work through (issue 11, item 2). A DR site nobody approved
 * holds five backup copies of one extract: one folded row, opened onto its five copies. A laptop
 * copy and AWS's lapsed ICO registration are rows of their own, and only the laptop copy (a possible
 * breach of the agreement) offers "Open incident".
 */
function drSite() {
  let builder = compliantRegister()
    .update('organisation', 'aws', { icoRenewalDate: '2026-05-31' })
    .location('dr', { name: 'Leeds DR site', operator: 'csu', kind: 'backup', address: 'Leeds' })
    .location('laptop', { name: 'Analyst laptop EX-4471', operator: 'uni', kind: 'end-user-device' })
    .copy('c-laptop', 'hes-2024', 'laptop', 'derived', { createdDate: '2025-07-01' });
  for (let i = 1; i <= 5; i++) builder = builder.copy(`c-dr-${i}`, 'hes-2024', 'dr', 'backup', { pathOrDescription: `dr://vault/hes-2024/${i}` });
  return builder.build();
}

/** The findings panel in full: the window made as tall as the panel, scrolled to it. */
async function shotOfFindings(page: Page, name: string): Promise<void> {
  const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Findings', level: 2 }) });
  const height = await panel.evaluate((el) => el.getBoundingClientRect().height);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.ceil(height) + 40, 3000) });
  await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(artefactsFolder, name) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** axe-core's WCAG 2.2 AA violations on the page as it is (as accessibility-axe.test.ts runs it), by rule and element. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function findingsOf(app: AppUnderTest): Promise<Finding[]> {
  const result = await dispatch(handlerTable, app.context, 'findings.list', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { findings: Finding[] }).findings;
}

describe('the dashboard findings table', () => {
  const apps = appPerTest();

  it('folds five copies at one DR site into one row that opens onto them, groups by code or agreement, and offers Open incident only for a possible breach', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, drSite());
    await app.page.reload();
    const { page } = app;
    const table = page.getByRole('table', { name: 'Findings' });
    const group = table.locator('tbody[data-group="COPY_AT_UNAPPROVED_LOCATION"]');
    await expect(group.getByRole('rowheader')).toHaveText(/^Copy at an unapproved location 6 findings: 6 high$/);
    const folded = group.locator('tr[data-folded="true"]');
    await expect(folded).toHaveCount(1);
    await expect(folded).toContainText('Copy at an unapproved location: 5 findings at Leeds DR site');
    await expect(folded).toContainText('5 open');
    await folded.getByRole('button', { name: /^Show the 5 findings/ }).click();
    const copies = group.locator('tr.finding-row-copy');
    await expect(copies).toHaveCount(5);
    for (let i = 1; i <= 5; i++) await expect(copies.getByRole('link', { name: /Backup copy of NIC00574_HES_APC_2024 at Leeds DR site/ }).nth(i - 1)).toBeVisible();
    // The five share a label: each says its recorded path.
    check((await copies.locator('.finding-note').allTextContents()).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `dr://vault/hes-2024/${i}`));
    await expect(folded.getByRole('button', { name: /^Hide the findings/ })).toHaveAttribute('aria-expanded', 'true');
    await shotOfFindings(page, 'findings-table.png');

    // A copy on a laptop may be a breach: Open incident. A lapsed ICO registration is paperwork: no incident.
    const laptop = group.locator('tr:not([data-folded])', { hasText: 'Analyst laptop EX-4471' }).first();
    await expect(laptop.getByRole('link', { name: /^Open incident/ })).toBeVisible();
    const ico = table.locator('tr[data-code="ICO_REGISTRATION_EXPIRED"]');
    await expect(ico.getByRole('button', { name: /^Set status/ })).toBeVisible();
    await expect(ico.getByRole('link', { name: /^Open incident/ })).toHaveCount(0);

    // Setting the status of one copy's finding shows on it, and the folded row counts it.
    await copies.first().getByRole('button', { name: /^Set status/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Set status' });
    await dialog.getByLabel('Acknowledged').check();
    await dialog.getByLabel('Owner').fill('J Smith');
    await dialog.getByLabel('Target date').fill('2026-06-30');
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await expect(folded).toContainText('4 open, 1 acknowledged');

    // Grouped by agreement: every finding here is about DARS-NIC-00574-V2H1F's records (AWS is a party to it alone).
    await page.getByLabel('Group by').selectOption('agreement');
    await expect(table.getByRole('rowheader')).toHaveText([/^DARS-NIC-00574-V2H1F 7 findings: 6 high, 1 medium$/]);

    // Filtered by status and by location.
    await page.getByLabel('Status').selectOption('acknowledged');
    await expect(page.getByRole('status').filter({ hasText: /finding/ })).toHaveText('1 finding in 1 group');
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Location').selectOption({ label: 'Analyst laptop EX-4471 (1)' });
    await expect(table.locator('tr.finding-row')).toHaveCount(1);
    await expect(table.locator('tr.finding-row')).toContainText('Analyst laptop EX-4471');
  });

  it('sets one status for every finding of a folded row at once, from a dialog that names the group and takes the focus', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, drSite());
    await app.page.reload();
    const { page } = app;
    const table = page.getByRole('table', { name: 'Findings' });
    const group = table.locator('tbody[data-group="COPY_AT_UNAPPROVED_LOCATION"]');
    const folded = group.locator('tr[data-folded="true"]');
    await folded.getByRole('button', { name: /^Show the 5 findings/ }).click();
    const copies = group.locator('tr.finding-row-copy');
    await expect(copies).toHaveCount(5);

    await folded.getByRole('button', { name: /^Set status for all 5…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Set status for all 5 findings: Copy at an unapproved location at Leeds DR site (DARS-NIC-00574-V2H1F)' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Acknowledged')).toBeFocused();
    await dialog.getByLabel('Risk accepted').check();
    await dialog.getByLabel('Reason').fill('Encrypted vault, moving by September');
    await dialog.getByLabel('Review date').fill('2026-09-01');
    await dialog.getByLabel('Accepted by').fill('SIRO');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(artefactsFolder, 'findings-table-set-status-for-all.png') });
    check(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save status for all 5' }).click();
    await expect(dialog).toHaveCount(0);

    // Every finding in the row says so, the row counts them, and the laptop copy (another row) is untouched.
    await expect(folded).toContainText('5 risk accepted');
    await expect(copies).toHaveCount(5);
    for (let i = 0; i < 5; i++) await expect(copies.nth(i)).toContainText('Risk accepted');
    await expect(group.locator('tr:not([data-folded])', { hasText: 'Analyst laptop EX-4471' }).first()).toContainText('Open');
    check((await findingsOf(app)).filter((f) => f.status?.state === 'risk-accepted').length).toBe(5);
    await shotOfFindings(page, 'findings-table-group-status-set.png');

    // Only the open ones: the group now counts one finding.
    await page.getByLabel('Status').selectOption('open');
    await expect(group.getByRole('rowheader')).toHaveText(/^Copy at an unapproved location 1 finding: 1 high$/);

    // A refusal (one of the five has been reopened meanwhile) names it, and nothing is saved.
    await page.getByLabel('Status').selectOption('');
    await dispatch(handlerTable, app.context, 'findings.setStatus', { findingId: 'COPY_AT_UNAPPROVED_LOCATION:c-dr-3', state: 'open' });
    await group.locator('tr[data-folded="true"]').getByRole('button', { name: /^Set status for all 5…/ }).click();
    await page.getByRole('dialog').getByLabel('Open', { exact: true }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Save status for all 5' }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('finding "COPY_AT_UNAPPROVED_LOCATION:c-dr-3" is already open. Nothing has been saved.');
    check((await findingsOf(app)).filter((f) => f.status?.state === 'risk-accepted').length).toBe(4);
  });

  it('on a register of working size, counts what findings.list counts and narrows to one agreement and one severity', { timeout: 90_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', now: () => new Date(`${LARGE_REGISTER_AS_OF}T10:00:00`) });
    storeRegister(app.context.db, generateLargeRegister({ agreements: 26, holdings: 60, copies: 262 }));
    await app.page.reload();
    const { page } = app;
    const findings = await findingsOf(app);
    expect(findings.length).toBeGreaterThan(10);
    await expect(page.getByRole('status').filter({ hasText: /findings? in/ })).toHaveText(new RegExp(`^${findings.length} findings in \\d+ groups?$`));
    const high = findings.filter((f) => f.severity === 'high').length;
    await page.getByLabel('Severity').selectOption('high');
    await expect(page.getByRole('status').filter({ hasText: /findings? in/ })).toHaveText(new RegExp(`^${high} findings? in`));
    // Every group heading's count adds up to the total.
    const counts = await page.locator('.findings-group-row th').evaluateAll((ths) => ths.map((th) => Number(/(\d+) findings?:/.exec(th.textContent ?? '')?.[1] ?? 0)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(high);
    await shotOfFindings(page, 'findings-table-working-size.png');
  });

  it('in the dark theme', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', colorScheme: 'dark', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, drSite());
    await app.page.reload();
    await app.page.locator('tr[data-folded="true"]').getByRole('button', { name: /^Show the 5 findings/ }).click();
    await shotOfFindings(app.page, 'findings-table-dark.png');
    await app.page.locator('tr[data-folded="true"]').getByRole('button', { name: /^Set status for all 5…/ }).click();
    await expect(app.page.getByRole('dialog', { name: /^Set status for all 5 findings: / })).toBeVisible();
    check(await axeViolations(app.page)).toEqual([]);
    await app.page.screenshot({ path: join(artefactsFolder, 'findings-table-set-status-for-all-dark.png') });
  });
});
