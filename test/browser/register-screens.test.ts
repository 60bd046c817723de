import { artefactsFolder } from './artefacts-folder';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { appPerTest, openApp, type AppUnderTest } from './harness';

const artefacts = artefactsFolder;
mkdirSync(artefacts, { recursive: true });

/**
 * The compliant scenario (test/helpers/compliant-register.ts) with three things wrong on 1 June
 * 2026: AWS's ICO registration lapsed the day before, an analyst's laptop holds a derived copy of the
 * 2024 extract, and an improvement plan is two weeks overdue.
 */
function scenario() {
  return compliantRegister()
    .update('organisation', 'aws', { icoRenewalDate: '2026-05-31' })
    .location('laptop', { name: 'Analyst laptop EX-4471', operator: 'uni', kind: 'end-user-device', country: 'England' })
    .copy('c-2024-laptop', 'hes-2024', 'laptop', 'derived', { pathOrDescription: 'C:\\Users\\analyst\\cohort.csv', createdDate: '2026-05-20' })
    .obligation('plan', { kind: 'improvement-plan', organisation: 'csu', text: 'Complete the DSPT improvement plan for staff training', dueDate: '2026-05-15', owner: 'CSU IG manager' })
    .build();
}

const today = () => new Date('2026-06-01T10:00:00');

async function openScenario(options: { hash: string; colorScheme?: 'light' | 'dark' }): Promise<AppUnderTest> {
  const app = await openApp({ ...options, now: today });
  storeRegister(app.context.db, scenario());
  await app.page.reload();
  await app.page.getByRole('heading', { level: 1 }).waitFor();
  return app;
}

/** What each Tab press lands on, as a person would name it. */
async function tabStops(page: Page, presses: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label');
        const text = (label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
        const outline = getComputedStyle(el).outlineStyle;
        return `${el.tagName.toLowerCase()}${outline === 'none' ? '!nofocus' : ''}:${text.slice(0, 60)}`;
      }),
    );
  }
  return stops;
}

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(artefacts, `${name}.png`) });
}

