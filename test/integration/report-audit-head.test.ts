import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { createRecord } from '../../electron/register/register-service';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import { extractPdfText } from '../helpers/pdf-text';
import { testActor } from '../helpers/register-seed';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

/** A report that has left the organisation is an anchor: it states the audit head when it was made. */
describe('the holdings audit report carries the audit chain head', () => {
  const temp = useTempDir();

  async function registerAndHead(): Promise<{ db: string; head: string }> {
    const db = temp.path('register.sqlite');
    const opened = openDatabase(db, { create: true });
    storeRegister(opened.db, compliantRegister().build());
    createRecord(opened.db, testActor(), 'organisation', { legalName: 'Audited Ltd' });
    opened.db.close();
    const verify = await runCliCaptured(['audit', 'verify', '--db', db]);
    return { db, head: /^Head: (\S+)$/m.exec(verify.stdout)![1]! };
  }

  it('in the PDF, with the command that checks the register against it', async () => {
    const { db, head } = await registerAndHead();
    const out = temp.path('audit.pdf');
    expect((await runCliCaptured(['report', 'holdings', '--output', out, '--as-of', SCENARIO_AS_OF, '--db', db])).code).toBe(0);
    const text = (await extractPdfText(readFileSync(out))).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(`custodian audit verify --expect ${head}`);
    // The anchor it printed checks out against the register (the export's own entry came after it).
    const check = await runCliCaptured(['audit', 'verify', '--expect', head, '--db', db]);
    expect(check.code).toBe(0);
  });

  it('in the XLSX summary sheet', async () => {
    const { db, head } = await registerAndHead();
    const out = temp.path('audit.xlsx');
    expect((await runCliCaptured(['report', 'holdings', '--output', out, '--as-of', SCENARIO_AS_OF, '--db', db])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const rows: string[] = [];
    workbook.getWorksheet('Summary')!.eachRow((row) => rows.push(`${row.getCell(1).value}: ${row.getCell(2).value}`));
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^Audit log head: Entry ${head.split(':')[0]}, SHA-256 [0-9a-f]{64}; check later with: custodian audit verify --expect ${head}$`)));
  });
});
