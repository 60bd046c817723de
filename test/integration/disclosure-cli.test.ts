import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { disclosureReportSchema } from '../../shared/disclosure/report';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const temp = useTempDir('custodian-disclose-');

function write(name: string, content: string | Uint8Array): string {
  const path = temp.path(name);
  writeFileSync(path, content);
  return path;
}

const readCsv = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n');

const simple = 'area,sex,count\nLeeds,Female,3\nLeeds,Male,12\nYork,Female,0\nYork,Male,27\n';

describe('custodian disclose: reading tables', () => {
  it('protects a CSV and writes the published table, the legend and a report', async () => {
    const input = write('t.csv', simple);
    const run = await runCliCaptured(['disclose', input, '--profile', 'nhs-secondary-care', '--output', temp.path('out.csv'), '--report', temp.path('r.json')], {
      CUSTODIAN_DB: temp.path('none.sqlite'),
    });
    expect(run.stderr).toContain('not recorded in an audit log');
    expect(run.code).toBe(0);
    const lines = readCsv(temp.path('out.csv'));
    expect(lines.slice(0, 5)).toEqual(['area,sex,count', 'Leeds,Female,*', 'Leeds,Male,10', 'York,Female,0', 'York,Male,25']);
    expect(lines.join('\n')).toContain('nhs-secondary-care, version 1');
    expect(lines.join('\n')).toContain('* = suppressed: a count of 1–7.');
    const report = disclosureReportSchema.parse(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')));
    expect(report.release).toBe('releasable');
    expect(report.summary).toMatchObject({ suppressed: 1, rounded: 2, unchanged: 1 });
    expect(report.changes.map((c) => [c.keys, c.action, c.rule, c.published])).toEqual([
      [{ area: 'Leeds', sex: 'Female' }, 'suppressed', 'suppressed', '*'],
      [{ area: 'Leeds', sex: 'Male' }, 'rounded', 'rounded to 5', 10],
      [{ area: 'York', sex: 'Male' }, 'rounded', 'rounded to 5', 25],
    ]);
    expect(report.output!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads counts written with thousands separators as counts, so their small counts are suppressed', async () => {
    const input = write('grouped.csv', 'area,count\nLeeds,"1,234"\nYork,3\nHull,"12,001"\n');
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', temp.path('o.csv')]);
    expect(run.code).toBe(0);
    expect(readCsv(temp.path('o.csv')).slice(0, 4)).toEqual(['area,count', 'Leeds,1234', 'York,*', 'Hull,12001']);
  });

  it('reads UTF-8 with a byte-order mark: the first header is "area", not "\\ufeffarea"', async () => {
    const input = write('bom.csv', '\ufeffarea,count\nYnys Môn,40\n');
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', temp.path('o.csv'), '--report', temp.path('r.json')]);
    expect(run.code).toBe(0);
    expect(readCsv(temp.path('o.csv')).slice(0, 2)).toEqual(['area,count', 'Ynys Môn,40']);
    expect(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')).input.encoding).toBe('UTF-8 with BOM');
  });

  it('reads Windows-1252 (Excel’s plain CSV on Windows) and writes UTF-8', async () => {
    const input = write('cp1252.csv', Buffer.concat([Buffer.from('area,count\nYnys M'), Buffer.from([0xf4]), Buffer.from('n,40\nCaf'), Buffer.from([0xe9]), Buffer.from(',12\n')]));
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', temp.path('o.csv'), '--report', temp.path('r.json')]);
    expect(run.code).toBe(0);
    expect(readCsv(temp.path('o.csv')).slice(1, 3)).toEqual(['Ynys Môn,40', 'Café,12']);
    expect(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')).input.encoding).toBe('Windows-1252');
  });

  it('detects a semicolon delimiter (Excel where the comma is the decimal separator)', async () => {
    const input = write('semi.csv', 'area;sex;count\n"Leeds; central";Female;3\nLeeds;Male;40\n');
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', temp.path('o.csv'), '--report', temp.path('r.json')]);
    expect(run.code).toBe(0);
    expect(readCsv(temp.path('o.csv')).slice(0, 3)).toEqual(['area,sex,count', 'Leeds; central,Female,*', 'Leeds,Male,40']);
    expect(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')).input.delimiter).toBe('semicolon');
  });

  it('reads UTF-16 tab-separated text (Excel’s "Unicode text")', async () => {
    const text = '\ufeffarea\tcount\nYnys Môn\t40\n';
    const input = write('u16.txt', Buffer.from(text, 'utf16le'));
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', temp.path('o.csv')]);
    expect(run.code).toBe(0);
    expect(readCsv(temp.path('o.csv'))[1]).toBe('Ynys Môn,40');
  });

  it('reads the chosen sheet of an XLSX workbook, and refuses to guess between several', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Read me first']);
    const sheet = workbook.addWorksheet('Counts');
    sheet.addRows([['area', 'count'], ['Leeds', 4], ['York', 50]]);
    const input = temp.path('book.xlsx');
    await workbook.xlsx.writeFile(input);
    const guessed = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', temp.path('o.csv')]);
    expect(guessed.code).toBe(2);
    expect(guessed.stderr).toContain('the workbook has several sheets ("Notes", "Counts"); choose one with --sheet');
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--sheet', 'Counts', '--output', temp.path('o.csv')]);
    expect(run.code).toBe(0);
    expect(readCsv(temp.path('o.csv')).slice(0, 3)).toEqual(['area,count', 'Leeds,*', 'York,50']);
  });
});

describe('custodian disclose: bad input is exit 2, one line naming the problem and where, and no file', () => {
  const cases: { name: string; file: string | Uint8Array; args?: string[]; message: string }[] = [
    { name: 'a ragged row', file: 'area,sex,count\nLeeds,Female,3\nLeeds,40\n', message: 'row 3: the row has 2 values but the header has 3' },
    { name: 'text in a count column', file: 'area,count\nLeeds,3\nYork,many\n', message: 'row 3, column "count": "many" is text, not a count' },
    { name: 'a negative number', file: 'area,count\nLeeds,-3\nYork,40\n', message: 'row 2, column "count": the count -3 is negative' },
    { name: 'a fractional number', file: 'area,count\nLeeds,2.5\nYork,40\n', message: 'row 2, column "count": the count 2.5 is fractional' },
    { name: 'an empty file', file: '', message: 'the file is empty' },
    { name: 'binary data', file: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), message: 'binary data' },
    { name: 'duplicate headers', file: 'area,count,Count\nLeeds,3,4\n', message: 'the header names "Count" twice (columns 2 and 3)' },
    {
      name: 'totals that do not add up',
      file: 'area,count\nLeeds,30\nYork,40\nTotal,71\n',
      message: 'row 4, column "count": the total 71 does not equal the sum of the area rows it totals (70)',
    },
    { name: 'an unknown profile', file: simple, args: ['--profile', 'nhs-tertiary'], message: 'unknown profile "nhs-tertiary"' },
    { name: 'an unknown national column', file: simple, args: ['--national', 'region=England'], message: '--national names the column "region"' },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const input = write('in.csv', testCase.file);
      const args = testCase.args ?? [];
      const profileArgs = args.includes('--profile') ? [] : ['--profile', 'threshold-10'];
      const run = await runCliCaptured(['disclose', input, ...profileArgs, ...args, '--output', temp.path('out.csv'), '--report', temp.path('r.json')]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(testCase.message);
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
      expect(readdirSync(temp.dir)).toEqual(['in.csv']); // no output, no report, no partial file
    });
  }

  it('an error deep in a long file leaves no partial output behind', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `A${i},${i % 50}`);
    rows[15_000] = 'A15000,oops';
    const input = write('in.csv', `area,count\n${rows.join('\n')}\n`);
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', temp.path('out.csv'), '--report', temp.path('r.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('row 15002, column "count": "oops" is text');
    expect(readdirSync(temp.dir)).toEqual(['in.csv']);
  });

  it('records the export before the table appears: a register it cannot write to leaves no table behind', async () => {
    const register = temp.path('newer.sqlite');
    const db = new Database(register);
    db.pragma('user_version = 999'); // written by a newer Custodian: refused, never written to
    db.close();
    const input = write('rec.csv', simple);
    const run = await runCliCaptured(['disclose', input, '--profile', 'nhs-secondary-care', '--output', temp.path('rec-out.csv'), '--report', temp.path('rec.json')], {
      CUSTODIAN_DB: register,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/newer/i);
    expect(existsSync(temp.path('rec-out.csv'))).toBe(false);
    expect(existsSync(temp.path('rec.json'))).toBe(false);
    expect(readdirSync(temp.dir).filter((name) => name.startsWith('.rec-out.csv.'))).toEqual([]);
  });

  it('refuses to write over its input', async () => {
    const input = write('in.csv', simple);
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', input, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the output file is the input file');
    expect(readFileSync(input, 'utf8')).toBe(simple);
  });
});

