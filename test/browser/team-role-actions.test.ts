import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it, expect as check } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { writeSettings } from '../../electron/db/settings-repository';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { compliantRegister } from '../helpers/compliant-register';
import { actorAt, destructionOf } from '../helpers/destruction-scenario';
import { POSTGRES_TEST_PASSWORD, startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { storeRegister } from '../helpers/store-register';
import { makeTempDir } from '../helpers/temp-dir';
import { artefactsFolder } from './artefacts-folder';
import { appPerTest, type OpenAppOptions } from './harness';

/**
 * What a team member sees on the screens beyond the record buttons: each action their roles do not
 * allow is disabled and says which roles would, and one they may take goes through to a real
 * PostgreSQL that enforces the grants. The reasons are written out here, not built from the app's table.
 */
const needs = (roles: string) => `Your role in this team register does not allow this: it needs the ${roles} role.`;

const people = { priya: 'custodian_analyst', sam: 'custodian_destruction_officer', dee: 'custodian_dpo', audrey: 'custodian_auditor' } as const;

describe('actions offered by role in a team register', () => {
  const apps = appPerTest();
  let server: PostgresServer;
  let seeded = '';
  beforeAll(async () => {
    server = startPostgres();
    seeded = await server.createDatabase();
    const { db } = openDatabase(server.url(seeded), { create: true });
    storeRegister(db, compliantRegister().build());
    writeSettings(db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah' });
    db.close();
    for (const [person, role] of Object.entries(people)) await server.admin(`CREATE ROLE ${person} LOGIN PASSWORD '${POSTGRES_TEST_PASSWORD}' IN ROLE ${role}`);
  }, 60_000);
  afterAll(() => server.stop());

  /** Each test on its own copy of the seeded register, signed in as one person. */
  async function openAs(person: keyof typeof people, hash: string, dialogs?: OpenAppOptions['dialogs']) {
    const database = await server.createDatabase(seeded);
    const app = await apps.open({ hash, location: server.url(database, person), now: () => new Date('2028-04-20T10:00:00Z'), ...(dialogs ? { dialogs } : {}) });
    await expect(app.page.getByRole('region', { name: 'Which register', exact: true })).toContainText(`Signed in as ${person}`);
    return { app, database };
  }

  const go = (page: Page, screen: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();

  async function expectRefused(button: ReturnType<Page['getByRole']>, reason: string) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', reason);
  }

  it('an auditor is offered no change anywhere, each refusal naming the roles that may, and saves reports', async () => {
    const reports = makeTempDir('custodian-team-auditor-');
    const { app, database } = await openAs('audrey', '#/destruction', { chooseFileToOpen: async () => null, chooseFileToSave: async () => reports.path('readiness.pdf') });
    const { page } = app;
    const worklist = page.getByRole('table', { name: 'Destruction worklist' });
    await expectRefused(worklist.getByRole('button', { name: /^Record destruction of all 3 copies of NIC00574_HES_APC_2024/ }), needs('IG lead or destruction officer'));
    await expectRefused(page.getByRole('button', { name: 'Issue certificate…' }), needs('IG lead or DPO'));
    // The reason is also a line a keyboard user reads, who cannot focus a disabled button for its title.
    await expect(page.getByRole('region', { name: 'Pending destruction' })).toContainText(
      'Recording destruction, its evidence and absence checks is not offered: your role in this team register does not allow it; it needs the IG lead or destruction officer role.',
    );
    await expect(page.getByRole('region', { name: 'Certificate of destruction' })).toContainText('it needs the IG lead or DPO role.');
    await page.screenshot({ path: join(artefactsFolder, 'team-roles-auditor-destruction.png'), fullPage: true });

    await go(page, 'Incidents');
    await expectRefused(page.getByRole('button', { name: 'New incident' }), needs('IG lead'));
    await expect(page.getByRole('link', { name: 'New incident' })).toHaveCount(0);
    // Reports are the auditor's to save: the database lets an auditor write export entries and nothing else.
    await expect(page.getByRole('button', { name: 'Breach log (XLSX)' })).toBeEnabled();
    await page.screenshot({ path: join(artefactsFolder, 'team-roles-auditor-incidents.png') });

    await go(page, 'Settings');
    await expectRefused(page.getByRole('button', { name: 'Save settings' }), needs('IG lead'));
    await page.screenshot({ path: join(artefactsFolder, 'team-roles-auditor-settings.png') });

    // An agreement's page: its own buttons and those of the lists under it.
    await page.evaluate(() => (location.hash = '#/agreements/dsa/hip'));
    await expectRefused(page.getByRole('button', { name: 'Add version' }), needs('IG lead'));
    await expectRefused(page.getByRole('button', { name: 'Add dataset' }), needs('IG lead'));
    await expect(page.getByRole('button', { name: 'Export the holdings audit report as PDF' })).toBeEnabled();

    await go(page, 'Dashboard');
    const setStatus = page.getByRole('button', { name: /^Set status of this finding/ }).first();
    await expectRefused(setStatus, needs('IG lead'));
    await page.screenshot({ path: join(artefactsFolder, 'team-roles-auditor-dashboard.png') });
    try {
      await page.getByRole('button', { name: 'Export the audit-readiness report as PDF' }).click();
      await expect.poll(() => existsSync(reports.path('readiness.pdf')), { timeout: 30_000 }).toBe(true);
      const entry = await server.admin("SELECT action, os_user FROM audit_log ORDER BY seq DESC LIMIT 1", database);
      check(entry.rows).toEqual([{ action: 'export', os_user: 'audrey' }]);
    } finally {
      reports.remove();
    }
  });

  it('a DPO issues and marks sent a certificate, which the database accepts, and may not record destruction or its evidence', async () => {
    // The version's copies destroyed beforehand, as the destruction officer would have recorded them.
    const database = await server.createDatabase(seeded);
    const folder = makeTempDir('custodian-team-dpo-');
    try {
      const { db } = openDatabase(server.url(database), { create: false });
      for (const copy of ['c-2024-aws', 'c-2024-tre', 'c-2024-vault']) await recordDestruction(db, actorAt(), folder.dir, destructionOf(copy));
      db.close();
      const certificatePath = folder.path('COD-2028-0001.pdf');
      const app = await apps.open({
        hash: '#/destruction',
        location: server.url(database, 'dee'),
        now: () => new Date('2028-04-20T10:00:00Z'),
        dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => certificatePath },
      });
      const { page } = app;
      await expect(page.getByRole('region', { name: 'Which register', exact: true })).toContainText('Signed in as dee (DPO)');
      const worklist = page.getByRole('table', { name: 'Destruction worklist' });
      await expectRefused(worklist.getByRole('button', { name: /^Record destruction of all 2 copies of NIC00574_HES_APC_2023/ }), needs('IG lead or destruction officer'));
      await expectRefused(page.getByRole('button', { name: 'Add evidence for Primary copy of NIC00574_HES_APC_2024 at AWS eu-west-2 (London)' }), needs('IG lead or destruction officer'));
      await expect(page.getByText(/Issuing a certificate .* is not offered/)).toHaveCount(0);

      await page.getByLabel('Agreement version').selectOption({ label: 'DARS-NIC-00574-V2H1F v4.2' });
      await page.getByLabel('What is retained').fill('Aggregate tables that passed disclosure control.');
      await page.getByLabel('Validated by: name').fill('Alex Green');
      await page.getByRole('button', { name: 'Issue certificate…' }).click();
      await expect(page.getByRole('status')).toHaveText('Certificate COD-2028-0001 issued: saved as COD-2028-0001.pdf, with COD-2028-0001.json beside it.');
      const certificates = page.getByRole('table', { name: 'Certificates of destruction' });
      await certificates.getByLabel('Date COD-2028-0001 was sent').fill('2028-04-21');
      await certificates.getByRole('button', { name: 'Mark sent' }).click();
      await expect(certificates.getByRole('row', { name: /COD-2028-0001/ })).toContainText('Sent to DARS 21 April 2028');
      await expect(certificates.getByRole('button', { name: 'Sign COD-2028-0001…' })).toBeEnabled();
      await page.screenshot({ path: join(artefactsFolder, 'team-roles-dpo-destruction.png') });

      const stored = await server.admin("SELECT number, sent_date::text AS sent FROM certificates", database);
      check(stored.rows).toEqual([{ number: 'COD-2028-0001', sent: '2028-04-21' }]);

      await go(page, 'Incidents');
      await expectRefused(page.getByRole('button', { name: 'New incident' }), needs('IG lead'));
      await expect(page.getByRole('button', { name: 'Breach log (XLSX)' })).toBeEnabled();
    } finally {
      folder.remove();
    }
  });

  it('a destruction officer records a destruction, which the database accepts, and may not issue its certificate', async () => {
    const { app, database } = await openAs('sam', '#/destruction');
    const { page } = app;
    await expectRefused(page.getByRole('button', { name: 'Issue certificate…' }), needs('IG lead or DPO'));

    const row = page.getByRole('table', { name: 'Destruction worklist' }).getByRole('row', { name: /NIC00574_HES_APC_2024/ });
    await row.getByRole('checkbox', { name: 'Include Derived copy of NIC00574_HES_APC_2024 at Exampleton Secure Data Environment' }).uncheck();
    await row.getByRole('checkbox', { name: 'Include Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault' }).uncheck();
    await row.getByRole('button', { name: /^Record destruction of the chosen 1 copy of NIC00574_HES_APC_2024/ }).click();
    const form = page.getByRole('form', { name: /Record destruction: Primary copy of NIC00574_HES_APC_2024/ });
    await form.getByLabel('Method type').selectOption('Clear');
    await form.getByLabel('Method used').fill('Cloud object deletion');
    await form.getByLabel('Tool', { exact: true }).fill('AWS S3 console');
    await form.getByLabel('Date and time').fill('2028-04-10T14:30');
    await form.getByLabel('Operator').fill('Sam Jones');
    await form.getByLabel('Verification method').fill('Bucket listing and versioning check');
    await form.getByLabel('Verification result').fill('No objects or versions remain');
    await form.getByRole('button', { name: 'Record destruction' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Destruction recorded for Primary copy of NIC00574_HES_APC_2024 at AWS eu-west-2 \(London\)/);
    const copies = page.getByRole('table', { name: 'Copies and their destruction' });
    await expect(copies.getByRole('button', { name: 'Add evidence for Primary copy of NIC00574_HES_APC_2024 at AWS eu-west-2 (London)' })).toBeEnabled();
    await page.screenshot({ path: join(artefactsFolder, 'team-roles-destruction-officer.png'), fullPage: true });

    // The database's own word: the copy is destroyed, and the log names sam's login.
    const copy = await server.admin("SELECT destroyed_date::text AS date FROM copies WHERE id = 'c-2024-aws'", database);
    check(copy.rows).toEqual([{ date: '2028-04-10' }]);
    const log = await server.admin("SELECT DISTINCT os_user FROM audit_log WHERE action = 'destruction-recorded'", database);
    check(log.rows).toEqual([{ os_user: 'sam' }]);
  });

  it('an analyst exports a disclosure table against a holding; a destruction officer may export only against none, an auditor not at all', async () => {
    const folder = makeTempDir('custodian-team-disclosure-');
    try {
      const input = folder.path('admissions.csv');
      writeFileSync(input, 'area,count\nLeeds,4\nYork,120\n');
      const dialogs = { chooseFileToOpen: async () => input, chooseFileToSave: async () => folder.path('admissions-published.csv') };
      const analyst = await openAs('priya', '#/disclosure', dialogs);
      let page = analyst.app.page;
      await page.getByLabel('Holding it derives from').selectOption('hes-2024');
      await page.getByRole('button', { name: 'Open a table…' }).click();
      await expect(page.getByText('Audit passed')).toBeVisible({ timeout: 45_000 });
      const exportCsv = page.getByRole('button', { name: 'Export CSV…' });
      await expect(exportCsv).toBeEnabled();
      await exportCsv.click();
      await expect(page.getByText(/Recorded in the audit log as entry \d+/)).toBeVisible({ timeout: 45_000 });
      const entry = await server.admin("SELECT record_id, os_user FROM audit_log WHERE action = 'export'", analyst.database);
      check(entry.rows).toEqual([{ record_id: 'hes-2024', os_user: 'priya' }]);
      await analyst.app.close();

      const officer = await openAs('sam', '#/disclosure', dialogs);
      page = officer.app.page;
      await page.getByRole('button', { name: 'Open a table…' }).click();
      await expect(page.getByText('Audit passed')).toBeVisible({ timeout: 45_000 });
      await expect(page.getByRole('button', { name: 'Export CSV…' })).toBeEnabled();
      await page.getByLabel('Holding it derives from').selectOption('hes-2024');
      await expectRefused(page.getByRole('button', { name: 'Export CSV…' }), needs('IG lead or analyst'));
      await expectRefused(page.getByRole('button', { name: 'Export XLSX…' }), needs('IG lead or analyst'));
      await page.screenshot({ path: join(artefactsFolder, 'team-roles-officer-disclosure.png'), fullPage: true });
      await officer.app.close();

      const auditor = await openAs('audrey', '#/disclosure', dialogs);
      page = auditor.app.page;
      await page.getByRole('button', { name: 'Open a table…' }).click();
      await expect(page.getByText('Audit passed')).toBeVisible({ timeout: 45_000 });
      await expectRefused(page.getByRole('button', { name: 'Export CSV…' }), needs('IG lead, analyst, destruction officer or DPO'));
    } finally {
      folder.remove();
    }
  }, 120_000);
});
