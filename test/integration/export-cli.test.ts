import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/open-database';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import { extractPdfText } from '../helpers/pdf-text';
import { runCliCaptured } from '../helpers/run-cli';
import { storeRegister } from '../helpers/store-register';
import { useTempDir } from '../helpers/temp-dir';

describe('custodian export and report (command line)', () => {
  const temp = useTempDir();
  const register = () => {
    const path = temp.path('register.sqlite');
    const opened = openDatabase(path, { create: true });
    storeRegister(opened.db, compliantRegister().location('laptop', { name: 'Analyst laptop', operator: 'uni', kind: 'end-user-device' }).copy('c-laptop', 'hes-2024', 'laptop', 'derived').build());
    opened.db.close();
    return path;
  };

  it('export findings FILE.xlsx --as-of writes the findings and says where, with the SHA-256', async () => {
    const db = register();
    const out = temp.path('findings.xlsx');
    const run = await runCliCaptured(['export', 'findings', out, '--as-of', SCENARIO_AS_OF, '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Wrote ${out} \\(XLSX, SHA-256 [0-9a-f]{64}\\)\\.\\n$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet('Findings')!.getRow(2).getCell(2).value).toBe('COPY_AT_UNAPPROVED_LOCATION');
  });

  it('export holdings FILE.csv and export deadlines FILE.ics write their files', async () => {
    const db = register();
    expect((await runCliCaptured(['export', 'holdings', temp.path('h.csv'), '--db', db])).code).toBe(0);
    expect(readFileSync(temp.path('h.csv'), 'utf8')).toContain('NIC00574_HES_APC_2024');
    const ics = await runCliCaptured(['export', 'deadlines', temp.path('d.ics'), '--as-of', SCENARIO_AS_OF, '--days', '400', '--db', db]);
    expect(ics.code).toBe(0);
    expect(readFileSync(temp.path('d.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('report holdings --dsa NIC --output FILE.pdf writes the audit report for that agreement', async () => {
    const db = register();
    const out = temp.path('audit.pdf');
    const run = await runCliCaptured(['report', 'holdings', '--dsa', 'DARS-NIC-00574-V2H1F', '--output', out, '--as-of', SCENARIO_AS_OF, '--db', db]);
    expect(run.code).toBe(0);
    const text = (await extractPdfText(readFileSync(out))).pages.join('\n');
    expect(text).toContain('DARS-NIC-00574-V2H1F');
    expect(text).toContain('COPY_AT_UNAPPROVED_LOCATION');
  });

  it('report holdings --dsa NIC, given a folder rather than a file, names the report after the agreement', async () => {
    const db = register();
    const run = await runCliCaptured(['report', 'holdings', '--dsa', 'dars-nic-00574-v2h1f', '--output', temp.dir, '--as-of', SCENARIO_AS_OF, '--db', db]);
    expect(run.stderr).toBe('');
    const out = join(temp.dir, `holdings-audit-report-DARS-NIC-00574-V2H1F-${SCENARIO_AS_OF}.pdf`);
    expect(run.stdout).toContain(`Wrote ${out} (PDF`);
    expect((await extractPdfText(readFileSync(out))).pages.join('\n')).toContain('DARS-NIC-00574-V2H1F');
  });

  it('exits 2 with one line for a wrong extension, an unknown agreement, a bad date or the register as output, writing nothing', async () => {
    const db = register();
    const cases: [string[], RegExp][] = [
      [['export', 'findings', temp.path('f.txt')], /f\.txt: the compliance findings can be written as \.xlsx or \.csv/],
      [['report', 'holdings', '--dsa', 'DARS-NIC-99999-NONE9', '--output', temp.path('r.pdf')], /Agreement DARS-NIC-99999-NONE9 is not in the register/],
      [['export', 'findings', temp.path('f.csv'), '--as-of', '2026-02-30'], /--as-of "2026-02-30" is not a real calendar date/],
      [['export', 'deadlines', temp.path('d.ics'), '--days', 'many'], /--days must be a whole number/],
      [['report', 'holdings', '--output', temp.path('missing/r.pdf')], /the folder .*missing does not exist/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliCaptured([...args, '--db', db]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    for (const name of ['f.txt', 'r.pdf', 'f.csv', 'd.ics']) expect(existsSync(temp.path(name))).toBe(false);
  });
});
