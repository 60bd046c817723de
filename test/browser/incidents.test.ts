import { artefactsFolder } from './artefacts-folder';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import type { ApiResponse } from '../../shared/ipc/contract';
import { compliantRegister } from '../helpers/compliant-register';
import { makeTempDir } from '../helpers/temp-dir';
import { storeRegister } from '../helpers/store-register';
import { openApp, startBrowser, stopBrowser, type AppUnderTest } from './harness';

const artefacts = artefactsFolder;
mkdirSync(artefacts, { recursive: true });

/** A screenshot of the whole screen: the window is made as tall as the scrolling content first. */
async function shoot(app: AppUnderTest, name: string): Promise<void> {
  const height = await app.page.locator('main').evaluate((main) => main.scrollHeight);
  await app.page.setViewportSize({ width: 1280, height: Math.min(6000, Math.max(800, height + 40)) });
  await app.page.screenshot({ path: join(artefacts, name) });
  await app.page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * The Incidents screen in Chromium on the real handlers: an incident opened from a finding
 * (the address the Dashboard's "Open incident" links to), assessed on the grid, refused closure
 * while the ICO notification is outstanding, notified, closed, and its report exported through the
 * save dialog. The renderer's clock is the real one, so the register is judged on today.
 */
describe('Incidents screen', () => {
  let app: AppUnderTest | null = null;
  const output = makeTempDir('custodian-incidents-out-');
  beforeAll(startBrowser);
  afterAll(async () => {
    await stopBrowser();
    output.remove();
  });
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  /** A register where an analyst's derived copy sits in a cloud region the DSA does not approve. */
  async function openWithStrayCopy(colorScheme: 'light' | 'dark' = 'light') {
    app = await openApp({
      hash: '#/incidents',
      colorScheme,
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async ({ defaultName }) => join(output.dir, defaultName) },
    });
    storeRegister(
      app.context.db,
      compliantRegister()
        .location('gcs', { name: 'Google Cloud europe-west1 (Belgium)', operator: 'aws', kind: 'cloud-region', cloudRegion: 'europe-west1', country: 'Belgium' })
        .copy('c-stray', 'hes-2024', 'gcs', 'derived', { pathOrDescription: 'gs://scratch/hes.csv' })
        .build(),
    );
    const result = await dispatch(handlerTable, app.context, 'findings.list', {});
    const { findings } = (result.ok ? result.value : { findings: [] }) as ApiResponse<'findings.list'>;
    const finding = findings.find((f) => f.code === 'COPY_AT_UNAPPROVED_LOCATION' && f.id.endsWith(':c-stray'));
    if (!finding) throw new Error('the scenario should have an unapproved copy');
    return { app, finding };
  }

  it('opens an incident from a finding, assesses it, refuses closure until the ICO is notified, then closes it', async () => {
    const { app, finding } = await openWithStrayCopy();
    const { page } = app;
    // The Dashboard lists the finding with an "Open incident" link to #/incidents?fromFinding=<id>.
    await page.goto(`${app.baseUrl}/index.html#/dashboard`);
    const item = page.locator(`tr.finding-row[data-code="${finding.code}"]`, { hasText: 'Google Cloud europe-west1 (Belgium)' });
    const openIncident = item.getByRole('link', { name: /^Open incident/ });
    await expect(openIncident).toHaveAttribute('href', `#/incidents?fromFinding=${encodeURIComponent(finding.id)}`);
    await openIncident.click();

    // Pre-filled from the finding: its title, the type, and the records it is about.
    const form = page.getByRole('form', { name: 'Incident details' });
    await expect(page.getByRole('heading', { name: 'New incident from a finding' })).toBeVisible();
    await expect(form.getByLabel('Title')).toHaveValue('Derived copy of NIC00574_HES_APC_2024 at Google Cloud europe-west1 (Belgium)');
    // In words: what happened, never the finding's code or its id.
    await expect(form.getByLabel('Description')).toHaveValue(/a copy of the data at a location the agreement does not approve/);
    await expect(form.getByLabel('Description')).not.toHaveValue(new RegExp(finding.code));
    await expect(page.locator('.incidents-screen')).not.toContainText(finding.id);
    await expect(form.getByLabel('Type of incident')).toHaveValue('undeclared-location');
    await expect(form.getByRole('list', { name: 'Locations: chosen' })).toContainText('Google Cloud europe-west1 (Belgium)');
    await expect(form.getByRole('list', { name: 'DSAs: chosen' })).toContainText('DARS-NIC-00574-V2H1F');
    await expect(form.getByLabel('Health data (special category)')).toBeChecked();
    await shoot(app, 'incidents-from-finding.png');

    await form.getByRole('button', { name: 'Record incident' }).click();
    const year = new Date().getFullYear();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^INC-${year}-001: `) })).toBeVisible();
    // The result takes the focus: the incident just recorded.
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^INC-${year}-001: `) })).toBeFocused();
    await expect(page.getByRole('status')).toContainText('Its clocks are running');
    // Both clocks run, in words, in the list and in the detail.
    const row = page.locator(`tr[data-incident="INC-${year}-001"]`);
    await expect(row).toContainText(/2 days 23 hours left/);
    await expect(row).toContainText(/23 hours \d+ minutes left/);

    // Assessment: pick the grid cell, record both decisions with their reasons.
    await page.getByRole('tab', { name: 'Assessment' }).click();
    await page.getByRole('button', { name: 'Likelihood 3, severity 2: Reportable to the ICO' }).click();
    await expect(page.getByText('Likelihood 3, severity 2:')).toContainText('Reportable to the ICO');
    await page.getByRole('radio', { name: 'Notify the ICO', exact: true }).check();
    await page.getByLabel('Reason for the ICO decision').fill('Pseudonymised health data held at a processor location the DSA does not approve');
    await page.getByRole('radio', { name: 'Do not tell the individuals' }).check();
    await page.getByLabel('Reason for the decision on individuals').fill('No access by anyone outside the organisation is logged');
    await shoot(app, 'incidents-assessment.png');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('status')).toContainText('Assessment saved.');

    // Notify DARS from its clock.
    await page.getByRole('tab', { name: 'Notifications' }).click();
    await page.getByRole('button', { name: 'Log the notification to NHS England DARS' }).click();
    const log = page.getByRole('form', { name: 'Log a notification' });
    await expect(log.getByLabel('Told')).toHaveValue('dars');
    await log.getByLabel('Channel').selectOption('email');
    await log.getByLabel('Reference', { exact: true }).fill('Email to DARS, subject "Incident: NIC-00574"');
    await log.getByRole('button', { name: 'Log notification' }).click();
    await expect(page.getByRole('status')).toContainText('Notification logged.');
    await expect(page.getByRole('region', { name: 'Notifications log' })).toContainText('NHS England DARS');

    // Closing now is refused, and the refusal says what is outstanding.
    await page.getByRole('tab', { name: 'Status and closure' }).click();
    await page.getByRole('button', { name: 'Close incident' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`INC-${year}-001 cannot be closed while this is outstanding`);
    await expect(alert).toContainText('The notification to the ICO');
    await shoot(app, 'incidents-closure-refused.png');

    // Notify the ICO, then close with lessons learned.
    await page.getByRole('tab', { name: 'Notifications' }).click();
    await page.getByRole('button', { name: 'Log the notification to ICO (through the DSPT)' }).click();
    await expect(log.getByLabel('Channel')).toHaveValue('dspt-incident-tool');
    await log.getByLabel('Reference', { exact: true }).fill('DSPT-INC-20261124-7');
    await log.getByRole('button', { name: 'Log notification' }).click();
    await expect(page.getByRole('status')).toContainText('Notification logged.');
    await expect(page.getByText('ICO (through the DSPT): notified on time')).toBeVisible();

    await page.getByRole('tab', { name: 'Status and closure' }).click();
    await expect(page.getByText('Nothing is outstanding: the incident can be closed.')).toBeVisible();
    await page.getByLabel('Lessons learned').fill('Deny storage outside approved regions by cloud policy.');
    await page.getByRole('button', { name: 'Close incident' }).click();
    await expect(page.getByRole('status')).toContainText('Incident closed.');
    await expect(row).toContainText('Closed');

    const stored = app.context.db.prepare('SELECT status, lessons_learned AS lessons, finding_id AS findingId FROM incidents').get();
    expect(stored).toEqual({ status: 'closed', lessons: 'Deny storage outside approved regions by cloud policy.', findingId: finding.id });
    expect(app.context.db.prepare('SELECT recipient FROM incident_notifications ORDER BY sent_at').pluck().all()).toEqual(['dars', 'ico']);

    // The report goes out through the save dialog.
    await page.getByRole('button', { name: 'Export report (PDF)' }).click();
    await expect(page.getByRole('status')).toContainText('Incident report saved to');
    const pdf = join(output.dir, `INC-${year}-001 incident report.pdf`);
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await shoot(app, 'incidents-closed.png');
    expect(app.errors).toEqual([]);
  });

  it('shows an overdue clock in words as well as colour, and works in the dark theme', async () => {
    const { app } = await openWithStrayCopy('dark');
    const aware = new Date(Date.now() - 80 * 3_600_000).toISOString();
    const created = await dispatch(handlerTable, app.context, 'incidents.create', {
      fields: { title: 'Email with an extract sent to the wrong trust', description: 'Sent to a similarly named NHS trust.', type: 'human-error', becameAwareAt: { at: aware, timeZone: 'Europe/London' } },
    });
    expect(created.ok).toBe(true);
    await app.page.reload();
    const row = app.page.locator('tr', { hasText: 'Email with an extract sent to the wrong trust' });
    await expect(row.locator('.clock-overdue').first()).toHaveText(/OVERDUE by 3 days 8 hours|OVERDUE by 8 hours/);
    await expect(row.getByText(/OVERDUE by 8 hours/)).toBeVisible();
    await shoot(app, 'incidents-list-dark.png');

    // The Dashboard's findings show the overdue clocks, linked to the incident (and no "Open incident" on them).
    await app.page.goto(`${app.baseUrl}/index.html#/dashboard`);
    const overdue = app.page.locator('tr.finding-row[data-code="INCIDENT_NOTIFICATION_OVERDUE"]');
    await expect(overdue).toHaveCount(2);
    await expect(overdue.first()).toContainText('overdue');
    await expect(overdue.first().getByRole('link', { name: /Email with an extract sent to the wrong trust/ })).toHaveAttribute('href', /^#\/incidents\/incident\//);
    await expect(overdue.first().getByRole('link', { name: /^Open incident/ })).toHaveCount(0);
    await shoot(app, 'incidents-dashboard-dark.png');
    await overdue.first().getByRole('link', { name: /Email with an extract sent to the wrong trust/ }).click();
    await expect(app.page.getByRole('heading', { level: 2, name: /Email with an extract sent to the wrong trust/ })).toBeVisible();
  });

  it('is keyboard operable: the tabs move with the arrow keys and the grid cells are buttons', async () => {
    const { app } = await openWithStrayCopy();
    const aware = new Date(Date.now() - 3_600_000).toISOString();
    const created = await dispatch(handlerTable, app.context, 'incidents.create', {
      fields: { title: 'Laptop left on a train', description: 'Encrypted laptop.', type: 'loss-or-theft', becameAwareAt: { at: aware, timeZone: 'Europe/London' } },
    });
    const { incident } = (created.ok ? created.value : null) as ApiResponse<'incidents.create'>;
    await app.page.goto(`${app.baseUrl}/index.html#/incidents/incident/${incident.id}`);
    const first = app.page.getByRole('tab', { name: 'Notifications' });
    await first.focus();
    await app.page.keyboard.press('ArrowRight');
    await expect(app.page.getByRole('tab', { name: 'Assessment' })).toBeFocused();
    await expect(app.page.getByRole('tab', { name: 'Assessment' })).toHaveAttribute('aria-selected', 'true');
    await app.page.getByRole('button', { name: 'Likelihood 1, severity 1: Not reportable' }).focus();
    await app.page.keyboard.press('Enter');
    await expect(app.page.getByRole('button', { name: 'Likelihood 1, severity 1: Not reportable' })).toHaveAttribute('aria-pressed', 'true');
    // A decision without its reason is refused next to the field.
    await app.page.getByRole('radio', { name: 'Do not notify the ICO' }).check();
    await app.page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(app.page.getByText('Give the reason for the decision on the ICO: it is recorded whichever way the decision goes.')).toBeVisible();
    await expect(app.page.getByLabel('Reason for the ICO decision')).toHaveAttribute('aria-invalid', 'true');

    // The grid and the DPO are edited in the settings, and the new DARS target moves the clock.
    await app.page.getByRole('button', { name: 'Incident settings' }).click();
    const settings = app.page.getByRole('form', { name: 'Incident settings' });
    await expect(settings).toContainText('Check against current DSPT guidance');
    await settings.getByLabel('Target for telling NHS England (DARS), in hours').fill('12');
    await settings.getByLabel('DPO email').fill('not an email');
    await settings.getByRole('button', { name: 'Save incident settings' }).click();
    await expect(settings.getByText('This field must be an email address such as dpo@example.nhs.uk')).toBeVisible();
    await settings.getByLabel('DPO email').fill('dpo@exampleton.ac.uk');
    await settings.getByLabel('Likelihood 2, severity 5: reportable to the ICO').check();
    await shoot(app, 'incidents-settings.png');
    await settings.getByRole('button', { name: 'Save incident settings' }).click();
    await expect(app.page.getByRole('status')).toContainText('Incident settings saved.');
    const saved = await dispatch(handlerTable, app.context, 'incidents.settings.get', {});
    const value = (saved.ok ? saved.value : null) as ApiResponse<'incidents.settings.get'>;
    expect(value.darsTargetHours).toBe(12);
    expect(value.dpo.email).toBe('dpo@exampleton.ac.uk');
    expect(value.grid.cells.find((c) => c.likelihood === 2 && c.severity === 5)!.icoReportable).toBe(true);
    await expect(app.page.locator('tr', { hasText: 'Laptop left on a train' })).toContainText(/10 hours \d+ minutes left|11 hours left/);
  });
});
