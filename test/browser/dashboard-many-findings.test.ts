import { artefactsFolder } from './artefacts-folder';
import { expect } from '@playwright/test';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { appPerTest } from './harness';

/**
 * A register with more findings than the dashboard draws: 260 analysts' exports on an unapproved
 * laptop, each its own high finding. The dashboard counts them all, draws the first 50, and draws
 * the rest when asked (a page of up to 200 at a time, so 100,000 never arrive at once).
 */
function manyFindings() {
  let builder = compliantRegister().location('laptop', { name: 'Analyst laptop EX-4471', operator: 'uni', kind: 'end-user-device', country: 'England' });
  for (let i = 0; i < 260; i++) builder = builder.copy(`c-laptop-${String(i).padStart(3, '0')}`, 'hes-2024', 'laptop', 'derived', { pathOrDescription: `C:\\exports\\cut-${i}.csv`, createdDate: '2026-05-20' });
  return builder.build();
}

describe('the dashboard with thousands of findings in mind', () => {
  const apps = appPerTest();

  it('counts every finding, draws the first 50 of a severity, and the rest a page at a time on "Show more"', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, manyFindings());
    await app.page.reload();
    const { page } = app;
    await expect(page.locator('.stat', { hasText: 'High findings' }).locator('dd')).toHaveText('260');
    const high = page.getByRole('region', { name: 'High severity findings' });
    await expect(high.getByRole('heading', { level: 3 })).toHaveText('High (260)');
    const drawn = high.locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]');
    await expect(drawn).toHaveCount(50);
    const showMore = high.getByRole('button', { name: 'Show 200 more high findings' });
    await showMore.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artefactsFolder, 'dashboard-show-more.png') });
    await showMore.click();
    await expect(drawn).toHaveCount(250);
    await high.getByRole('button', { name: 'Show 10 more high findings' }).click();
    await expect(drawn).toHaveCount(260);
    // Each once, in the order the findings list gives: the pages join without a gap or a repeat.
    const ids = await drawn.evaluateAll((items) => items.map((item) => item.querySelector('a')?.getAttribute('href') ?? ''));
    expect(new Set(ids).size).toBe(260);
    await expect(high.getByRole('button', { name: /^Show / })).toHaveCount(0);
  });
});