describe('every register screen, on a realistic register', () => {
  const apps = appPerTest();

  it('Dashboard: counts, the findings table linking to their records, overdue obligations, and the deadline timeline with its text alternative', async () => {
    const app = apps.track(await openScenario({ hash: '#/dashboard' }));
    const { page } = app;
    await expect(page.locator('.stat', { hasText: 'Live holdings' }).locator('dd')).toHaveText('2');
    await expect(page.locator('.stat', { hasText: 'Live copies' }).locator('dd')).toHaveText('6');
    const high = page.getByRole('table', { name: 'Findings' }).locator('tbody[data-group="COPY_AT_UNAPPROVED_LOCATION"]');
    await expect(high.locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]')).toBeVisible();
    await expect(page.locator('[data-code="ICO_REGISTRATION_EXPIRED"]')).toBeVisible();
    const overdue = page.getByRole('region', { name: 'Overdue obligations' });
    await expect(overdue.getByRole('link', { name: 'Complete the DSPT improvement plan for staff training' })).toBeVisible();

    const chart = page.getByRole('img', { name: /Deadlines from 1 June 2026/ });
    await expect(chart).toBeVisible();
    const description = await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    expect(description).toContain('obligations due, the first on 30 September 2026');
    await expect(page.getByRole('list', { name: 'Next deadlines, soonest first' }).getByRole('listitem').first()).toContainText('30 September 2026');
    // Each dot says what falls due (a tooltip) and opens its record when clicked.
    const dot = chart.locator('g.marker[data-date="2026-09-30"]');
    await expect(dot.locator('title')).toHaveText(/^30 September 2026: Due: Outputs must be aggregated/);
    const href = await dot.getAttribute('data-href');
    expect(href).toMatch(/^#\//);
    await dot.locator('circle').click();
    await expect(page).toHaveURL(new RegExp(`${href!.replace(/[/?]/g, '\\$&')}$`));
    await page.goBack();
    await expect(chart).toBeVisible();
    await shot(page, 'register-dashboard');

    // A finding links to what it is about.
    await high.locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]').getByRole('link', { name: 'Analyst laptop EX-4471', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Analyst laptop EX-4471' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Live copies held here' })).toContainText('cohort.csv');
  });

  it('Dashboard in the dark theme', async () => {
    const app = apps.track(await openScenario({ hash: '#/dashboard', colorScheme: 'dark' }));
    await expect(app.page.locator('[data-code="OBLIGATION_OVERDUE"]')).toBeVisible();
    await shot(app.page, 'register-dashboard-dark');
  });

  it('Agreements: a DSA shows each version’s terms, datasets, approvals, holdings, copies, obligations and the findings about it', async () => {
    const app = apps.track(await openScenario({ hash: '#/agreements' }));
    const { page } = app;
    await expect(page.getByRole('table', { name: 'DSAs' })).toContainText('Readmission after hip replacement');
    await shot(page, 'register-agreements');
    await page.getByRole('table', { name: 'DSAs' }).getByRole('link', { name: 'DARS-NIC-00574-V2H1F' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'DARS-NIC-00574-V2H1F' })).toBeVisible();

    const versions = page.getByRole('navigation', { name: 'Versions' });
    await expect(versions.getByRole('link', { name: 'v4.2' })).toHaveAttribute('aria-current', 'page');
    const v42 = page.getByRole('region', { name: 'Version 4.2' });
    await expect(v42.getByRole('link', { name: 'University of Exampleton' })).toBeVisible();
    await expect(v42).toContainText('Within 30 days after the version ends');
    await expect(v42.getByRole('table', { name: 'Approved locations' })).toContainText('AWS eu-west-2 (London)');
    await expect(v42.getByRole('table', { name: 'Holdings' })).toContainText('NIC00574_HES_APC_2024');
    await expect(v42.getByRole('table', { name: 'Copies' }).getByRole('link', { name: 'Analyst laptop EX-4471' })).toBeVisible();
    await expect(v42.getByRole('table', { name: 'Obligations' })).toContainText('Outputs must be aggregated');
    await expect(page.getByRole('region', { name: 'Findings about this agreement' }).locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]')).toBeVisible();
    await shot(page, 'register-dsa');

    await versions.getByRole('link', { name: 'v4.1' }).click();
    await expect(page.getByRole('region', { name: 'Version 4.1' }).getByText('Superseded')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Version 4.1' }).getByRole('table', { name: 'Holdings' })).toContainText('NIC00574_HES_APC_2023');

    await page.getByRole('link', { name: 'University of Exampleton' }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'University of Exampleton' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Security assurance' })).toContainText('Standards Met');
    await expect(page.getByRole('table', { name: 'DSFCs' })).toContainText('CON-622644-N9S3P-v2.03');
    await shot(page, 'register-organisation');
  });

  it('Agreements in the dark theme, with the version form open', async () => {
    const app = apps.track(await openScenario({ hash: '#/agreements/dsa/hip', colorScheme: 'dark' }));
    await expect(app.page.getByRole('heading', { level: 2, name: 'DARS-NIC-00574-V2H1F' })).toBeVisible();
    await shot(app.page, 'register-dsa-dark');
    await app.page.getByRole('region', { name: 'Version 4.2' }).getByRole('button', { name: 'Edit DSA version' }).click();
    await expect(app.page.getByRole('dialog')).toBeVisible();
    await app.page.getByRole('dialog').getByLabel('End date', { exact: true }).fill('2020-01-01');
    await app.page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await expect(app.page.getByRole('dialog').getByText('End date must not be before the start date')).toBeVisible();
    await shot(app.page, 'register-version-form-dark');
  });

  it('Holdings and copies: lists, a holding with its copies and locations, and marking a copy destroyed', async () => {
    const app = apps.track(await openScenario({ hash: '#/holdings' }));
    const { page } = app;
    await expect(page.getByRole('table', { name: 'Holdings' }).getByRole('row')).toHaveCount(3);
    await shot(page, 'register-holdings');
    await page.getByRole('link', { name: 'Copies', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Live copies only' }).check();
    await expect(page.getByRole('navigation', { name: 'Copies pages' })).toContainText('of 6');
    await shot(page, 'register-copies');

    await page.goto(`${app.baseUrl}/index.html#/holdings/holding/hes-2024`);
    await expect(page.getByRole('heading', { level: 2, name: 'NIC00574_HES_APC_2024' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hospital Episode Statistics Admitted Patient Care' })).toBeVisible();
    const copies = page.getByRole('table', { name: 'Copies' });
    await expect(copies.locator(':scope > tbody > tr')).toHaveCount(4);
    await shot(page, 'register-holding');

    // "Mark destroyed" opens the destruction form itself, in a dialog with the focus on its first field:
    // the copy's destroyed date comes with the method, operator and verification a certificate states.
    await copies.getByRole('button', { name: 'Mark destroyed: the derived extract copy at Analyst laptop EX-4471' }).click();
    const dialog = page.getByRole('dialog', { name: /^Record destruction: Derived extract copy at Analyst laptop EX-4471/ });
    await expect(dialog.getByLabel('Method type')).toBeFocused();
    await dialog.getByLabel('Method used').fill('Secure delete of files');
    await dialog.getByLabel('Date and time').fill('2026-05-31T16:00');
    await dialog.getByLabel('Operator').fill('Sam Jones (data manager)');
    await dialog.getByLabel('Verification method').fill('Directory listing');
    await dialog.getByLabel('Verification result').fill('No files found');
    await dialog.getByRole('button', { name: 'Record destruction' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(copies.getByRole('row', { name: /Analyst laptop/ })).toContainText('31 May 2026');
    const stored = app.context.db.prepare("SELECT destroyed_date AS d FROM copies WHERE id = 'c-2024-laptop'").get() as { d: string };
    expect(stored.d).toBe('2026-05-31');
    const record = app.context.db.prepare("SELECT method, operator FROM destruction_records WHERE copy_id = 'c-2024-laptop'").get() as { method: string; operator: string };
    expect(record).toEqual({ method: 'Secure delete of files', operator: 'Sam Jones (data manager)' });
    await expect(page.getByRole('region', { name: 'Findings about this holding and its copies' }).locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]')).toHaveCount(0);
  });

  it('Locations: the list and a location with its operator, approvals and live copies', async () => {
    const app = apps.track(await openScenario({ hash: '#/locations' }));
    const { page } = app;
    await expect(page.getByRole('table', { name: 'Locations' })).toContainText('CSU Leeds backup vault');
    await shot(page, 'register-locations');
    await page.getByRole('table', { name: 'Locations' }).getByRole('link', { name: 'AWS eu-west-2 (London)' }).click();
    await expect(page.getByRole('link', { name: 'Amazon Web Services EMEA SARL (UK Branch)' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Approved by' })).toContainText('Storage');
    await expect(page.getByRole('table', { name: 'Live copies held here' })).toContainText('s3://exampleton-hip/hes_apc_2024/');
    await expect(page.getByRole('table', { name: 'Covered by security assurance' })).toHaveCount(1);
    await shot(page, 'register-location');
  });

  it('every screen can be worked from the keyboard, with a visible focus on each stop', async () => {
    const app = apps.track(await openScenario({ hash: '#/dashboard' }));
    const { page } = app;
    const expectations: [string, RegExp[]][] = [
      ['#/dashboard', [/a:Analyst laptop EX-4471/, /a:Complete the DSPT improvement plan/]],
      ['#/agreements', [/button:New DSA/, /input:Search dsas/, /input:Party/, /a:DSFCs/, /tr:DARS-NIC-00574-V2H1F/]],
      ['#/agreements/dsa/hip', [/button:Add version/, /button:Edit DSA$/, /a:v4\.1/, /button:Edit DSA version/, /button:Add dataset/, /button:Approve a location/, /tr:NIC00574_HES_APC_2024/]],
      ['#/holdings', [/button:New holding/, /input:Search holdings/, /input:DSA/, /tr:NIC00574_HES_APC_2024/]],
      ['#/holdings/holding/hes-2024', [/button:Add copy/, /button:Mark destroyed: the primary copy at /, /tr:Primary/]],
      ['#/locations', [/button:New location/, /input:Operator/, /tr:Analyst laptop EX-4471/]],
      ['#/locations/location/tre', [/button:Approve for a DSA version/, /tr:/]],
      ['#/audit-log', [/button:Verify chain/, /input:Search entries/, /select:Kind of record/, /input:From/]],
    ];
    for (const [hash, wanted] of expectations) {
      await page.goto(`${app.baseUrl}/index.html${hash}`);
      await page.getByRole('heading', { level: 1 }).focus();
      await page.waitForLoadState('networkidle');
      // An agreement's page opens with its summary, whose links come before its versions' lists.
      const stops = await tabStops(page, 70);
      for (const pattern of wanted) expect(stops.some((s) => pattern.test(s)), `${hash}: ${pattern} in ${stops.join(' | ')}`).toBe(true);
      // Past the last control focus leaves the page (the body): that is the browser's, not a stop.
      expect(stops.filter((s) => s.includes('!nofocus') && !s.startsWith('body')), `${hash}: stops without a visible focus`).toEqual([]);
    }
  });

  it('Audit log screen in both themes', async () => {
    const app = apps.track(await openScenario({ hash: '#/agreements/organisation/aws' }));
    const { page } = app;
    await page.getByRole('button', { name: 'Edit organisation' }).click();
    await page.getByRole('dialog').getByLabel('ICO registration renewal date').fill('2027-05-31');
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: /Show changes/ }).first().click();
    // Dates in the diff read as everywhere else in the app.
    await expect(page.locator('.audit-diff')).toContainText('31 May 2027');
    await shot(page, 'register-audit');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'register-audit-dark');
  });
});
