import { join } from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { artefactsFolder } from './artefacts-folder';
import { appPerTest } from './harness';

/** A version with no destruction period of its own: its screen says the rule is the default and that the DSFC governs. */
describe('the default destruction rule on a version’s screen, in Chromium', () => {
  const apps = appPerTest();

  it('shows "default: 30 days after end" with the DSFC note, and the form’s box; choosing a rule unticks it', async () => {
    const app = await apps.open({ hash: '#/agreements/dsa/hip', now: () => new Date('2026-06-01T10:00:00') });
    const { page, context } = app;
    storeRegister(context.db, compliantRegister().update('dsaVersion', 'v4.2', { destructionRuleIsDefault: true }).build());
    await page.reload();
    const v42 = page.getByRole('region', { name: 'Version 4.2' });
    await expect(v42).toContainText('Within 30 days after the version ends (default: 30 days after end; the DSFC governs the real period)');
    await page.waitForLoadState('networkidle');
    await v42.getByText(/the DSFC governs the real period/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artefactsFolder, 'default-destruction-rule-version.png') });

    await v42.getByRole('button', { name: 'Edit DSA version' }).click();
    const form = page.getByRole('dialog');
    const box = form.getByLabel('The agreement names no destruction period: this rule is the default from Settings');
    await expect(box).toBeChecked();
    await form.getByLabel('Days after the end date').fill('60');
    await expect(box).not.toBeChecked();
  });
});
