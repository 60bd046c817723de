import { artefactsFolder } from './artefacts-folder';
import { expect } from '@playwright/test';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { appPerTest } from './harness';

/**
 * A register with more findings than the dashboard draws: 260 analysts' exports on an unapproved
 * laptop, each its own high finding, and 12 more laptops with one export each. The 260 are one
 * folded row (same code, same laptop, same agreement) listing its first 50; the group's rows beyond
 * the first ten arrive when asked, so 100,000 never cross to the page at once.
 */
function manyFindings() {
  let builder = compliantRegister().location('laptop', { name: 'Analyst laptop EX-4471', operator: 'uni', kind: 'end-user-device', country: 'England' });
  for (let i = 0; i < 260; i++) builder = builder.copy(`c-laptop-${String(i).padStart(3, '0')}`, 'hes-2024', 'laptop', 'derived', { pathOrDescription: `C:\\exports\\cut-${i}.csv`, createdDate: '2026-05-20' });
  for (let l = 0; l < 12; l++) {
    const id = `laptop-${String(l).padStart(2, '0')}`;
    builder = builder.location(id, { name: `Analyst laptop EX-50${String(l).padStart(2, '0')}`, operator: 'uni', kind: 'end-user-device', country: 'England' });
    builder = builder.copy(`c-${id}`, 'hes-2024', id, 'derived', { createdDate: '2026-05-20' });
  }
  return builder.build();
}

describe('the dashboard with thousands of findings in mind', () => {
  const apps = appPerTest();

  it('counts every finding, folds the 260 on one laptop into one row, and reads a group\'s further rows on request', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, manyFindings());
    await app.page.reload();
    const { page } = app;
    await expect(page.locator('.stat', { hasText: 'High findings' }).locator('dd')).toHaveText('272');
    const group = page.getByRole('table', { name: 'Findings' }).locator('tbody[data-group="COPY_AT_UNAPPROVED_LOCATION"]');
    await expect(group.getByRole('rowheader')).toHaveText(/272 findings: 272 high/);
    const folded = group.locator('tr[data-folded="true"]');
    await expect(folded).toContainText('Copy at an unapproved location: 260 findings at Analyst laptop EX-4471');
    await expect(folded).toContainText('The first 50 are listed');
    await folded.getByRole('button', { name: /^Show the 260 findings/ }).click();
    await expect(group.locator('tr.finding-row-copy')).toHaveCount(50);
    // Ten rows of the group are drawn (the folded one and nine laptops); the other three on request.
    await expect(group.locator('tr.finding-row:not(.finding-row-copy)')).toHaveCount(10);
    const more = group.getByRole('button', { name: 'Show 3 more rows of Copy at an unapproved location' });
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artefactsFolder, 'dashboard-show-more.png') });
    await more.click();
    await expect(group.locator('tr.finding-row:not(.finding-row-copy)')).toHaveCount(13);
    const laptops = await group.locator('tr.finding-row:not(.finding-row-copy) td:nth-child(4)').allTextContents();
    expect(new Set(laptops).size).toBe(13);
    await expect(group.getByRole('button', { name: /^Show \d+ more rows/ })).toHaveCount(0);
  });
});
