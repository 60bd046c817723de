import { artefactsFolder } from './artefacts-folder';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { compliantRegister } from '../helpers/compliant-register';
import { storeRegister } from '../helpers/store-register';
import { twoAgreements } from '../helpers/two-agreements';
import { appPerTest } from './harness';

mkdirSync(artefactsFolder, { recursive: true });

/**
 * Issue 11, item 7: after a submit the person's attention goes where the answer is (the first field
 * in error, or the result), the same in every form; and the Disclosure screen's holding picker is
 * searchable, grouped by agreement, and offers nothing destroyed.
 */
const today = () => new Date('2026-06-01T10:00:00');

/** The focused element is the first field the form marks in error, and it is on screen. */
async function expectFocusOnFirstProblem(page: Page, form: Locator) {
  const first = form.locator('[aria-invalid="true"]').first();
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
}

describe('forms follow through', () => {
  const apps = appPerTest();

  it('a record form refused goes to its first field in error; a record made opens with its heading focused', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/agreements/dsa/hip', now: today });
    storeRegister(app.context.db, compliantRegister().build());
    await app.page.reload();
    const { page } = app;
    await page.getByRole('button', { name: 'Add version' }).click();
    const dialog = page.getByRole('dialog', { name: /Add a version of/ });
    // The version form is long: its first field in error is scrolled to and focused.
    await dialog.getByRole('button', { name: 'Add DSA version' }).click();
    await expectFocusOnFirstProblem(page, dialog);
    await page.keyboard.press('Escape');

    await page.goto(`${app.baseUrl}/index.html#/agreements/dsa`);
    await page.getByRole('button', { name: 'New DSA' }).click();
    const newDsa = page.getByRole('dialog');
    await newDsa.getByRole('button', { name: 'Add DSA', exact: true }).click();
    await expectFocusOnFirstProblem(page, newDsa);
    await newDsa.getByLabel('NIC reference').fill('DARS-NIC-99999-Z9Y8X');
    await newDsa.getByLabel('Title').fill('A new study');
    await newDsa.getByRole('button', { name: 'Add DSA', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'DARS-NIC-99999-Z9Y8X' })).toBeFocused();
  });

  it('the incident form refused goes to its first field in error', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/incidents', now: today });
    storeRegister(app.context.db, compliantRegister().build());
    await app.page.reload();
    const { page } = app;
    await page.getByRole('link', { name: 'New incident' }).click();
    const form = page.getByRole('form', { name: 'Incident details' });
    await form.getByRole('button', { name: 'Record incident' }).click();
    await expectFocusOnFirstProblem(page, form);
    await expect(form.getByRole('alert')).toContainText('attention');
  });

  it('the destruction form refused by main goes to the field it names', { timeout: 60_000 }, async () => {
    const app = await apps.open({ hash: '#/destruction', now: () => new Date('2028-04-20T10:00:00') });
    storeRegister(app.context.db, compliantRegister().build());
    await app.page.reload();
    const { page } = app;
    // From the worklist: only the holding's primary copy, in the one destruction form.
    const row = page.getByRole('table', { name: 'Destruction worklist' }).locator('tbody tr').filter({ hasText: 'NIC00574_HES_APC_2024' });
    await row.getByRole('checkbox', { name: 'Include Backup copy of NIC00574_HES_APC_2024 at CSU Leeds backup vault' }).uncheck();
    await row.getByRole('checkbox', { name: 'Include Derived copy of NIC00574_HES_APC_2024 at Exampleton Secure Data Environment' }).uncheck();
    await row.getByRole('button', { name: /^Record destruction of the chosen/ }).click();
    const form = page.getByRole('form', { name: /Record destruction: Primary copy of NIC00574_HES_APC_2024/ });
    await form.getByLabel('Method type').selectOption('Clear');
    await form.getByLabel('Method used').fill('Cloud object deletion');
    await form.getByLabel('Date and time').fill('2028-04-10T14:30');
    await form.getByLabel('Verification method').fill('Bucket listing');
    await form.getByLabel('Verification result').fill('No objects remain');
    await form.getByRole('button', { name: /^Record destruction/ }).click();
    await expect(form.getByLabel('Operator')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Operator')).toBeFocused();
    await form.getByLabel('Operator').fill('Sam Jones');
    await form.getByRole('button', { name: /^Record destruction/ }).click();
    // The result: the notice saying what was recorded, focused and in view.
    const notice = page.getByRole('status').filter({ hasText: 'Destruction recorded' });
    await expect(notice).toBeFocused();
    await expect(notice).toBeInViewport();
  });

  it('the Disclosure holding picker is searchable, grouped by agreement, and leaves out destroyed and certified holdings', { timeout: 60_000 }, async () => {
    const register = twoAgreements();
    // The 2023 extract destroyed (every copy) and certified; a third holding of the other agreement destroyed, no certificate yet.
    for (const copy of register.copies) if (copy.holdingId === 'hes-2023') copy.destroyedDate = '2026-05-01';
    register.certificates.push({ id: 'cert-1', archived: false, number: 'CD-2026-001', versionId: 'v4.2', holdingIds: ['hes-2023'], issuedDate: '2026-05-02', status: 'issued', sentDate: null, acknowledgedDate: null, acknowledgementReference: null } as never);
    const app = await apps.open({ hash: '#/disclosure', now: today });
    storeRegister(app.context.db, register);
    await app.page.reload();
    const { page } = app;
    const select = page.getByLabel('Holding it derives from');
    await expect(select.locator('optgroup')).toHaveCount(2);
    const groups = await select.locator('optgroup').evaluateAll((els) => els.map((g) => ({ label: g.getAttribute('label'), options: [...g.querySelectorAll('option')].map((o) => o.textContent ?? '') })));
    expect(groups.map((g) => g.label)).toEqual(['DARS-NIC-00574-V2H1F', 'DARS-NIC-31337-Q7Z9K']);
    const hip = groups[0]!.options.join(' | ');
    expect(hip).toContain('NIC00574_HES_APC_2024');
    expect(hip).not.toContain('NIC00574_HES_APC_2023');
    expect(groups[1]!.options.join(' | ')).toContain('NIC31337_MSDS_2025');
    await page.getByLabel('Find a holding').fill('MSDS');
    await expect(select.locator('optgroup')).toHaveCount(1);
    await expect(select.locator('optgroup')).toHaveAttribute('label', 'DARS-NIC-31337-Q7Z9K');
    await select.selectOption({ label: 'NIC31337_MSDS_2025 · Maternity Services Data Set' });
    // Narrowing again never unsets the choice.
    await page.getByLabel('Find a holding').fill('HES');
    await expect(select).toHaveValue('o-h');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.holding-picker').screenshot({ path: join(artefactsFolder, `disclosure-holding-picker-${scheme}.png`) });
    }
  });
});
