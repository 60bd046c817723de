import type { DuckDBConnection } from '@duckdb/node-api';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import { cellCode, cellRuleSql } from './cell-rule-sql';
import { emptySummary } from './cell-reason-report';
import { checkCancelled, DisclosureCancelled, type DiscloseFileRequest, type DiscloseFileResult } from './disclose-file-api';
import { independentAudit } from './disclose-streaming';
import { finishDisclosure } from './finish-disclosure';
import { PublicationEmitter } from './publication-emitter';
import { scanCsvQuotes, type CsvScan } from './read/csv-quote-scan';
import { detectDelimiter } from './read/delimiter';
import { openDuckDb, sqlName, sqlString } from './read/duckdb';
import { readHead } from './read/open-rows';
import type { TableReader } from './read/table-reader';
import { createDecoder, detectEncoding } from './read/text-encoding';
import { createCsvBodyWriter } from './write/csv-body-writer';
import { formatCsvRow } from './write/csv-writer';

/**
 * The streaming pass for a plain CSV, done inside DuckDB: it parses the file, checks every count,
 * applies the profile's per-cell rule and writes the published table with one COPY, so no row ever
 * becomes a JavaScript object (which cost a million-row table most of its time in garbage
 * collection).
 *
 * It answers only what it is sure the JavaScript pass would answer the same way, byte for byte.
 * Any row it cannot vouch for — a count not written as plain digits, a label that may be a total
 * (or is blank), a label the CSV writer would quote or guard against formulas, one holding a quote or
 * a line break, a ragged row, bytes that are not UTF-8, a stray quote — makes it give up (null)
 * before anything is published, and the caller runs the JavaScript pass, which gives the answer or
 * refuses with the row and column. So this changes how long disclosure takes, never what it
 * publishes or refuses; test/integration/disclose-duckdb-equivalence.test.ts holds the two passes
 * to that.
 */
export async function discloseInDuckDb(reader: TableReader, request: DiscloseFileRequest): Promise<DiscloseFileResult | null> {
  if (!applies(reader, request)) return null;
  const path = (request.input as { kind: 'path'; path: string }).path;
  const head = readHead(path, 1 << 16);
  const { bomLength } = detectEncoding(head);
  const delimiter = detectDelimiter(createDecoder('utf-8').decode(head.subarray(bomLength)));
  const { labelColumns, countColumns } = reader.layout;
  const writer = createCsvBodyWriter(request.output!.path, labelColumns.length + countColumns.length);
  const emitter = new PublicationEmitter(request, reader.layout, writer);
  request.onProgress?.({ phase: 'protecting', fraction: null, message: 'Protecting every cell' });
  await emitter.header();

  const { connection, close } = await openDuckDb({ threads: 1 });
  const interrupt = () => connection.interrupt();
  request.signal?.addEventListener('abort', interrupt);
  let outcome: [CsvScan, Counted];
  try {
    const sql = protectionSql(path, delimiter, labelColumns.length, countColumns.length, request.profile, request.tableOptions.totalLabels);
    // The input is hashed and its quotes checked while DuckDB works on its own thread.
    const protecting = protect(connection, sql, writer.headerLine(), writer.tempPath, countColumns.length);
    outcome = await Promise.all([scanCsvQuotes(path, delimiter, bomLength), protecting]);
  } catch {
    await emitter.abort();
    if (request.signal?.aborted) throw new DisclosureCancelled();
    return null; // DuckDB could not vouch for the file: the JavaScript pass decides
  } finally {
    request.signal?.removeEventListener('abort', interrupt);
    close();
  }
  const [scan, counted] = outcome;
  if (scan.strayQuote) {
    await emitter.abort();
    return null;
  }
  try {
    checkCancelled(request.signal);
    const summary = emptySummary();
    summary.rows = counted.rows;
    summary.cells = counted.rows * countColumns.length;
    summary.primarySuppressions = summary.suppressed = counted.primary;
    summary.rounded = counted.rounded;
    summary.unchanged = summary.cells - counted.primary - counted.rounded;
    emitter.rows = counted.rows;
    emitter.changes.count = counted.primary + counted.rounded;
    const hashed: TableReader = { ...reader, sha256: () => scan.sha256 };
    return await finishDisclosure(request, hashed, emitter, summary, independentAudit(request.profile, counted.primary), false);
  } catch (error) {
    await emitter.abort();
    throw error;
  }
}

