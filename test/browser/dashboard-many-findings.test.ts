import { expect } from '@playwright/test';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { openApp, startBrowser, stopBrowser, type AppUnderTest } from './harness';

/**
 * A register with more findings than the dashboard draws: 60 analysts' exports on an unapproved
 * laptop, each its own high finding. The dashboard counts them all, draws the first 50, and draws
 * the rest when asked.
 */
function manyFindings() {
  let builder = compliantRegister().location('laptop', { name: 'Analyst laptop EX-4471', operator: 'uni', kind: 'end-user-device', country: 'England' });
  for (let i = 0; i < 60; i++) builder = builder.copy(`c-laptop-${String(i).padStart(2, '0')}`, 'hes-2024', 'laptop', 'derived', { pathOrDescription: `C:\\exports\\cut-${i}.csv`, createdDate: '2026-05-20' });
  return builder.build();
}

describe('the dashboard with thousands of findings in mind', () => {
  let app: AppUnderTest | null = null;
  beforeAll(startBrowser);
  afterAll(stopBrowser);
  afterEach(async () => {
    if (app) expect(app.errors).toEqual([]);
    await app?.close();
    app = null;
  });

  it('counts every finding, draws the first 50 of a severity, and all of them on "Show all"', async () => {
    app = await openApp({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, manyFindings());
    await app.page.reload();
    const { page } = app;
    await expect(page.locator('.stat', { hasText: 'High findings' }).locator('dd')).toHaveText('60');
    const high = page.getByRole('region', { name: 'High severity findings' });
    await expect(high.getByRole('heading', { level: 3 })).toHaveText('High (60)');
    await expect(high.locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]')).toHaveCount(50);
    await high.getByRole('button', { name: 'Show all 60 high findings' }).click();
    await expect(high.locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]')).toHaveCount(60);
    await expect(high.getByRole('button')).toHaveCount(0);
  });
});
