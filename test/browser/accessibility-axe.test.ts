import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { screens } from '../../shared/app/screens';
import { storeRegister } from '../helpers/store-register';
import { twoAgreements } from '../helpers/two-agreements';
import { appPerTest } from './harness';

/**
 * axe-core, injected into every screen of the app (each navigation target, some records' pages,
 * and dialogs open), light and dark, on a register with findings, must report no violation of
 * WCAG 2.2 level AA: the tags below are every rule axe has for levels A and AA up to 2.2, the
 * 24-pixel target size (2.5.8) among them. A violation is printed with the rule, what it is about
 * and the elements, so the failure says what to fix.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

async function violations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the app's Content Security Policy (script-src 'self') stays as it ships.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, WCAG_22_AA);
}

const described = (where: string, found: Violation[]) =>
  found.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')}`).join('\n');

/** Where a person can be: each navigation target, the lists' other tabs, and records' pages. */
const places = [
  ...screens.map((s) => `#/${s.id}`),
  '#/agreements/dsfc',
  '#/agreements/organisation',
  '#/agreements/obligation',
  '#/holdings/copy',
  '#/holdings/holding/old-h',
  '#/agreements/dsa/hip',
  '#/holdings/holding/hes-2024',
  '#/locations/location/tre',
  '#/incidents/new',
];

/** Dialogs and forms opened in place: [where, what, how to open it]. */
const dialogs: [string, string, (page: Page) => Promise<void>][] = [
  ['#/destruction', 'Record destruction form', (page) => page.getByRole('button', { name: /^Record destruction of / }).first().click()],
  ['#/agreements/dsa', 'New DSA', (page) => page.getByRole('button', { name: 'New DSA' }).click()],
  ['#/agreements/dsa/hip', 'Add version', (page) => page.getByRole('button', { name: 'Add version' }).click()],
  ['#/dashboard', 'Set status', (page) => page.getByRole('button', { name: /^Set status/ }).first().click()],
  ['#/holdings/holding/hes-2024', 'Mark destroyed', (page) => page.getByRole('button', { name: /^Mark destroyed/ }).first().click()],
];

/**
 * Two agreements sharing locations and a controller, with findings of every severity, and a third
 * that ended in January with its data still held (an overdue destruction): so the overdue lane, the
 * red destroy-by dates and the flagged copies are on screen when axe checks their contrast.
 */
function register() {
  const r = twoAgreements();
  r.dsas.push({ id: 'old', archived: false, nicReference: 'DARS-NIC-11111-A1B2C', title: 'An ended study' } as never);
  const v42 = r.versions.find((v) => v.id === 'v4.2')!;
  r.versions.push({ ...v42, id: 'old-v1', dsaId: 'old', version: '1', status: 'expired', startDate: '2023-02-01', endDate: '2026-01-31', predecessorVersionId: null, destructionRule: { kind: 'days-after-end', days: 30 } });
  const dataset = r.datasets.find((d) => d.versionId === 'v4.2')!;
  r.datasets.push({ ...dataset, id: 'old-ds', versionId: 'old-v1' });
  const approval = r.approvedLocations.find((a) => a.versionId === 'v4.2')!;
  r.approvedLocations.push({ ...approval, id: 'old-a', versionId: 'old-v1', approvedFrom: null, approvedTo: null });
  const holding = r.holdings.find((h) => h.id === 'hes-2024')!;
  r.holdings.push({ ...holding, id: 'old-h', versionId: 'old-v1', datasetId: 'old-ds', darsFileReference: 'NIC11111_OLD_2023', receivedDate: '2023-03-01', dataYear: null });
  const copy = r.copies.find((c) => c.holdingId === 'hes-2024' && c.locationId === approval.locationId)!;
  r.copies.push({ ...copy, id: 'old-c', holdingId: 'old-h', createdDate: '2023-03-01' });
  return r;
}

async function settle(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // Screens read the register after they appear: wait until nothing says it is loading.
  await expect(page.getByText(/^(Loading|Checking|Summarising)/)).toHaveCount(0);
}

describe('WCAG 2.2 AA on every screen (axe-core)', () => {
  const apps = appPerTest();

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`no violation on any screen, record page or dialog, ${colorScheme} theme`, { timeout: 300_000 }, async () => {
      const app = await apps.open({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00'), colorScheme });
      storeRegister(app.context.db, register());
      const { page } = app;
      const problems: string[] = [];
      for (const place of places) {
        await page.goto(`${app.baseUrl}/index.html${place}`);
        await page.reload();
        await settle(page);
        const found = await violations(page);
        if (found.length) problems.push(described(place, found));
      }
      for (const [place, name, open] of dialogs) {
        await page.goto(`${app.baseUrl}/index.html${place}`);
        await page.reload();
        await settle(page);
        await open(page);
        // A dialog, or the destruction form that opens in the page.
        await page.locator('dialog[open]').or(page.getByRole('form', { name: /^Record destruction:/ })).first().waitFor();
        const found = await violations(page);
        if (found.length) problems.push(described(`${place} with the ${name} open`, found));
        await page.keyboard.press('Escape');
      }
      expect(problems.join('\n')).toBe('');
    });
  }
});
