import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { extractPdfText } from '../helpers/pdf-text';
import { storeRegister } from '../helpers/store-register';
import { makeTempDir } from '../helpers/temp-dir';
import { otherAgreementsWords, twoAgreements } from '../helpers/two-agreements';
import { appPerTest } from './harness';

const artefacts = join(import.meta.dirname, '..', 'artefacts', 'tmp');
mkdirSync(artefacts, { recursive: true });

/**
 * An IG lead opens DARS-NIC-00574-V2H1F, which shares a backup vault and a controller with another
 * agreement, reads how many high findings it has, and saves its audit report from the same page:
 * the report counts the same, and names nothing of the other agreement.
 */
describe("an agreement's page and its audit report", () => {
  const apps = appPerTest();

  it('agree on the high findings, and the report saved from the page names nothing of the other agreement', async () => {
    const folder = makeTempDir('custodian-agreement-report-');
    const suggested: string[] = [];
    try {
      const app = await apps.open({
        hash: '#/agreements/dsa/hip',
        now: () => new Date('2026-06-01T10:00:00'),
        dialogs: {
          chooseFileToOpen: () => Promise.resolve(null),
          chooseFileToSave: (o) => (suggested.push(o.defaultName ?? ''), Promise.resolve(folder.path(o.defaultName ?? 'report.pdf'))),
        },
      });
      storeRegister(app.context.db, twoAgreements());
      const { page } = app;
      await page.reload();
      await expect(page.getByRole('heading', { level: 2, name: 'DARS-NIC-00574-V2H1F' })).toBeVisible();

      const findings = page.getByRole('region', { name: 'Findings about this agreement' });
      await expect(findings.locator('[data-code="COPY_AT_UNAPPROVED_LOCATION"]')).toBeVisible();
      // The other agreement's unapproved backup in the shared vault is not this agreement's finding.
      await expect(findings).not.toContainText('CSU Leeds backup vault');
      const high = await findings.locator('.finding-high').count();
      expect(high).toBe(2);
      await page.screenshot({ path: join(artefacts, 'agreement-findings.png'), fullPage: true });

      await page.getByRole('button', { name: 'Export the holdings audit report as PDF' }).click();
      const saved = folder.path('holdings-audit-report-DARS-NIC-00574-V2H1F-2026-06-01.pdf');
      await expect.poll(() => suggested).toEqual(['holdings-audit-report-DARS-NIC-00574-V2H1F-2026-06-01.pdf']);
      // Written under a temporary name and renamed into place: once it exists, it is whole.
      await expect.poll(() => existsSync(saved)).toBe(true);
      const text = (await extractPdfText(readFileSync(saved))).pages.join('\n').replace(/\s+/g, ' ');
      expect(text).toMatch(new RegExp(`Findings ${high} high,`));
      for (const words of otherAgreementsWords) expect(text).not.toContain(words);

      // The workbook saved the same way: no cell of any sheet names the other agreement.
      await page.getByRole('button', { name: 'Export the holdings audit report as XLSX' }).click();
      const workbookPath = folder.path('holdings-audit-report-DARS-NIC-00574-V2H1F-2026-06-01.xlsx');
      await expect.poll(() => existsSync(workbookPath)).toBe(true);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(workbookPath);
      const cells: string[] = [];
      for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
      for (const words of otherAgreementsWords) expect(cells.filter((c) => c.includes(words)), words).toEqual([]);
      const findingsSheet = workbook.getWorksheet('Findings')!;
      let highRows = 0;
      findingsSheet.eachRow((row, n) => n > 1 && row.getCell(1).value === 'high' && highRows++);
      expect(highRows).toBe(high);
    } finally {
      folder.remove();
    }
  });
});