describe('custodian disclose: the attacker’s audit', () => {
  it('refuses the export (exit 1, no table written) when a suppressed count can be recovered', async () => {
    // The national total is exact and York is exactly 0, so Leeds is exactly the total.
    const input = write('in.csv', 'area,count\nLeeds,3\nYork,0\nTotal,3\n');
    const run = await runCliCaptured(['disclose', input, '--profile', 'nhs-secondary-care', '--national', 'area=Total', '--output', temp.path('out.csv'), '--report', temp.path('r.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("export refused: the attacker's audit can narrow 1 suppressed cell to fewer than 3 possible values (Leeds, row 2, can be narrowed to 1 possible value)");
    expect(existsSync(temp.path('out.csv'))).toBe(false);
    const report = disclosureReportSchema.parse(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')));
    expect(report.exportRefused).toBe(true);
    expect(report.output).toBeNull();
  });

  it('protects a 2-D table with secondary suppression and reports the complementary cells', async () => {
    const input = write('in.csv', 'area,Female,Male,Total\nLeeds,3,40,43\nYork,50,60,110\nTotal,53,100,153\n');
    const run = await runCliCaptured([
      'disclose', input, '--profile', 'nhs-small-numbers-1-5', '--output', temp.path('out.csv'),
      '--report', temp.path('released.json'), '--internal-report', temp.path('r.json'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Internal report (not for release)');
    const report = disclosureReportSchema.parse(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')));
    expect(report.release).toBe('internal');
    // Three cells is the proven minimum for this table, and the internal report says so.
    expect(report.summary).toMatchObject({ complementarySuppressions: 3, complementaryLowerBound: 3, complementaryMethod: 'exact' });
    expect(run.stdout).toContain('complementary cells: 3, the proven minimum (exact method)');
    expect(report.notice).toMatch(/not for release/i);
    expect(report.audit.status).toBe('passed');
    expect(report.audit.solver).toMatch(/^HiGHS \d+\.\d+/);
    // Leeds/Female alone in its row and column would be given away by the totals; a rectangle of
    // four suppressed cells lets it move without changing any published total.
    expect(report.summary.complementarySuppressions).toBe(3);
    const secondary = report.changes.filter((c) => c.rule.startsWith('secondary'));
    expect(secondary.map((c) => c.rule)).toEqual(Array(3).fill('secondary: protects Leeds/Female'));
    expect(readCsv(temp.path('out.csv')).slice(1, 4)).toEqual(['Leeds,*,*,43', 'York,*,*,110', 'Total,53,100,153']);

    // The report that may travel with the table does not say which of the four cells is the small one.
    const releasedText = readFileSync(temp.path('released.json'), 'utf8');
    const released = disclosureReportSchema.parse(JSON.parse(releasedText));
    expect(released.release).toBe('releasable');
    expect(released.summary.suppressed).toBe(4);
    expect(released.summary.primarySuppressions).toBeUndefined();
    expect(released.summary.complementarySuppressions).toBeUndefined();
    const suppressed = released.changes.filter((c) => c.action === 'suppressed');
    expect(suppressed).toHaveLength(4);
    expect(new Set(suppressed.map((c) => c.rule))).toEqual(new Set(['suppressed']));
    expect(releasedText).not.toMatch(/protects|secondary:|1–5 suppressed|"primarySuppressions"/);
  });
});

describe('custodian disclose: what leaves the machine', () => {
  const dangerous = ['=HYPERLINK("http://evil.example","x")', '+44 113', '-2', '@SUM(A1)', '\tTabbed', '\rReturn'];
  const table = `area,count\n${dangerous.map((label, i) => `"${label.replace(/"/g, '""')}",${[50, 3, 60, 70, 80, 90][i]}`).join('\n')}\n`;

  it('XLSX output is values only: numbers stay numbers, formula-like text is neutralised, no formulas or hidden sheets', async () => {
    const input = write('in.csv', table);
    const output = temp.path('out.xlsx');
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', output]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((s) => [s.name, s.state ?? 'visible'])).toEqual([
      ['Table', 'visible'],
      ['Legend', 'visible'],
    ]);
    const sheet = workbook.getWorksheet('Table')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      const values: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.note).toBeUndefined();
        values.push(cell.value);
      });
      rows.push(values);
    });
    expect(rows).toEqual([
      ['area', 'count'],
      [`'${dangerous[0]}`, 50],
      [`'${dangerous[1]}`, '*'],
      [`'${dangerous[2]}`, 60],
      [`'${dangerous[3]}`, 70],
      [`'${dangerous[4]}`, 80],
      // XML reads a bare carriage return back as a line feed; the neutralising quote is what matters.
      [`'${dangerous[5]!.replace('\r', '\n')}`, 90],
    ]);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    const legend: string[] = [];
    workbook.getWorksheet('Legend')!.eachRow((row) => legend.push(String(row.getCell(1).value)));
    expect(legend.join('\n')).toContain('threshold-10');
    expect(legend.join('\n')).toContain('* = suppressed: a count of 0–9');
  });

  it('CSV output neutralises formula-like text too', async () => {
    const input = write('in.csv', table);
    expect((await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--output', temp.path('out.csv')])).code).toBe(0);
    const text = readFileSync(temp.path('out.csv'), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")",50`);
    expect(text).toContain("'@SUM(A1),70");
    expect(text).not.toMatch(/^=|\n=|\n\+|\n@/);
  });

  it('the report never contains the value of a suppressed cell', async () => {
    // Primary 2 protected by complementary cells with distinctive counts.
    const input = write('in.csv', 'area,Female,Male,Total\nLeeds,2,7919,7921\nYork,6007,8111,14118\nTotal,6009,16030,22039\n');
    const run = await runCliCaptured(['disclose', input, '--profile', 'nhs-small-numbers-1-5', '--output', temp.path('out.csv'), '--report', temp.path('r.json')]);
    expect(run.code).toBe(0);
    const text = readFileSync(temp.path('r.json'), 'utf8');
    const report = disclosureReportSchema.parse(JSON.parse(text));
    const suppressed = report.changes.filter((c) => c.action === 'suppressed');
    expect(suppressed.length).toBeGreaterThan(1);
    for (const hidden of ['7919', '7921', '6007', '6009', '8111', '14118', '16030', '22039']) {
      const wasSuppressed = suppressed.some((c) => c.row && text.includes(hidden));
      if (wasSuppressed) expect(readCsv(temp.path('out.csv')).join('\n')).not.toContain(hidden);
    }
    // Whatever was suppressed is absent from both the published table and the report.
    const published = readCsv(temp.path('out.csv')).join('\n');
    for (const hidden of ['7919', '7921', '6007', '6009', '8111', '14118', '16030', '22039']) {
      if (!published.includes(hidden)) expect(text).not.toContain(hidden);
    }
  });

  it('two tables that differ only in a suppressed count give the same report, apart from the input hash and time', async () => {
    const a = write('a.csv', 'area,count\nLeeds,2\nYork,40\n');
    const b = write('b.csv', 'area,count\nLeeds,5\nYork,40\n');
    await runCliCaptured(['disclose', a, '--profile', 'nhs-small-numbers-1-5', '--output', temp.path('a-out.csv'), '--report', temp.path('a.json')]);
    await runCliCaptured(['disclose', b, '--profile', 'nhs-small-numbers-1-5', '--output', temp.path('b-out.csv'), '--report', temp.path('b.json')]);
    const strip = (path: string) => {
      const report = JSON.parse(readFileSync(path, 'utf8'));
      delete report.createdAt;
      delete report.input.sha256;
      delete report.input.file;
      delete report.output.file;
      return report;
    };
    expect(strip(temp.path('a.json'))).toEqual(strip(temp.path('b.json')));
  });
});

describe('custodian disclose --percentages', () => {
  it('adds each column’s share of the Total column, the marker where a count is suppressed', async () => {
    const input = write('in.csv', 'area,Female,Male,Total\nLeeds,2,400,402\nHull,50,60,110\n');
    const run = await runCliCaptured(['disclose', input, '--profile', 'nhs-community-mental-health', '--percentages', '--output', temp.path('o.csv'), '--report', temp.path('r.json')]);
    expect(run.code).toBe(0);
    expect(readCsv(temp.path('o.csv')).slice(0, 3)).toEqual(['area,Female,Male,Total,Female %,Male %', 'Leeds,*,400,400,*,100', 'Hull,50,60,110,45,55']);
    expect(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')).options.percentages).toBe(true);
  });

  it('refuses the export when a percentage from true counts gives a suppressed count away', async () => {
    // Male 40 of a true total 43 is 93 %: only Female = 3 fits both the rounded counts and that share.
    const input = write('in.csv', 'area,Female,Male,Total\nLeeds,3,40,43\nHull,50,60,110\n');
    const plain = await runCliCaptured(['disclose', input, '--profile', 'nhs-community-mental-health', '--output', temp.path('plain.csv')]);
    expect(plain.code).toBe(0);
    const run = await runCliCaptured(['disclose', input, '--profile', 'nhs-community-mental-health', '--percentages', '--output', temp.path('o.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(Leeds/Female, row 2, can be narrowed to 1 possible value)');
    expect(existsSync(temp.path('o.csv'))).toBe(false);
  });

  it('refuses percentages for a table without a Total column', async () => {
    const input = write('in.csv', 'area,count\nLeeds,3\nYork,40\n');
    const run = await runCliCaptured(['disclose', input, '--profile', 'threshold-10', '--percentages', '--output', temp.path('o.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('percentages are shares of a count column headed "Total"');
    expect(readdirSync(temp.dir)).toEqual(['in.csv']);
  });
});

describe('custodian profiles, tabulate, and the audit log', () => {
  it('profiles --json lists the five profiles in the custom-profile schema', async () => {
    const run = await runCliCaptured(['profiles', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((p: { id: string }) => p.id)).toEqual([
      'nhs-secondary-care',
      'nhs-community-mental-health',
      'nhs-small-numbers-1-5',
      'opensafely',
      'threshold-10',
    ]);
  });

  it('accepts a custom profile file, and names the field when one is wrong', async () => {
    const run = await runCliCaptured(['profiles', '--json']);
    const custom = { ...JSON.parse(run.stdout)[4], id: 'our-tre', name: 'Our TRE', marker: 'c' };
    const profile = write('our-tre.json', JSON.stringify(custom));
    const input = write('in.csv', 'area,count\nLeeds,3\nYork,40\n');
    const ok = await runCliCaptured(['disclose', input, '--profile', profile, '--output', temp.path('o.csv'), '--report', temp.path('r.json')]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')).profile.id).toBe('our-tre');
    expect(readCsv(temp.path('o.csv'))[1]).toBe('Leeds,c');
    // A stricter width than the range can give is refused: the attacker knows a marker means 0–9.
    const strict = write('strict.json', JSON.stringify({ ...custom, protectionWidth: 12 }));
    expect((await runCliCaptured(['disclose', input, '--profile', strict, '--output', temp.path('o3.csv')])).code).toBe(1);
    const bad = write('bad.json', JSON.stringify({ ...custom, rounding: { base: 0, tie: 'half-up' } }));
    const refused = await runCliCaptured(['disclose', input, '--profile', bad, '--output', temp.path('o2.csv')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('rounding.base: must be at least 2');
  });

  it('tabulates record-level data with margins, and protects it with --profile', async () => {
    const records = ['id,region,sex'];
    const plan: [string, string, number][] = [
      ['North', 'F', 30],
      ['North', 'M', 3],
      ['South', 'F', 25],
      ['South', 'M', 40],
    ];
    let id = 0;
    for (const [region, sex, n] of plan) for (let i = 0; i < n; i++) records.push(`${++id},${region},${sex}`);
    const input = write('records.csv', `${records.join('\n')}\n`);
    const raw = await runCliCaptured(['tabulate', input, '--rows', 'region', '--cols', 'sex', '--output', temp.path('counts.csv')]);
    expect(raw.code).toBe(0);
    expect(raw.stdout).toContain('NOT protected');
    expect(readCsv(temp.path('counts.csv')).slice(0, 4)).toEqual(['region,F,M,Total', 'North,30,3,33', 'South,25,40,65', 'Total,55,43,98']);
    const safe = await runCliCaptured(['tabulate', input, '--rows', 'region', '--cols', 'sex', '--output', temp.path('safe.csv'), '--profile', 'threshold-10', '--report', temp.path('r.json')]);
    expect(safe.code).toBe(0);
    expect(readCsv(temp.path('safe.csv')).slice(1, 4)).toEqual(['North,*,*,33', 'South,*,*,65', 'Total,55,43,98']);
    expect(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')).input.file).toBe('records.csv');
  });

  it('records an export in the register’s audit log with the report’s hashes', async () => {
    const db = temp.path('register.sqlite');
    expect((await runCliCaptured(['init', '--db', db])).code).toBe(0);
    const input = write('in.csv', simple);
    const run = await runCliCaptured(['disclose', input, '--profile', 'nhs-secondary-care', '--output', temp.path('o.csv'), '--report', temp.path('r.json'), '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Recorded in the register’s audit log \(entry \d+\)/);
    const report = JSON.parse(readFileSync(temp.path('r.json'), 'utf8'));
    const list = await runCliCaptured(['audit', 'list', '--db', db, '--json']);
    expect(list.stdout).toContain(report.output.sha256);
    expect(list.stdout).toContain(report.input.sha256);
  });
});
