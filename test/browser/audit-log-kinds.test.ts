import { expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { writeSettings } from '../../electron/db/settings-repository';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { runExport } from '../../electron/exports/run-export';
import { createIncident } from '../../electron/incidents/incident-service';
import { writeIncidentSettings } from '../../electron/incidents/incident-settings-store';
import { appendAudit, listAuditEntries } from '../../electron/register/audit-log';
import { createRecord } from '../../electron/register/register-service';
import { auditActionLabels } from '../../shared/audit/audit-vocabulary';
import { compliantRegister } from '../helpers/compliant-register';
import { destructionOf } from '../helpers/destruction-scenario';
import { incidentFields } from '../helpers/incident-fixtures';
import { storeRegister } from '../helpers/store-register';
import { makeTempDir } from '../helpers/temp-dir';
import { appPerTest } from './harness';

const artefacts = join(import.meta.dirname, '..', 'artefacts', 'tmp');
mkdirSync(artefacts, { recursive: true });

/**
 * The Audit log as an IG lead uses it to answer "what happened to this?": every kind of thing the
 * app records can be picked out (incidents, destruction records, certificates, disclosure exports,
 * settings), every action too, each entry names its record as the screens do, and times read as
 * they do elsewhere ("1 June 2026, 11:00 BST").
 */
describe('Audit log: a filter for every kind and action, records named, dates as elsewhere', () => {
  const apps = appPerTest();

  it('picks out incidents, destruction records and disclosure exports, naming each record rather than its id', async () => {
    const folder = makeTempDir('custodian-audit-kinds-');
    try {
      const app = await apps.open({ hash: '#/audit-log', now: () => new Date('2026-06-01T10:00:00Z') });
      const { db } = app.context;
      const actor = { now: () => new Date('2026-06-01T10:00:00Z'), osUser: 'ig.lead' };
      storeRegister(db, compliantRegister().build());
      writeSettings(db, { organisationName: 'University of Exampleton', displayName: 'Priya Shah' });
      createRecord(db, actor, 'organisation', { legalName: 'Bradford District Care NHS Foundation Trust' });
      createRecord(db, actor, 'copy', { holdingId: 'hes-2024', locationId: 'tre', kind: 'backup', createdDate: '2026-05-31' });
      const incident = createIncident(db, actor, incidentFields());
      writeIncidentSettings(db, actor, { darsTargetHours: 12 });
      mkdirSync(folder.path('data'));
      await recordDestruction(db, actor, folder.path('data'), destructionOf('c-2023-vault', { performedAt: '2026-05-30T14:30:00Z' }));
      // A disclosure export is recorded against the holding whose table left (electron/disclosure/record-export.ts).
      db.transaction(() => appendAudit(db, actor, { action: 'export', recordKind: 'disclosureTable', recordId: 'hes-2024', before: null, after: null, detail: { output: 'tables.csv' } }))();
      await runExport(db, actor, app.databasePath, { what: 'holdingsReport', path: folder.path('report.pdf'), asOf: '2026-06-01', agreement: { nicReference: 'DARS-NIC-00574-V2H1F' } });

      const { page } = app;
      await page.reload();
      const entries = page.getByRole('table', { name: 'Audit log entries' });
      const rows = entries.locator(':scope > tbody > tr');
      const all = listAuditEntries(db, { offset: 0, limit: 50 });
      await expect(rows).toHaveCount(all.total);

      // Every kind and every action the app records can be chosen.
      const kinds = await page.getByLabel('Kind of record').locator('option').allTextContents();
      for (const kind of ['Incident', 'Destruction record', 'Certificate of destruction', 'Disclosure export', 'Settings (incidents)', 'Copy', 'DSA']) expect(kinds).toContain(kind);
      const actions = await page.getByLabel('Action').locator('option').allTextContents();
      expect(actions.slice(1).sort()).toEqual(Object.values(auditActionLabels).sort());

      // No entry shows a bare id, and every time reads as the app's other screens write moments.
      for (let i = 0; i < all.total; i++) {
        const cells = rows.nth(i).locator('td');
        const record = await cells.nth(4).textContent();
        for (const entry of all.entries) if (entry.recordId) expect(record).not.toContain(entry.recordId);
        await expect(cells.nth(1)).toHaveText(/^1 June 2026, \d{2}:\d{2} [A-Z]{2,5}$/);
      }
      await page.screenshot({ path: join(artefacts, 'audit-log-kinds.png'), fullPage: true });

      await page.getByLabel('Kind of record').selectOption({ label: 'Incident' });
      await expect(rows).toHaveCount(1);
      await expect(rows.first().getByRole('link', { name: `${incident.reference}: HES extract found in an unapproved cloud bucket` })).toBeVisible();

      await page.getByLabel('Kind of record').selectOption({ label: 'Destruction record' });
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('Destruction recorded');
      await expect(rows.first().getByRole('link', { name: 'Backup copy of NIC00574_HES_APC_2023 at CSU Leeds backup vault' })).toBeVisible();

      await page.getByLabel('Kind of record').selectOption({ label: 'Disclosure export' });
      await expect(rows).toHaveCount(1);
      await expect(rows.first().getByRole('link', { name: 'NIC00574_HES_APC_2024' })).toHaveAttribute('href', '#/holdings/holding/hes-2024');

      await page.getByLabel('Kind of record').selectOption({ label: 'Settings (incidents)' });
      await expect(rows).toHaveCount(1);
      await rows.first().getByRole('button', { name: /Show changes/ }).click();
      await expect(entries.locator('.audit-diff')).toContainText('12');

      // A new copy's references read as the records' names, not their ids.
      await page.getByLabel('Kind of record').selectOption({ label: 'Copy' });
      await page.getByLabel('Action').selectOption({ label: 'Created' });
      await expect(rows).toHaveCount(1);
      await rows.first().getByRole('button', { name: /Show changes/ }).click();
      const diff = entries.locator('.audit-diff');
      await expect(diff.getByRole('row', { name: /^Location/ })).toContainText('Exampleton Secure Data Environment');
      await expect(diff.getByRole('row', { name: /^Holding/ })).toContainText('NIC00574_HES_APC_2024');
      // Dates in a diff read as everywhere else in the app.
      await expect(diff).toContainText('31 May 2026');
      await expect(diff).not.toContainText('2026-05-31');
      await page.getByLabel('Action').selectOption('');

      await page.getByLabel('Kind of record').selectOption({ label: 'DSA' });
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('Exported');
      await expect(rows.first().getByRole('link', { name: 'DARS-NIC-00574-V2H1F' })).toBeVisible();
    } finally {
      folder.remove();
    }
  });
});
