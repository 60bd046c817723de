import { join } from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { artefactsFolder } from './artefacts-folder';
import { appPerTest } from './harness';

/** The security assurance form: "Not Met - Improvement Plan Approved" with the plan's date, and the observation it makes. */
describe('a DSPT assessment with an improvement plan NHS England approved, in Chromium', () => {
  const apps = appPerTest();

  it('records the state with the plan’s date on the organisation, and shows the observation beside it', async () => {
    const app = await apps.open({ hash: '#/agreements/organisation/uni', now: () => new Date('2026-06-01T10:00:00') });
    const { page, context } = app;
    storeRegister(context.db, compliantRegister().build());
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'University of Exampleton' })).toBeVisible();

    await page.getByRole('button', { name: 'Add security assurance' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Kind of assurance').selectOption('DSPT');
    await form.getByLabel('DSPT assessment year').fill('2026/27');
    await form.getByLabel('DSPT status').selectOption('Not Met - Improvement Plan Approved');
    await form.getByLabel('Expiry date').fill('2027-06-30');
    await form.getByRole('button', { name: /^(Save|Add)/ }).click();
    await expect(form.getByText('is required when the improvement plan is approved (the date NHS England approved it)')).toBeVisible();
    await form.getByLabel('Date NHS England approved the improvement plan').fill('2026-05-12');
    await page.screenshot({ path: join(artefactsFolder, 'dspt-improvement-plan-form.png') });
    await form.getByRole('button', { name: /^(Save|Add)/ }).click();
    await expect(form).toHaveCount(0);

    await expect(page.getByRole('table', { name: 'Security assurance' })).toContainText('Not Met - Improvement Plan Approved (plan approved 12 May 2026)');
    await expect(page.locator('[data-code="DSPT_IMPROVEMENT_PLAN"]')).toContainText('DSPT 2026/27 is Not Met, with an improvement plan NHS England approved on 12 May 2026');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(artefactsFolder, 'dspt-improvement-plan-organisation.png') });
  });
});
