import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../helpers/cli-process';
import { hugeCellWorkbook, longTextWorkbook, lyingZipBomb, sparseWorkbook, zipBomb } from '../helpers/hostile-xlsx';

const GB = 1024 * 1024 * 1024;

/**
 * Each hostile workbook is given to the real command in its own process: it must be refused with
 * exit 2 and one line saying what is wrong, write nothing, and never come near 1 GB of memory (the
 * sparse file alone used to take V8 to about 4 GB and abort).
 */
describe('hostile XLSX files', () => {
  let dir = '';
  const files: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custodian-hostile-'));
    files.sparse = join(dir, 'sparse.xlsx');
    files.bomb = join(dir, 'bomb.xlsx');
    files.lying = join(dir, 'lying-bomb.xlsx');
    files.hugeCell = join(dir, 'huge-cell.xlsx');
    await sparseWorkbook(files.sparse);
    await zipBomb(files.bomb);
    await lyingZipBomb(files.lying);
    await hugeCellWorkbook(files.hugeCell, 40);
    const init = await runCliProcess(['init', '--db', join(dir, 'register.sqlite')]);
    expect(init.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are as small as the issue describes', () => {
    expect(statSync(files.sparse!).size).toBeLessThan(2048);
    expect(statSync(files.bomb!).size).toBeLessThan(2 * 1024 * 1024);
  });

  const cases = [
    ['sparse', /sheet "Agreements" declares the range A1:XFD1048576 \(1,048,576 rows × 16,384 columns\); Custodian reads at most/],
    ['bomb', /the workbook unpacks to more than 160 MB from 1\.\d MB \(a zip bomb/],
    ['lying', /part xl\/worksheets\/sheet1\.xml unpacks to more than the 4,096 bytes it declares \(a zip bomb/],
    ['hugeCell', /the shared strings: shared string 3 holds 41,943,040 characters, more than the 32,767 a spreadsheet cell can hold/],
  ] as const;

  it.each(cases)('import dur refuses the %s workbook: exit 2, one line, register unchanged, under 1 GB', async (name, message) => {
    const db = join(dir, 'register.sqlite');
    const before = readFileSync(db);
    const run = await runCliProcess(['import', 'dur', files[name]!, '--db', db]);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/nothing was imported\n$/);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(run.peakRssBytes).toBeLessThan(GB);
  }, 120_000);

  it.each(cases)('disclose refuses the %s workbook: exit 2, one line, no output, under 1 GB', async (name, message) => {
    const output = join(dir, `${name}-published.csv`);
    const run = await runCliProcess(['disclose', files[name]!, '--profile', 'threshold-10', '--output', output, '--db', join(dir, 'register.sqlite')]);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.code).toBe(2);
    expect(existsSync(output)).toBe(false);
    expect(run.peakRssBytes).toBeLessThan(GB);
  }, 120_000);

  it('the largest workbook the bounds accept (about 155 MB of text in full cells) is read, still under 1 GB', async () => {
    const file = join(dir, 'long-text.xlsx');
    await longTextWorkbook(file, 5000);
    const db = join(dir, 'register.sqlite');
    const run = await runCliProcess(['import', 'dur', file, '--db', db]);
    // Not refused for its size: read whole, and then found not to be a Data Uses Register.
    expect(run.stderr).toContain('no header row naming "Reference Number"');
    expect(run.code).toBe(2);
    expect(run.peakRssBytes).toBeLessThan(GB);
  }, 180_000);
});