/**
 * Only the plain case: a CSV file on disk in UTF-8, published as CSV, with no national rows, no
 * percentages, no linked releases, no report of each changed cell and no preview (those need each
 * cell's source row, which DuckDB does not give), and total labels in plain ASCII (so that matching
 * them ignoring case means the same in SQL as in JavaScript).
 */
function applies(reader: TableReader, request: DiscloseFileRequest): boolean {
  const { tableOptions } = request;
  return (
    request.input.kind === 'path' &&
    reader.layout.labelColumns.length > 0 &&
    reader.description.format === 'csv' &&
    (reader.description.encoding ?? '').startsWith('UTF-8') &&
    request.output?.format === 'csv' &&
    !request.reportPath &&
    !request.internalReportPath &&
    !request.previewRows &&
    !request.earlierReleases &&
    !tableOptions.national &&
    !tableOptions.percentages &&
    tableOptions.totalLabels.every((label) => /^[\x20-\x7e]*$/.test(label))
  );
}

interface Counted {
  rows: number;
  primary: number;
  rounded: number;
}

/**
 * Writes the published table (header line, then every row) to `target` and counts its cells by
 * reason. The count rides along with the COPY: each cell advances one of three sequences, chosen by
 * its reason, so the table is read once. Should the three not add up to every cell (an engine that
 * evaluated a branch it need not have), a second reading counts them instead.
 */
async function protect(connection: DuckDBConnection, sql: ProtectionSql, headerLine: string, target: string, countColumns: number): Promise<Counted> {
  await connection.run(sql.sequences);
  const copied = await connection.runAndReadAll(
    `COPY (${sql.lines(headerLine)}) TO ${sqlString(target)} (FORMAT csv, HEADER true, QUOTE '', ESCAPE '', DELIMITER '\u0001')`,
  );
  const rows = Number(copied.getRows()[0]?.[0] ?? Number.NaN);
  const [advanced] = (await connection.runAndReadAll(sql.tallies)).getRows();
  const [unchanged, primary, rounded] = advanced!.map(Number) as [number, number, number];
  if (Number.isSafeInteger(rows) && unchanged + primary + rounded === rows * countColumns) return { rows, primary, rounded };
  const [recounted] = (await connection.runAndReadAll(sql.counts)).getRows();
  const [total, primaryAgain, roundedAgain] = recounted!.map(Number) as [number, number, number];
  return { rows: total, primary: primaryAgain, rounded: roundedAgain };
}

interface ProtectionSql {
  /** Makes the three sequences that count cells by reason, each at 0. */
  sequences: string;
  /** The published table's rows, one text column named as the header line. */
  lines: (headerLine: string) => string;
  /** How far each sequence advanced: unchanged, suppressed and rounded cells. */
  tallies: string;
  /** The same three counts, and the rows, by reading the file again. */
  counts: string;
}

/**
 * Whitespace as JavaScript's trim() and \s know it (WhiteSpace and LineTerminator), as an RE2
 * class: RE2's own \s is ASCII only.
 */
const space = '[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';

/** Words a total may be labelled with (isTotalLikeLabel). */
const totalLikeWords = [
  'all', 'all persons', 'all people', 'persons', 'people', 'total', 'totals', 'grand total', 'subtotal', 'sub-total', 'overall', 'sum',
  'any', 'everyone', 'england', 'national', 'uk', 'united kingdom', 'great britain', 'england and wales',
];

const sequenceOf = { [cellCode.unchanged]: 'cells_unchanged', [cellCode.primary]: 'cells_primary', [cellCode.rounded]: 'cells_rounded' };
const sequences = Object.values(sequenceOf);

