import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { builtinProfiles, findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { defaultTableOptions, type TableOptions } from '../../shared/disclosure/table';
import { discloseFile, type DiscloseFileRequest } from '../../electron/disclosure/disclose-file';
import { discloseInDuckDb } from '../../electron/disclosure/disclose-in-duckdb';
import { NeedsWholeTable, streamingPass } from '../../electron/disclosure/disclose-streaming';
import { wholeTablePass } from '../../electron/disclosure/disclose-whole-table';
import { loadHighsSolver } from '../../electron/disclosure/highs-solver';
import { openTable } from '../../electron/disclosure/read/table-reader';
import { useTempDir } from '../helpers/temp-dir';

/**
 * `custodian disclose` protects a plain CSV inside DuckDB and leaves anything else to the JavaScript
 * pass. Whatever the table, the published file (byte for byte), the summary and any refusal (its
 * words, row and column) must be what the JavaScript pass alone gives. Each table below is
 * disclosed both ways; the plain ones must really have gone through DuckDB, or the comparison would
 * prove nothing.
 */
const temp = useTempDir('custodian-disclose-duckdb-');

function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Counts like activity data: zeros, the small numbers every profile treats, ties at every base, a long tail. */
function someCount(random: () => number): number {
  const r = random();
  return r < 0.15 ? 0 : r < 0.45 ? 1 + Math.floor(random() * 12) : r < 0.6 ? 5 * Math.floor(random() * 40) + (random() < 0.5 ? 0 : 5) : Math.floor(random() * random() * 100000);
}

const areas = ['Leeds', 'Ynys Môn', 'Bradford', 'Kirklees', 'Calderdale', 'Wakefield', 'St Helens', 'Newcastle upon Tyne', "King's Lynn", 'Şehir'];

function longTable(rows: number, seed: number, eol = '\n', delimiter = ','): string {
  const random = lcg(seed);
  let text = ['area', 'month', 'sex', 'count'].join(delimiter) + eol;
  for (let i = 0; i < rows; i++) {
    text += [`${areas[i % areas.length]} ${Math.floor(i / 24)}`, `2024-${String((i % 12) + 1).padStart(2, '0')}`, i % 2 ? 'Male' : 'Female', someCount(random)].join(delimiter) + eol;
  }
  return text;
}

function wideTable(rows: number, seed: number): string {
  const random = lcg(seed);
  let text = 'area,age band,Female,Male,Unknown\r\n';
  for (let i = 0; i < rows; i++) text += `${areas[i % areas.length]},${(i % 18) * 5}-${(i % 18) * 5 + 4},${someCount(random)},${someCount(random)},${someCount(random)}\r\n`;
  return text;
}

/** A plain table with one line changed: what a real file's one odd row looks like. */
function withLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

const base = longTable(600, 7);

interface Case {
  name: string;
  content: string | Buffer;
  /** Whether DuckDB may take the table (otherwise it must hand it back). */
  duckdb: boolean;
  profile?: string;
  tableOptions?: Partial<TableOptions>;
}

const cases: Case[] = [
  { name: 'a long table', content: base, duckdb: true },
  { name: 'a long table under every built-in profile', content: longTable(400, 11), duckdb: true, profile: '*' },
  { name: 'a wide table with CRLF line ends', content: wideTable(300, 3), duckdb: true, profile: '*' },
  // Records straddle the scan's 1 MiB reads: its counts must still be DuckDB's and the JavaScript pass's.
  { name: 'a long table of several megabytes', content: longTable(60_000, 13), duckdb: true },
  { name: 'a wide table of several megabytes with CRLF', content: wideTable(40_000, 17), duckdb: true },
  { name: 'a BOM and semicolons', content: `\ufeff${longTable(200, 5, '\r\n', ';')}`, duckdb: true },
  { name: 'old Mac line ends (CR only)', content: base.replaceAll('\n', '\r'), duckdb: true },
  { name: 'semicolons with a comma in a label', content: withLine(longTable(200, 5, '\n', ';'), 20, 'Leeds, West;2024-01;Male;12'), duckdb: false },
  { name: 'a quoted label holding a semicolon', content: withLine(base, 20, '"Leeds;West",2024-01,Male,12'), duckdb: true },
  { name: 'every value quoted, as R writes it', content: base.replace(/([^,\n]+)/g, '"$1"'), duckdb: true },
  { name: 'an empty line and a row of empty values', content: withLine(withLine(base, 40, ''), 90, ',,,'), duckdb: false },
  { name: 'trailing empty cells beyond the header', content: withLine(base, 12, 'Leeds 9,2024-03,Male,7,,'), duckdb: true },
  { name: 'a trailing empty header cell', content: base.replace('area,month,sex,count\n', 'area,month,sex,count,\n'), duckdb: true },
  { name: 'a label with a comma', content: withLine(base, 30, '"Leeds, West",2024-01,Male,12'), duckdb: false },
  { name: 'a label starting =', content: withLine(base, 31, '=HYPERLINK("x"),2024-01,Male,12'), duckdb: false },
  { name: 'a label starting -', content: withLine(base, 31, '-Leeds,2024-01,Male,12'), duckdb: false },
  { name: 'a label with a space at its end', content: withLine(base, 32, 'Leeds ,2024-01,Male,12'), duckdb: false },
  { name: 'a label with a no-break space at its start', content: withLine(base, 32, '\u00a0Leeds,2024-01,Male,12'), duckdb: false },
  { name: 'a label across two lines', content: withLine(base, 33, '"Leeds\nWest",2024-01,Male,12'), duckdb: false },
  { name: 'a Total row', content: withLine(base, 300, 'Total,2024-01,Male,12345'), duckdb: false },
  { name: 'an All row in any case', content: withLine(base, 300, 'Leeds 1,aLL,Male,12345'), duckdb: false },
  { name: 'a label UK written with the Kelvin sign', content: withLine(base, 300, 'U\u212a,2024-01,Male,12345'), duckdb: false },
  { name: 'a blank label', content: withLine(base, 300, ',2024-01,Male,12'), duckdb: false },
  { name: 'a declared total label in another word', content: withLine(base, 300, 'Leeds 1,2024-01,Everybody,120'), duckdb: false, tableOptions: { totalLabels: ['Everybody'] } },
  { name: 'a fractional count', content: withLine(base, 200, 'Leeds 1,2024-01,Male,1.5'), duckdb: false },
  { name: 'a whole count written 12.0', content: withLine(base, 200, 'Leeds 1,2024-01,Male,12.0'), duckdb: false },
  { name: 'a negative count', content: withLine(base, 200, 'Leeds 1,2024-01,Male,-3'), duckdb: false },
  { name: 'a count with thousands separators', content: withLine(base, 200, 'Leeds 1,2024-01,Male,"1,234"'), duckdb: false },
  { name: 'a count with spaces round it', content: withLine(base, 200, 'Leeds 1,2024-01,Male, 12 '), duckdb: false },
  { name: 'a count with a plus sign', content: withLine(base, 200, 'Leeds 1,2024-01,Male,+12'), duckdb: false },
  { name: 'a count with leading zeros', content: withLine(base, 200, 'Leeds 1,2024-01,Male,007'), duckdb: true },
  { name: 'a count too large to be exact', content: withLine(base, 200, 'Leeds 1,2024-01,Male,12345678901234567890'), duckdb: false },
  { name: 'text in a count column', content: withLine(base, 500, 'Leeds 1,2024-01,Male,n/a'), duckdb: false },
  { name: 'an empty count', content: withLine(base, 500, 'Leeds 1,2024-01,Male,'), duckdb: false },
  { name: 'a ragged row', content: withLine(base, 250, 'Leeds 1,2024-01,12'), duckdb: false },
  { name: 'a row too long', content: withLine(base, 250, 'Leeds 1,2024-01,Male,12,5'), duckdb: false },
  { name: 'a stray quote after a space', content: withLine(base, 250, 'Leeds 1, "2024-01",Male,12'), duckdb: false },
  { name: 'a quote inside a value', content: withLine(base, 250, 'Leeds "1",2024-01,Male,12'), duckdb: false },
  { name: 'an unclosed quote', content: withLine(base, 598, '"Leeds 1,2024-01,Male,12'), duckdb: false },
  { name: 'Windows-1252 text', content: iconv.encode(base.replace('Leeds 0', 'Caf\u00e9 0'), 'win1252'), duckdb: false },
  // Past the first megabyte, which decides the encoding.
  { name: 'a byte that is not UTF-8 late in the file', content: Buffer.concat([Buffer.from(longTable(40000, 9)), Buffer.from([0x4c, 0xe9, 0x2c, 0x61, 0x2c, 0x62, 0x2c, 0x31, 0x0a])]), duckdb: false },
];

const customProfiles: DisclosureProfile[] = (['half-to-even', 'half-down', 'half-up'] as const).map((tie, i) => ({
  ...findBuiltinProfile('nhs-secondary-care')!,
  id: `custom-${tie}`,
  suppression: i === 1 ? null : { min: 1, max: 9 },
  zeros: i === 0 ? 'suppress' : 'show',
  marker: i === 2 ? '[c]' : '-',
  rounding: { base: 10, tie },
}));

function requestFor(path: string, output: string, profile: DisclosureProfile, tableOptions: Partial<TableOptions>): DiscloseFileRequest {
  return {
    input: { kind: 'path', path },
    profile,
    tableOptions: { ...defaultTableOptions, ...tableOptions },
    output: { path: output, format: 'csv' },
    loadSolver: loadHighsSolver,
    now: () => new Date('2026-12-04T12:00:00Z'),
    toolVersion: 'test',
  };
}

/** What discloseFile did before DuckDB: the streaming pass, or the whole table when totals appear. */
async function javascriptOnly(request: DiscloseFileRequest) {
  try {
    return await streamingPass(await openTable(request.input, { totalLabels: request.tableOptions.totalLabels }), request);
  } catch (error) {
    if (!(error instanceof NeedsWholeTable)) throw error;
    return wholeTablePass(await openTable(request.input, { totalLabels: request.tableOptions.totalLabels }), request);
  }
}

/** The outcome a user sees: the file, the report's summary and hashes, or the refusal. */
async function outcome(run: () => Promise<Awaited<ReturnType<typeof discloseFile>>>, output: string) {
  try {
    const result = await run();
    const { summary, audit, input, output: written } = result.report;
    return { published: existsSync(output) ? readFileSync(output) : null, summary, audit, input, written, refusal: result.refusal };
  } catch (error) {
    if (!(error instanceof DisclosureInputError)) throw error;
    return { error: error.message, location: error.location, published: existsSync(output) ? readFileSync(output) : null };
  }
}

describe('disclose in DuckDB: the same tables, refusals and reports as the JavaScript pass', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.duckdb ? 'protected in DuckDB' : 'handed back'}, with the same outcome`, async () => {
      const input = temp.path(`${testCase.name.replace(/\W+/g, '-')}.csv`);
      writeFileSync(input, testCase.content);
      const profiles = testCase.profile === '*' ? [...builtinProfiles, ...customProfiles] : [findBuiltinProfile(testCase.profile ?? 'nhs-secondary-care')!];
      for (const profile of profiles) {
        const fast = temp.path(`fast-${profile.id}.csv`);
        const slow = temp.path(`slow-${profile.id}.csv`);
        const probe = temp.path(`probe-${profile.id}.csv`);
        const options = testCase.tableOptions ?? {};
        // Whether DuckDB took the table, asked directly (its own reader, so nothing is shared).
        let took: boolean;
        try {
          const reader = await openTable({ kind: 'path', path: input }, { totalLabels: { ...defaultTableOptions, ...options }.totalLabels });
          took = (await discloseInDuckDb(reader, requestFor(input, probe, profile, options))) !== null;
        } catch (error) {
          if (!(error instanceof DisclosureInputError)) throw error;
          took = false; // refused by the JavaScript reader's first look (header, sample), before DuckDB
        }
        expect(took, profile.id).toBe(testCase.duckdb);

        const viaDuckDb = await outcome(() => discloseFile(requestFor(input, fast, profile, options)), fast);
        const javascript = await outcome(() => javascriptOnly(requestFor(input, slow, profile, options)), slow);
        expect(viaDuckDb, profile.id).toEqual({ ...javascript, ...('written' in javascript && javascript.written ? { written: { ...javascript.written, file: `fast-${profile.id}.csv` } } : {}) });
      }
      // Nothing left behind by either pass but the published tables.
      expect(readdirSync(temp.dir).filter((name) => name.startsWith('.'))).toEqual([]);
    });
  }
});
