import { artefactsFolder } from './artefacts-folder';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { listAuditEntries } from '../../electron/register/audit-log';
import { createRecord } from '../../electron/register/register-service';
import { testActor } from '../helpers/register-seed';
import { appPerTest, type AppUnderTest } from './harness';

const artefacts = artefactsFolder;
mkdirSync(artefacts, { recursive: true });

/** The register's clock: every finding and deadline is judged on this day. */
const today = () => new Date('2026-06-01T10:00:00');

const dialog = (page: Page) => page.getByRole('dialog');

/** Chooses a record in a searchable picker: type part of its name, then click the option. */
async function pick(scope: Locator | Page, label: string, typed: string, option: string | RegExp) {
  const box = scope.getByLabel(label, { exact: true });
  await box.fill(typed);
  await scope.getByRole('option', { name: option }).click();
  await expect(box).toHaveValue(typeof option === 'string' ? option : /.+/);
}

const countRows = (app: AppUnderTest, table: string) => (app.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the register’s screens in Chromium, wired to the real handlers', () => {
  const apps = appPerTest();

  it('records an agreement, a location, a holding and a copy through the UI, shows the unapproved location on the dashboard, and clears it once the location is approved', async () => {
    const app = await apps.open({ hash: '#/agreements', now: today });
    const { page } = app;

    // An organisation.
    await page.getByRole('button', { name: 'New organisation' }).click();
    await dialog(page).getByLabel('Legal name').fill('Leeds Teaching Hospitals NHS Trust');
    await dialog(page).getByLabel('ODS code').fill('RR8');
    await dialog(page).getByRole('checkbox', { name: 'Controller' }).check();
    await dialog(page).getByRole('button', { name: 'Add organisation' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Leeds Teaching Hospitals NHS Trust' })).toBeVisible();

    // A DSA and its first version, with the trust as sole controller.
    await page.getByRole('button', { name: 'New DSA' }).click();
    await dialog(page).getByLabel('NIC reference').fill('DARS-NIC-00574-V2H1F');
    await dialog(page).getByLabel('Title').fill('Readmission after hip replacement');
    await dialog(page).getByRole('button', { name: 'Add DSA' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'DARS-NIC-00574-V2H1F' })).toBeVisible();
    await expect(page.getByText('No versions recorded.')).toBeVisible();

    await page.getByRole('button', { name: 'Add version' }).click();
    const versionForm = dialog(page);
    await versionForm.getByLabel('Version', { exact: true }).fill('1');
    await versionForm.getByLabel('Start date', { exact: true }).fill('2025-04-01');
    await versionForm.getByLabel('End date', { exact: true }).fill('2028-03-31');
    await versionForm.getByRole('button', { name: 'Add party' }).click();
    await pick(versionForm, 'Party 1 organisation', 'Leeds', 'Leeds Teaching Hospitals NHS Trust');
    await versionForm.getByRole('button', { name: 'Add DSA version' }).click();
    await expect(dialog(page)).toHaveCount(0);
    const version = page.getByRole('region', { name: 'Version 1' });
    await expect(version.getByRole('heading', { name: /Version 1/ })).toBeVisible();
    await expect(version.getByRole('link', { name: 'Leeds Teaching Hospitals NHS Trust' })).toBeVisible();

    // A dataset of the version.
    await version.getByRole('button', { name: 'Add dataset' }).click();
    await dialog(page).getByLabel('Dataset').fill('Hospital Episode Statistics Admitted Patient Care');
    await dialog(page).getByLabel('Type of data').selectOption('Pseudonymised');
    await dialog(page).getByRole('button', { name: 'Add dataset' }).click();
    await expect(version.getByRole('link', { name: 'Hospital Episode Statistics Admitted Patient Care' })).toBeVisible();

    // A location, deliberately not approved under the version.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
    await page.getByRole('button', { name: 'New location' }).click();
    await dialog(page).getByLabel('Name').fill('Leeds secure server');
    await pick(dialog(page), 'Operator', 'Teaching', 'Leeds Teaching Hospitals NHS Trust');
    await dialog(page).getByLabel('Kind of location').selectOption({ label: 'On-premises server' });
    await dialog(page).getByLabel('Country').fill('England');
    await dialog(page).getByRole('button', { name: 'Add location' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Leeds secure server' })).toBeVisible();
    await expect(page.getByText('No DSA version approves this location')).toBeVisible();

    // A holding received under the version, and its primary copy at that location.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Holdings' }).click();
    await page.getByRole('button', { name: 'New holding' }).click();
    await pick(dialog(page), 'DSA version', '00574', 'DARS-NIC-00574-V2H1F v1');
    await pick(dialog(page), 'Dataset', 'Hospital', 'Hospital Episode Statistics Admitted Patient Care');
    await dialog(page).getByLabel('DARS file reference').fill('NIC00574_HES_APC_2024');
    await dialog(page).getByLabel('Date received').fill('2025-06-12');
    await dialog(page).getByLabel('Record count').fill('1236870');
    await dialog(page).getByRole('button', { name: 'Add holding' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'NIC00574_HES_APC_2024' })).toBeVisible();

    await page.getByRole('button', { name: 'Add copy' }).click();
    await pick(dialog(page), 'Location', 'secure', 'Leeds secure server');
    await dialog(page).getByLabel('Kind of copy').selectOption({ label: 'Primary' });
    await dialog(page).getByLabel('Path or description').fill('/data/hes/apc_2024.parquet');
    await dialog(page).getByLabel('Made on').fill('2025-06-12');
    await dialog(page).getByRole('button', { name: 'Add copy' }).click();
    const copies = page.getByRole('table', { name: 'Copies' });
    await expect(copies.getByRole('link', { name: 'Leeds secure server' })).toBeVisible();

    // The dashboard shows the copy at an unapproved location, linking to the copy, the location and the version.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const unapproved = page.locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]');
    await expect(unapproved).toHaveCount(1);
    await expect(unapproved.getByText('High', { exact: true })).toBeVisible();
    await expect(unapproved.getByRole('link', { name: 'Leeds secure server', exact: true })).toBeVisible();
    await expect(page.locator('.stat', { hasText: 'Live copies' })).toContainText('1');
    await page.screenshot({ path: join(artefacts, 'register-dashboard-finding.png') });

    // Fix it from the finding: open the location and approve it for storage under the version.
    await unapproved.getByRole('link', { name: 'Leeds secure server', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Leeds secure server' })).toBeVisible();
    await page.getByRole('button', { name: 'Approve for a DSA version' }).click();
    await pick(dialog(page), 'DSA version', 'NIC', 'DARS-NIC-00574-V2H1F v1');
    await dialog(page).getByLabel('Role approved').selectOption('storage');
    await dialog(page).getByRole('button', { name: 'Add location approval' }).click();
    await expect(page.getByRole('table', { name: 'Approved by' }).getByRole('link', { name: 'DARS-NIC-00574-V2H1F v1' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Findings' })).toBeVisible();
    await expect(page.locator('[data-code="DSFC_MISSING"]')).toHaveCount(1); // the dashboard has reloaded its findings
    await expect(page.locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]')).toHaveCount(0);

    // Everything was written through the register service, each change with its audit entry.
    expect([countRows(app, 'organisations'), countRows(app, 'dsas'), countRows(app, 'dsa_versions'), countRows(app, 'copies'), countRows(app, 'approved_locations')]).toEqual([1, 1, 1, 1, 1]);
    expect(listAuditEntries(app.context.db, { offset: 0, limit: 1 }).total).toBe(8);
  });

  it('shows an inline message for a bad NIC reference, focuses it, and saves nothing', async () => {
    const app = await apps.open({ hash: '#/agreements', now: today });
    const { page } = app;
    await page.getByRole('button', { name: 'New DSA' }).click();
    const nic = dialog(page).getByLabel('NIC reference');
    await nic.fill('NIC-574');
    await dialog(page).getByRole('button', { name: 'Add DSA' }).click();

    const message = dialog(page).getByText('NIC reference must be a NIC reference such as DARS-NIC-00574-V2H1F');
    await expect(message).toBeVisible();
    await expect(nic).toHaveAttribute('aria-invalid', 'true');
    await expect(nic).toBeFocused();
    const describedBy = (await nic.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await message.getAttribute('id'));
    await expect(dialog(page).getByRole('alert')).toContainText('Nothing has been saved');
    await page.screenshot({ path: join(artefacts, 'register-form-invalid.png') });
    expect(countRows(app, 'dsas')).toBe(0);
    expect(listAuditEntries(app.context.db, { offset: 0, limit: 1 }).total).toBe(0);

    // Corrected, it saves, and the message goes.
    await nic.fill('DARS-NIC-00574-V2H1F');
    await expect(message).toHaveCount(0);
    await dialog(page).getByRole('button', { name: 'Add DSA' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'DARS-NIC-00574-V2H1F' })).toBeVisible();
    expect(countRows(app, 'dsas')).toBe(1);
  });

  it('shows the register’s own refusal next to the field: a NIC reference already used', async () => {
    const app = await apps.open({ hash: '#/agreements', now: today });
    const { page } = app;
    createRecord(app.context.db, testActor(), 'dsa', { nicReference: 'DARS-NIC-00574-V2H1F' });
    await page.getByRole('button', { name: 'New DSA' }).click();
    const nic = dialog(page).getByLabel('NIC reference');
    await nic.fill('DARS-NIC-00574-V2H1F');
    await dialog(page).getByRole('button', { name: 'Add DSA' }).click();
    await expect(nic).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog(page).locator('.field-error')).toContainText('NIC reference');
    expect(countRows(app, 'dsas')).toBe(1);
  });

  it('pages, sorts and searches a list of a few hundred records on the server, and opens a row from the keyboard', async () => {
    const app = await apps.open({ hash: '#/locations', now: today });
    const { page, context } = app;
    const actor = testActor();
    const operator = createRecord(context.db, actor, 'organisation', { legalName: 'Exampleton Health Informatics' });
    context.db.transaction(() => {
      for (let n = 1; n <= 320; n++)
        createRecord(context.db, actor, 'location', {
          name: `Store ${String(n).padStart(3, '0')}`,
          operatorOrganisationId: operator.id,
          kind: n % 3 === 0 ? 'backup' : 'on-premises-server',
          country: n % 10 === 0 ? 'Wales' : 'England',
        });
    })();
    await page.reload();

    const table = page.getByRole('table', { name: 'Locations' });
    const pager = page.getByRole('navigation', { name: 'Locations pages' });
    await expect(pager).toContainText('Showing 1–50 of 320');
    await expect(table.getByRole('row')).toHaveCount(51); // header + one page, never all 320
    await expect(table.getByRole('row').nth(1)).toContainText('Store 001');

    await pager.getByRole('button', { name: 'Next page' }).click();
    await expect(pager).toContainText('Showing 51–100 of 320');
    await expect(table.getByRole('row').nth(1)).toContainText('Store 051');

    const nameHeader = table.getByRole('columnheader', { name: /Name/ });
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending'); // the list's own order
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(pager).toContainText('Showing 1–50 of 320');
    await expect(table.getByRole('row').nth(1)).toContainText('Store 320');

    // Every word must match: "Store 31" finds Store 031, 131, 231 and 310–319.
    await page.getByLabel('Search locations').fill('Store 31');
    await expect(pager).toContainText('Showing 1–13 of 13');
    await expect(table.getByRole('row').nth(1)).toContainText('Store 319');

    await page.getByLabel('Search locations').fill('Wales');
    await expect(pager).toContainText('of 32');

    // Keyboard: Tab reaches the table as one stop, arrows move between rows, Enter opens the record.
    const firstRow = table.getByRole('row').nth(1);
    await firstRow.focus();
    await page.keyboard.press('ArrowDown');
    await expect(table.getByRole('row').nth(2)).toBeFocused();
    const name = (await table.getByRole('row').nth(2).getByRole('link').first().textContent()) ?? '';
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name })).toBeFocused();
    await page.screenshot({ path: join(artefacts, 'register-location-detail.png') });
  });

  it('lists each change in the Audit log, filters it, shows what changed, and verifies the chain', async () => {
    const app = await apps.open({ hash: '#/agreements/organisation', now: today });
    const { page } = app;
    await page.getByRole('button', { name: 'New organisation' }).click();
    await dialog(page).getByLabel('Legal name').fill('Bradford District Care NHS Foundation Trust');
    await dialog(page).getByRole('button', { name: 'Add organisation' }).click();
    await page.getByRole('button', { name: 'Edit organisation' }).click();
    await dialog(page).getByLabel('ICO registration number').fill('Z7654321');
    await dialog(page).getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Z7654321')).toBeVisible();
    await page.getByRole('button', { name: 'Archive organisation' }).click();
    await dialog(page).getByRole('button', { name: 'Archive organisation' }).click();
    await expect(page.getByRole('button', { name: 'Restore organisation' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    const entries = page.getByRole('table', { name: 'Audit log entries' });
    const entryRows = entries.locator(':scope > tbody > tr');
    await expect(entryRows).toHaveCount(3);
    await expect(entryRows.nth(0)).toContainText('Archive');
    await expect(entryRows.nth(1)).toContainText('Update');
    await expect(entryRows.nth(2)).toContainText('Create');
    await expect(entryRows.nth(2)).toContainText('Bradford District Care NHS Foundation Trust');

    await entryRows.nth(1).getByRole('button', { name: /Show changes/ }).click();
    const diff = entries.locator('.audit-diff');
    await expect(diff.getByRole('row', { name: /ICO registration number/ })).toContainText('Z7654321');
    await expect(diff.getByRole('row')).toHaveCount(2); // the header and the one field that changed

    await page.getByLabel('Action').selectOption('update');
    await expect(entryRows).toHaveCount(2); // the update and its open diff
    await expect(entryRows.first()).toContainText('Update');
    await page.getByLabel('Action').selectOption('');
    await page.getByLabel('From').fill('2026-06-02');
    await expect(entries).toContainText('No entries match these filters.');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Search entries').fill('Bradford');
    await expect(page.getByRole('navigation', { name: 'Audit log pages' })).toContainText('of 3');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'intact' })).toContainText('The chain is intact: all 3 entries check out');
    await page.screenshot({ path: join(artefacts, 'register-audit-log.png') });

    // An entry edited behind the app's back (as someone with the sqlite3 shell could) is named.
    app.context.db.exec("DROP TRIGGER audit_log_is_append_only_update; UPDATE audit_log SET display_name = 'someone else' WHERE seq = 2");
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'broken' })).toContainText('The chain is broken at entry 2');
  });
});
