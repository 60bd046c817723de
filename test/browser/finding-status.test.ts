import { artefactsFolder } from './artefacts-folder';
import { expect } from '@playwright/test';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { appPerTest } from './harness';

/** AWS's ICO registration lapsed on 31 May: one medium finding on the dashboard from 1 June. */
const lapsedIco = () => compliantRegister().update('organisation', 'aws', { icoRenewalDate: '2026-05-31' }).build();

describe('setting a finding’s status on the dashboard', () => {
  const apps = appPerTest();

  it('accepts the risk from the finding card, shows it as a badge, and refuses a review date in the past', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, lapsedIco());
    await app.page.reload();
    const { page } = app;
    const card = page.locator('[data-code="ICO_REGISTRATION_EXPIRED"]');
    await expect(card.locator('.finding-status')).toContainText('Open');

    await card.getByRole('button', { name: /^Set status/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Set status' });
    await dialog.getByLabel('Risk accepted').check();
    await dialog.getByLabel('Reason').fill('Renewal paid on 28 May; ICO confirmation awaited');
    await dialog.getByLabel('Review date').fill('2026-05-01');
    await dialog.getByLabel('Accepted by').fill('Dr A. Senior (SIRO)');
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('review date 2026-05-01 has passed: give today (2026-06-01) or later. Nothing has been saved.');

    await dialog.getByLabel('Review date').fill('2026-07-31');
    await page.screenshot({ path: join(artefactsFolder, 'finding-status-dialog.png') });
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(card.locator('.finding-status .badge')).toHaveText('Risk accepted');
    await expect(card.locator('.finding-status')).toContainText('by Dr A. Senior (SIRO), review 31 July 2026: Renewal paid on 28 May; ICO confirmation awaited');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artefactsFolder, 'finding-status-badge.png') });

    // The organisation's own screen lists the finding with the same status.
    await card.getByRole('link', { name: 'Amazon Web Services EMEA SARL (UK Branch)', exact: true }).click();
    await expect(page.locator('.finding-compact[data-code="ICO_REGISTRATION_EXPIRED"] .finding-status .badge')).toHaveText('Risk accepted');

    // The decision is in the audit log, named by the finding it is about.
    await page.goto(page.url().replace(/#.*$/, '#/audit-log'));
    const row = page.getByRole('row', { name: /Risk accepted/ });
    await expect(row).toContainText('Finding status');
    await expect(row).toContainText('The ICO registration of Amazon Web Services EMEA SARL (UK Branch) (ZB765432) was due for renewal on 31 May 2026');
  });
});
