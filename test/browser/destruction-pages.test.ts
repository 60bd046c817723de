import { join } from 'node:path';
import { expect } from '@playwright/test';
import { describe, expect as check, it } from 'vitest';
import { generateLargeRegister, LARGE_REGISTER_AS_OF } from '../../bench/large-register';
import { storeRegister } from '../helpers/store-register';
import { artefactsFolder } from './artefacts-folder';
import { appPerTest } from './harness';

/**
 * The Destruction screen at a register with hundreds of recorded copies and certificates (30,000
 * copies): "Copies and their destruction" and "Certificates issued" show 50 at a time, and the
 * certificate form lists the holdings of the version chosen, asked for when it is chosen. What is
 * expected is worked out here from the register itself.
 */
describe('the Destruction screen at a large register', () => {
  const apps = appPerTest();
  const register = generateLargeRegister({ agreements: 300, holdings: 6000, copies: 30_000 });

  it('pages the recorded copies and the certificates, and lists the chosen version’s holdings', { timeout: 90_000 }, async () => {
    const app = await apps.open({ hash: '#/destruction', now: () => new Date(`${LARGE_REGISTER_AS_OF}T10:00:00`) });
    storeRegister(app.context.db, register);
    await app.page.reload();
    const { page } = app;

    const certified = new Set(register.certificates.flatMap((c) => c.holdingIds));
    const recorded = register.copies.filter((c) => c.destroyedDate !== null && !certified.has(c.holdingId)).length;
    check(recorded).toBeGreaterThan(100);
    const copiesPager = page.getByRole('navigation', { name: 'Copies and their destruction pages' });
    await expect(copiesPager.locator('.pager-status')).toHaveText(`Showing 1–50 of ${recorded.toLocaleString('en-GB')}`);
    const copyRows = page.getByRole('table', { name: 'Copies and their destruction' }).locator('tbody tr');
    await expect(copyRows).toHaveCount(50);
    const firstPage = await copyRows.allTextContents();
    await copiesPager.getByRole('button', { name: 'Next page' }).click();
    await expect(copiesPager.locator('.pager-status')).toHaveText(`Showing 51–${Math.min(100, recorded)} of ${recorded.toLocaleString('en-GB')}`);
    const secondPage = await copyRows.allTextContents();
    check(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);

    const certificatesPager = page.getByRole('navigation', { name: 'Certificates pages' });
    await expect(certificatesPager.locator('.pager-status')).toHaveText(`Showing 1–50 of ${register.certificates.length.toLocaleString('en-GB')}`);

    // Two versions with different holdings: choosing one lists exactly its holdings.
    const holdingsOf = (versionId: string) => register.holdings.filter((h) => h.versionId === versionId);
    const [first, second] = [...new Set(register.holdings.map((h) => h.versionId))].filter((v) => holdingsOf(v).length > 1);
    const labelOf = (versionId: string) => {
      const version = register.versions.find((v) => v.id === versionId)!;
      return `${register.dsas.find((d) => d.id === version.dsaId)!.nicReference} v${version.version}`;
    };
    const holdingsField = page.getByRole('group', { name: 'Holdings' });
    for (const versionId of [first!, second!]) {
      await page.getByLabel('Agreement version').selectOption(versionId);
      const expected = holdingsOf(versionId).map((h) => `${h.darsFileReference} (${labelOf(versionId)})`);
      await expect(holdingsField.getByRole('checkbox')).toHaveCount(expected.length);
      check((await holdingsField.locator('label.checkbox').allTextContents()).map((t) => t.trim()).toSorted()).toEqual(expected.toSorted());
    }
    await page.locator('section[aria-labelledby="destruction-issue"]').screenshot({ path: join(artefactsFolder, 'destruction-large-certificate-form.png') });
    await certificatesPager.screenshot({ path: join(artefactsFolder, 'destruction-large-certificates-pager.png') });
  });
});
