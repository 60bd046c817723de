import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { describe, it, expect as check } from 'vitest';
import { writeSettings } from '../../electron/db/settings-repository';
import { compliantRegister } from '../helpers/compliant-register';
import { extractPdfText } from '../helpers/pdf-text';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';
import { artefactsFolder } from './artefacts-folder';
import { appPerTest } from './harness';

/** The audit-readiness report from the Dashboard's export buttons, through main's save dialog. */
describe('the audit-readiness report from the Dashboard, in Chromium', () => {
  const apps = appPerTest();
  const files = useTempDir('custodian-audit-readiness-ui-');

  it('saves the PDF under its default name, with the laptop copy as an agreement nonconformity', async () => {
    const saved: string[] = [];
    const app = await apps.open({
      hash: '#/dashboard',
      now: () => new Date('2026-06-01T10:00:00Z'),
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async ({ defaultName }) => (saved.push(defaultName), files.path(defaultName)) },
    });
    storeRegister(
      app.context.db,
      compliantRegister().location('laptop', { name: 'Analyst laptop', operator: 'uni', kind: 'end-user-device' }).copy('c-laptop', 'hes-2024', 'laptop', 'derived').build(),
    );
    writeSettings(app.context.db, { organisationName: 'University of Exampleton' });
    await app.page.reload();
    const { page } = app;
    await page.getByRole('button', { name: 'Export the audit-readiness report as PDF' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved the audit-readiness report to' })).toBeVisible();
    check(saved).toEqual(['audit-readiness-report-2026-06-01.pdf']);
    await page.screenshot({ path: join(artefactsFolder, 'audit-readiness-export.png') });
    const text = (await extractPdfText(readFileSync(files.path('audit-readiness-report-2026-06-01.pdf')))).pages.join(' ').replace(/\s+/g, ' ');
    check(text).toContain('Agreement nonconformities (1)');
    check(text).toContain('Analyst laptop is not an approved location');
    check(app.errors).toEqual([]);
  });
});
