import { artefactsFolder } from './artefacts-folder';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { addDays } from '../../shared/register/dates';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { appPerTest } from './harness';

mkdirSync(artefactsFolder, { recursive: true });

/**
 * Issue 11, item 5: the timeline's overdue lane. An agreement that ended on 31 January 2026 with a
 * 30-day destruction rule still has a copy on 1 June 2026: its destruction has been overdue since
 * 2 March. A second agreement ended on 15 May 2026 with 90 days to destroy: not overdue yet, but its
 * data has outlived it. Both sit in the lane left of Today; each dot says what is late and opens it.
 */
const ENDED = '2026-01-31';
const RECENTLY_ENDED = '2026-05-15';
function lateRegister() {
  return compliantRegister()
    .dsa('old', 'DARS-NIC-11111-A1B2C', { title: 'An ended study' })
    .version('old-v1', { dsa: 'old', start: '2023-02-01', end: ENDED, status: 'expired', controllers: ['uni'], dsfc: 'uni-dsfc', destructionRule: { kind: 'days-after-end', days: 30 } })
    .dataset('old-ds', 'old-v1', 'Civil registration deaths')
    .approve('old-tre', 'old-v1', 'tre', 'storage')
    .holding('old-h', 'old-v1', 'old-ds', { darsFileReference: 'NIC11111_DEATHS_2023', receivedDate: '2023-03-01' })
    .copy('old-c', 'old-h', 'tre', 'primary')
    .dsa('recent', 'DARS-NIC-22222-C3D4E', { title: 'A study just ended' })
    .version('recent-v1', { dsa: 'recent', start: '2023-05-16', end: RECENTLY_ENDED, status: 'expired', controllers: ['uni'], dsfc: 'uni-dsfc', destructionRule: { kind: 'days-after-end', days: 90 } })
    .dataset('recent-ds', 'recent-v1', 'Cancer registrations')
    .approve('recent-tre', 'recent-v1', 'tre', 'storage')
    .holding('recent-h', 'recent-v1', 'recent-ds', { darsFileReference: 'NIC22222_CANCER_2023', receivedDate: '2023-06-01' })
    .copy('recent-c', 'recent-h', 'tre', 'primary')
    .build();
}

describe('the timeline shows what is already late', () => {
  const apps = appPerTest();

  it('an overdue lane left of Today: each dot says what is late and opens its record', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, lateRegister());
    await app.page.reload();
    const { page } = app;
    const timeline = page.locator('figure.timeline');
    await expect(timeline.locator('.lane-label', { hasText: 'Already late' })).toBeVisible();
    const late = timeline.locator('.marker-overdue');
    await expect(late).toHaveCount(2);
    // The overdue destruction, dated by its deadline, left of Today; the ended agreement at Today.
    const overdue = timeline.locator(`.marker-overdue[data-date="${addDays(ENDED, 30)}"]`);
    await expect(overdue.locator('title')).toContainText('Already late');
    await expect(overdue.locator('title')).toContainText('NIC11111_DEATHS_2023');
    const todayX = Number(await timeline.locator('.today-line').getAttribute('x1'));
    expect(Number(await overdue.locator('circle').getAttribute('cx'))).toBeLessThan(todayX);
    const ended = timeline.locator('.marker-overdue[data-date="2026-06-01"]');
    await expect(ended.locator('title')).toContainText('DARS-NIC-22222-C3D4E v1');
    // The chart's text alternative counts them too.
    await expect(timeline.locator('desc')).toContainText('2 things already late');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await timeline.screenshot({ path: join(artefactsFolder, `timeline-overdue-${scheme}.png`) });
    }
    await overdue.locator('circle').click();
    await expect(page).toHaveURL(/#\/holdings\/holding\/old-h/);
    await expect(page.getByRole('heading', { name: 'NIC11111_DEATHS_2023' })).toBeVisible();
  });

  it('with nothing late there is no overdue lane', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/dashboard', now: () => new Date('2026-06-01T10:00:00') });
    storeRegister(app.context.db, compliantRegister().build());
    await app.page.reload();
    await expect(app.page.locator('figure.timeline .lane-label').first()).toBeVisible();
    await expect(app.page.locator('figure.timeline .lane-label', { hasText: 'Already late' })).toHaveCount(0);
  });
});
