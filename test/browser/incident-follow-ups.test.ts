import { join } from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handler-table';
import type { ApiResponse } from '../../shared/ipc/contract';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { artefactsFolder } from './artefacts-folder';
import { appPerTest } from './harness';

/**
 * The follow-up thread on the Incidents screen (issue 14): an incident whose ICO initial report
 * went on time gets a follow-up four days after becoming aware, logged from the thread's own
 * button, and the thread shows the initial report and the follow-up in order, each with the
 * ICO's reference and date. Past the 72 hours, a follow-up must not be asked why it was late.
 */
describe('Incidents screen: follow-up notifications', () => {
  const apps = appPerTest();

  it('logs a follow-up to the ICO from its thread and shows the thread in order', async () => {
    const app = await apps.open({ hash: '#/incidents' });
    storeRegister(app.context.db, compliantRegister().build());
    const aware = Date.now() - 100 * 3_600_000;
    const created = await dispatch(handlerTable, app.context, 'incidents.create', {
      fields: {
        title: 'Extract emailed to the wrong trust',
        description: 'A HES extract went to a similarly named trust.',
        type: 'human-error',
        becameAwareAt: { at: new Date(aware).toISOString(), timeZone: 'Europe/London' },
        howDiscovered: 'The receiving trust phoned the IG team',
        icoCaseReference: 'IC-412345-K7Q2',
      } as never,
    });
    if (!created.ok) throw new Error(created.error.message);
    const { incident } = created.value as ApiResponse<'incidents.create'>;
    const initial = await dispatch(handlerTable, app.context, 'incidents.recordNotification', {
      id: incident.id,
      notification: { recipient: 'ico', sentAt: { at: new Date(aware + 10 * 3_600_000).toISOString(), timeZone: 'Europe/London' }, channel: 'dspt-incident-tool', reference: 'DSPT-20261130-4' } as never,
    });
    expect(initial.ok).toBe(true);

    const { page } = app;
    await page.goto(`${app.baseUrl}/index.html#/incidents/incident/${incident.id}`);
    const thread = page.getByRole('region', { name: 'Thread with ICO (through the DSPT)' });
    await expect(thread).toContainText('initial report only');
    await expect(thread.getByRole('listitem')).toHaveCount(1);
    await expect(thread.getByRole('listitem').first()).toContainText('Initial report');
    await expect(thread.getByRole('listitem').first()).toContainText('their reference DSPT-20261130-4');

    await thread.getByRole('button', { name: 'Log a follow-up to ICO (through the DSPT)' }).click();
    const form = page.getByRole('form', { name: 'Log a notification' });
    await expect(form.getByLabel('Told')).toHaveValue('ico');
    await expect(form.getByLabel('Report')).toHaveValue('follow-up');
    await form.getByLabel('Channel').selectOption('email');
    await form.getByLabel('Reference', { exact: true }).fill('IC-412345-K7Q2');
    await form.getByLabel('Note').fill('The trust confirmed deletion; no onward sharing.');
    // Four days after becoming aware, but a follow-up is not late: no reason is asked for.
    await expect(form.getByLabel('Reason it was late')).toHaveCount(0);
    await form.getByRole('button', { name: 'Log notification' }).click();
    await expect(page.getByRole('status')).toContainText('Notification logged.');

    await expect(thread).toContainText('initial report and 1 follow-up');
    const items = thread.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Initial report');
    await expect(items.nth(1)).toContainText('Follow-up 1');
    await expect(items.nth(1)).toContainText('their reference IC-412345-K7Q2');
    await expect(items.nth(1)).toContainText('The trust confirmed deletion; no onward sharing.');
    // The ICO's clock stays stopped at the initial report, on time.
    await expect(page.getByText('ICO (through the DSPT): notified on time')).toBeVisible();

    // The details form carries the ICO form's answers.
    await page.getByRole('tab', { name: 'Details' }).click();
    const details = page.getByRole('form', { name: 'Incident details' });
    await expect(details.getByLabel('How it was discovered')).toHaveValue('The receiving trust phoned the IG team');
    await expect(details.getByLabel('ICO case reference')).toHaveValue('IC-412345-K7Q2');
    await expect(details.getByLabel('Biometric data used to identify people (special category)')).not.toBeChecked();

    await page.getByRole('tab', { name: 'Notifications' }).click();
    await expect(thread).toBeVisible();
    const height = await page.locator('main').evaluate((main) => main.scrollHeight);
    await page.setViewportSize({ width: 1280, height: Math.min(6000, Math.max(800, height + 40)) });
    await page.screenshot({ path: join(artefactsFolder, 'incidents-follow-up-thread.png') });

    const stored = app.context.db.prepare('SELECT kind, reference FROM incident_notifications ORDER BY sent_at').all();
    expect(stored).toEqual([
      { kind: 'initial', reference: 'DSPT-20261130-4' },
      { kind: 'follow-up', reference: 'IC-412345-K7Q2' },
    ]);
    expect(app.errors).toEqual([]);
  });
});