export function protectionSql(
  path: string,
  delimiter: string,
  labelCount: number,
  countCount: number,
  profile: DisclosureProfile,
  totalLabels: readonly string[],
): ProtectionSql {
  const names = Array.from({ length: labelCount + countCount }, (_, i) => `c${i}`);
  const labels = names.slice(0, labelCount);
  const counts = names.slice(labelCount);
  const columns = names.map((name) => `'${name}': 'VARCHAR'`).join(', ');
  const source =
    `read_csv(${sqlString(path)}, header = true, auto_detect = false, columns = {${columns}}, delim = ${sqlString(delimiter)}, ` +
    `quote = '"', escape = '"', strict_mode = true, null_padding = false, encoding = 'utf-8')`;
  const text = (name: string) => `coalesce(${name}, '')`;
  // The labels joined by the unit separator, so that one regular expression looks at them all (a
  // label holding that character can only make it answer yes more often, never less).
  const joined = `concat_ws(chr(31), ${labels.map(text).join(', ')})`;
  // One regular expression over the joined labels finds every row left to the JavaScript pass:
  // - a label the JavaScript writer would change (a formula guard, quotes), or that its reader might
  //   read differently (a quote, a line break), or with space at either end (where trimming decides
  //   whether it is a total): rare in tables, and not imitated here;
  // - a blank label, or one that is a total or total-like, which sends the JavaScript pass to read
  //   the table whole. RE2's case folding matches at least every spelling that toLocaleLowerCase
  //   turns into the word (the Kelvin sign K included).
  const words = [...new Set([...totalLikeWords, ...totalLabels.map((label) => label.trim().toLowerCase())])].filter(Boolean).map(escapeRegex);
  const unusual =
    `["\\r\\n\\x{01},]|(?:^|\\x{1F})(?:[=+\\-@\\t]|${space}|\\x{1F}|$)|${space}(?:\\x{1F}|$)` +
    `|(?i:(?:^|\\x{1F})(?:${words.join('|')})(?:\\x{1F}|$))`;
  const doubtful = [
    `regexp_matches(${joined}, ${sqlString(unusual)})`,
    // A blank row (skipped by the JavaScript reader) is doubtful too: its count is not digits.
    ...counts.map((name) => `NOT regexp_full_match(${text(name)}, '[0-9]{1,15}')`),
  ].join(' OR ');
  const marker = sqlString(formatCsvRow([profile.marker]));
  const rules = counts.map((_, i) => cellRuleSql(profile, `v${i}`));
  const published = rules.map((rule) => `coalesce(CAST(${rule.published} AS VARCHAR), ${marker})`);
  // Each cell advances the sequence of its reason; the sum is never negative, so every row ends in CRLF.
  const tally = rules
    .map((rule) => `CASE (${rule.code}) WHEN ${cellCode.primary} THEN nextval('${sequenceOf[cellCode.primary]}') WHEN ${cellCode.rounded} THEN nextval('${sequenceOf[cellCode.rounded]}') ELSE nextval('${sequenceOf[cellCode.unchanged]}') END`)
    .join(' + ');
  const lineEnd = `CASE WHEN ${tally} >= 0 THEN chr(13) ELSE error('a sequence went below zero') END`;
  // Each count is cast once; a value that is not plain digits fails the cast or is doubtful, and either gives up.
  const cast = `SELECT *, ${counts.map((name, i) => `CAST(${name} AS BIGINT) AS v${i}`).join(', ')} FROM ${source}`;
  const countOf = (code: number) => rules.map((rule) => `count_if((${rule.code}) = ${code})`).join(' + ');
  return {
    // Each starts at 0 and is advanced once, so that its current value is the number of cells counted.
    sequences: sequences.map((name) => `CREATE OR REPLACE SEQUENCE ${name} MINVALUE 0 START 0; SELECT nextval('${name}');`).join(' '),
    lines: (headerLine) =>
      `SELECT CASE WHEN ${doubtful} THEN error('left to the JavaScript reader') ELSE concat_ws(',', ${labels.join(', ')}, ${published.join(', ')}) || ${lineEnd} END ` +
      // The header line is the column's name: COPY writes it first, as it is (QUOTE '').
      `AS ${sqlName(`${headerLine}\r`)} FROM (${cast})`,
    tallies: `SELECT ${[cellCode.unchanged, cellCode.primary, cellCode.rounded].map((code) => `currval('${sequenceOf[code]}')`).join(', ')}`,
    counts: `SELECT count(*), ${countOf(cellCode.primary)}, ${countOf(cellCode.rounded)} FROM (${cast})`,
  };
}

const escapeRegex = (text: string) => text.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&');
