import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../electron/db/open-database';
import { loadRegister } from '../../electron/register/load-register';
import { realisticDur, writeDurWorkbook } from '../helpers/dur-fixture';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const fixture = 'test/fixtures/dur';

describe('custodian import dur (command line)', () => {
  const temp = useTempDir();
  const init = async () => {
    const db = temp.path('register.sqlite');
    expect((await runCliCaptured(['init', '--db', db])).code).toBe(0);
    return db;
  };

  it('imports the committed sample folder of CSV sheets and prints what it created', async () => {
    const db = await init();
    const run = await runCliCaptured(['import', 'dur', fixture, '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported the Data Uses Register from Agreements.csv, Datasets.csv, DataReleases.csv');
    expect(run.stdout).toMatch(/Versions\s+8 created\s+0 updated\s+0 unchanged/);
    expect(run.stdout).toMatch(/Holdings\s+7 created/);
  });

  it('imports the committed sample workbook to the same register, and a second import changes nothing', async () => {
    const db = await init();
    await runCliCaptured(['import', 'dur', `${fixture}/Agreements.csv`, `${fixture}/Datasets.csv`, `${fixture}/DataReleases.csv`, '--db', db]);
    const opened = openDatabase(db, { create: false, readonly: true });
    const fromCsv = loadRegister(opened.db);
    opened.db.close();

    const run = await runCliCaptured(['import', 'dur', `${fixture}/data-uses-register-sample.xlsx`, '--db', db, '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.counts.dsaVersion).toEqual({ created: 0, updated: 0, unchanged: 8 });
    expect(summary.counts.holding).toEqual({ created: 0, updated: 0, unchanged: 7 });
    const again = openDatabase(db, { create: false, readonly: true });
    expect(loadRegister(again.db)).toEqual(fromCsv);
    again.db.close();
  });

  it('exits 2 with one line naming the sheet, row and column, leaving the register byte-for-byte as it was', async () => {
    const db = await init();
    const sheets = realisticDur();
    sheets.Agreements[5]!['DSA End Date'] = 'soon';
    const file = await writeDurWorkbook(temp.path('bad.xlsx'), sheets);
    const before = readFileSync(db);
    const run = await runCliCaptured(['import', 'dur', file, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('custodian: bad.xlsx, sheet Agreements, row 7, column "DSA End Date" (H): "soon" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD; nothing was imported\n');
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('exits 2 for a file that is not there or not a spreadsheet', async () => {
    const db = await init();
    const missing = await runCliCaptured(['import', 'dur', temp.path('nope.xlsx'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.xlsx.*does not exist; check the path; nothing was imported\n$/);
    const pdf = temp.path('register.pdf');
    (await import('node:fs')).writeFileSync(pdf, '%PDF-1.7');
    const wrong = await runCliCaptured(['import', 'dur', pdf, '--db', db]);
    expect(wrong.stderr).toContain('register.pdf: is not an XLSX or CSV file');
  });

  it('says so when --organisation matches no agreement, and imports nothing', async () => {
    const db = await init();
    const run = await runCliCaptured(['import', 'dur', fixture, '--organisation', 'Nobody Ltd', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No agreement names Nobody Ltd; check the name as the Data Uses Register spells it.');
    const opened = openDatabase(db, { create: false, readonly: true });
    expect(loadRegister(opened.db).dsas).toHaveLength(0);
    opened.db.close();
  });
});
