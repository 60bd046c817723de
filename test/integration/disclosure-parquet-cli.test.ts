import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { disclosureReportSchema } from '../../shared/disclosure/report';
import { runCliCaptured } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const temp = useTempDir('custodian-parquet-');

async function copyTo(select: string, path: string, options: string): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO '${path.replaceAll("'", "''")}' (${options})`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return path;
}

/** Writes the result of `select` to a Parquet file, as a user's pipeline (pandas, R, Spark) would. */
const writeParquet = (name: string, select: string) => copyTo(select, temp.path(name), 'FORMAT parquet');

/** The same records as CSV text with a header. */
const writeCsv = (name: string, parquet: string) => copyTo(`SELECT * FROM read_parquet('${parquet}')`, temp.path(name), 'HEADER');

const readCsv = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n');

// 997 records over regions, sexes, age bands and a missing value, written once as CSV and once as Parquet.
const records = `
  SELECT ['North', 'South', 'East', ' Yorkshire and the Humber'][1 + i % 4] AS region,
         CASE WHEN i % 11 = 0 THEN NULL WHEN i % 2 = 0 THEN 'F' ELSE 'M' END AS sex,
         (i * 7 % 5)::INTEGER AS band,
         i AS id
  FROM range(997) t(i)`;

describe('custodian tabulate: Parquet records', () => {
  it('gives the same table from Parquet as from the same records in CSV', async () => {
    const parquet = await writeParquet('records.parquet', records);
    const csvPath = await writeCsv('records.csv', parquet);

    for (const [input, output] of [
      [csvPath, 'from-csv.csv'],
      [parquet, 'from-parquet.csv'],
    ] as const) {
      const run = await runCliCaptured(['tabulate', input, '--rows', 'region,sex', '--cols', 'band', '--output', temp.path(output)]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Counted 997 records');
    }
    const fromCsv = readCsv(temp.path('from-csv.csv'));
    const fromParquet = readCsv(temp.path('from-parquet.csv'));
    expect(fromParquet).toEqual(fromCsv);
    expect(fromParquet[0]).toBe('region,sex,0,1,2,3,4,Total');
    expect(fromParquet.find((line) => line.startsWith('Total,Total,'))).toMatch(/^Total,Total,(\d+,){5}997$/);
    expect(fromParquet.some((line) => line.startsWith('North,(missing),'))).toBe(true);
  });

  it('protects counted Parquet at once with --profile, recording the Parquet file’s hash', async () => {
    const parquet = await writeParquet('records.parquet', records);
    const run = await runCliCaptured(['tabulate', parquet, '--rows', 'region', '--cols', 'sex', '--output', temp.path('safe.csv'), '--profile', 'threshold-10', '--report', temp.path('r.json')]);
    expect(run.code).toBe(0);
    const report = disclosureReportSchema.parse(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')));
    const { createHash } = await import('node:crypto');
    expect(report.input.sha256).toBe(createHash('sha256').update(readFileSync(parquet)).digest('hex'));
  });

  it('refuses a column the file does not have with exit 2 and one line naming the columns', async () => {
    const parquet = await writeParquet('records.parquet', records);
    const run = await runCliCaptured(['tabulate', parquet, '--rows', 'region,ethnicity', '--output', temp.path('o.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--rows names "ethnicity", which is not a column; columns: "region", "sex", "band", "id"');
    expect(existsSync(temp.path('o.csv'))).toBe(false);
  });

  it('refuses a damaged Parquet file with exit 2 and one line', async () => {
    const bad = temp.path('bad.parquet');
    writeFileSync(bad, Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(200, 7)]));
    const run = await runCliCaptured(['tabulate', bad, '--rows', 'region', '--output', temp.path('o.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('cannot be read as Parquet');
    expect(existsSync(temp.path('o.csv'))).toBe(false);
  });

  it('refuses a value that would be read as a total, naming its row and column', async () => {
    const parquet = await writeParquet('totals.parquet', `SELECT ['Leeds', 'York', 'Total'][1 + i % 3] AS area FROM range(10) t(i)`);
    const run = await runCliCaptured(['tabulate', parquet, '--rows', 'area', '--output', temp.path('o.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"Total" would be read as a total');
    expect(run.stderr).toContain('row 4');
  });
});

describe('custodian disclose: a Parquet table', () => {
  it('protects a Parquet table of labels and counts like the same table in CSV', async () => {
    const parquet = await writeParquet('t.parquet', `SELECT * FROM (VALUES ('Leeds', 'Female', 3), ('Leeds', 'Male', 12), ('York', 'Female', 0), ('York', 'Male', 27)) v(area, sex, count)`);
    const run = await runCliCaptured(['disclose', parquet, '--profile', 'nhs-secondary-care', '--output', temp.path('out.csv'), '--report', temp.path('r.json')]);
    expect(run.code).toBe(0);
    expect(readCsv(temp.path('out.csv')).slice(0, 5)).toEqual(['area,sex,count', 'Leeds,Female,*', 'Leeds,Male,10', 'York,Female,0', 'York,Male,25']);
    const report = disclosureReportSchema.parse(JSON.parse(readFileSync(temp.path('r.json'), 'utf8')));
    expect(report.input.format).toBe('parquet');
    expect(report.release).toBe('releasable');
  });

  it('refuses a count that is not a whole number, naming the row and column, and writes nothing', async () => {
    const parquet = await writeParquet('frac.parquet', `SELECT * FROM (VALUES ('Leeds', 30.0), ('York', 12.5), ('Hull', 40.0)) v(area, patients)`);
    const run = await runCliCaptured(['disclose', parquet, '--profile', 'threshold-10', '--output', temp.path('out.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/row 3/);
    expect(run.stderr).toContain('patients');
    expect(existsSync(temp.path('out.csv'))).toBe(false);
  });

  it('protects a table with a Total row from Parquet, with the totals convention applied', async () => {
    const parquet = await writeParquet(
      'totals.parquet',
      `SELECT * FROM (VALUES ('Leeds', 3), ('York', 40), ('Hull', 50), ('Total', 93)) v(area, count)`,
    );
    const run = await runCliCaptured(['disclose', parquet, '--profile', 'threshold-10', '--output', temp.path('out.csv')]);
    expect(run.code).toBe(0);
    const lines = readCsv(temp.path('out.csv'));
    expect(lines[1]).toBe('Leeds,*');
    // The total would give Leeds away (93 − 40 − 50): another cell is suppressed with it.
    expect(lines.slice(1, 5).filter((line) => line.endsWith(',*')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('a Parquet table dropped on the Disclosure screen', () => {
  it('is read from its bytes like a file opened from disk', async () => {
    const { openTable } = await import('../../electron/disclosure/read/table-reader');
    const parquet = await writeParquet('dropped.parquet', `SELECT * FROM (VALUES ('Leeds', 3), ('York', 40)) v(area, count)`);
    const reader = await openTable({ kind: 'bytes', name: 'dropped.parquet', bytes: readFileSync(parquet) }, { totalLabels: ['Total'] });
    const rows = [];
    for await (const batch of reader.batches) rows.push(...batch);
    expect(reader.layout).toEqual({ labelColumns: ['area'], countColumns: ['count'] });
    expect(rows.map((row) => [row.labels, row.counts])).toEqual([
      [['Leeds'], [3]],
      [['York'], [40]],
    ]);
    expect(reader.description.format).toBe('parquet');
  });
});

// CSV is counted in DuckDB when it can be; whatever DuckDB would read differently is counted as before.
describe('custodian tabulate: CSV counted in DuckDB keeps the CSV reader’s answers', () => {
  const tabulateCsv = async (name: string, content: string | Buffer, rows = 'area') => {
    const path = temp.path(name);
    writeFileSync(path, content);
    return runCliCaptured(['tabulate', path, '--rows', rows, '--output', temp.path(`${name}.out.csv`)]);
  };

  it('names the row of a ragged record', async () => {
    const run = await tabulateCsv('ragged.csv', 'area,sex\nLeeds,F\nYork\nHull,M\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('row 3: the row has 1 values but the header has 2');
  });

  it('names the row of a value that would be read as a total', async () => {
    const run = await tabulateCsv('total.csv', 'area,sex\nLeeds,F\nYork,M\nTotal,F\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/row 4.*"Total" would be read as a total|"Total" would be read as a total.*row 4/);
  });

  it('reads Windows-1252 and skips rows of empty values', async () => {
    const run = await tabulateCsv('cp1252.csv', Buffer.concat([Buffer.from('area,sex\nCaf'), Buffer.from([0xe9]), Buffer.from(',F\n,\nLeeds,M\n')]));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Counted 2 records');
    expect(readCsv(temp.path('cp1252.csv.out.csv'))).toContain('Café,1');
  });

  it('counts quoted values, blank lines and a BOM as the CSV reader does', async () => {
    const run = await tabulateCsv('quoted.csv', '\ufeffarea,sex\n"Leeds, central",F\n\n"Leeds, central",M\n , \nYork,\n', 'area,sex');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Counted 3 records');
    const lines = readCsv(temp.path('quoted.csv.out.csv'));
    expect(lines).toContain('"Leeds, central",Total,2');
    expect(lines).toContain('York,(missing),1');
  });
});
