import type { DisclosureProfile } from '../../shared/disclosure/profile';
import { cellRuleSql } from './cell-rule-sql';
import { emptySummary } from './cell-reason-report';
import { checkCancelled, DisclosureCancelled, type DiscloseFileRequest, type DiscloseFileResult } from './disclose-file-api';
import { independentAudit } from './disclose-streaming';
import { finishDisclosure } from './finish-disclosure';
import { PublicationEmitter } from './publication-emitter';
import { detectDelimiter } from './read/delimiter';
import { openDuckDb, sqlName, sqlString } from './read/duckdb';
import { readHead } from './read/open-rows';
import { scanPlainCsv, type PlainCsvScan } from './read/plain-csv-scan';
import type { TableReader } from './read/table-reader';
import { createDecoder, detectEncoding } from './read/text-encoding';
import { createCsvBodyWriter } from './write/csv-body-writer';
import { formatCsvRow } from './write/csv-writer';

/**
 * The streaming pass for a plain CSV, done in two halves that run at once and never make a
 * JavaScript object per row (which cost a million-row table most of its time in garbage
 * collection): DuckDB parses the file, applies the profile's per-cell rule and writes the published
 * table with one COPY, while this thread reads the same bytes once to hash them, to check that the
 * table is plain (scanPlainCsv) and to count the cells the rule suppresses and rounds.
 *
 * It answers only what it is sure the JavaScript pass would answer the same way, byte for byte.
 * Any row it cannot vouch for — a count not written as plain digits, a label that may be a total
 * (or is blank), a label the CSV writer would quote or guard against formulas, one holding a quote or
 * a line break, a ragged row, bytes that are not UTF-8, a stray quote — or DuckDB counting other rows
 * than the scan makes it give up (null) before anything is published, and the caller runs the
 * JavaScript pass, which gives the answer or refuses with the row and column. So this changes how
 * long disclosure takes, never what it publishes or refuses;
 * test/integration/disclose-duckdb-equivalence.test.ts holds the two passes to that.
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
  request.onProgress?.({ phase: 'protecting', fraction: null, message: 'every cell' });
  await emitter.header();

  let duckdb: Awaited<ReturnType<typeof openDuckDb>>;
  try {
    duckdb = await openDuckDb({ threads: 1 });
  } catch {
    await emitter.abort();
    return null; // DuckDB's binding would not load here: the JavaScript pass does it all, as before
  }
  const { connection, close } = duckdb;
  const interrupt = () => connection.interrupt();
  request.signal?.addEventListener('abort', interrupt);
  let scan: PlainCsvScan;
  let written: number;
  try {
    const sql = publishedTableSql(path, delimiter, labelColumns.length, countColumns.length, request.profile, writer.headerLine());
    const copying = connection.runAndReadAll(`COPY (${sql}) TO ${sqlString(writer.tempPath)} (FORMAT csv, HEADER true, QUOTE '', ESCAPE '', DELIMITER '\u0001')`);
    const scanning = scanPlainCsv(path, {
      delimiter,
      bomLength,
      labelColumns: labelColumns.length,
      countColumns: countColumns.length,
      totalLabels: request.tableOptions.totalLabels,
      profile: request.profile,
    });
    // Both settle before either is judged, so that DuckDB is never left writing a discarded file.
    const [copied, scanned] = await Promise.allSettled([copying, scanning]);
    if (scanned.status === 'rejected') throw scanned.reason;
    scan = scanned.value;
    written = copied.status === 'fulfilled' ? rowsCopied(copied.value.getRows()) : -1;
  } catch {
    // The file could not be read through: the JavaScript pass meets the same problem and says what it is.
    await emitter.abort();
    if (request.signal?.aborted) throw new DisclosureCancelled();
    return null;
  } finally {
    request.signal?.removeEventListener('abort', interrupt);
    close();
  }
  if (request.signal?.aborted) {
    await emitter.abort();
    throw new DisclosureCancelled();
  }
  if (!scan.plain || written !== scan.rows) {
    await emitter.abort();
    return null; // not plain, or DuckDB read it otherwise: the JavaScript pass decides
  }
  try {
    checkCancelled(request.signal);
    const summary = emptySummary();
    summary.rows = scan.rows;
    summary.cells = scan.rows * countColumns.length;
    summary.primarySuppressions = summary.suppressed = scan.primary;
    summary.rounded = scan.rounded;
    summary.unchanged = summary.cells - scan.primary - scan.rounded;
    emitter.rows = scan.rows;
    emitter.changes.count = scan.primary + scan.rounded;
    const hashed: TableReader = { ...reader, sha256: () => scan.sha256 };
    return await finishDisclosure(request, hashed, emitter, summary, independentAudit(request.profile, scan.primary), false);
  } catch (error) {
    await emitter.abort();
    throw error;
  }
}

/**
 * Only the plain case: a CSV file on disk in UTF-8, published as CSV, with no national rows, no
 * percentages, no linked releases, no report of each changed cell and no preview (those need each
 * cell's source row, which DuckDB does not give), and total labels in plain ASCII (so that the scan
 * can find the labels that might be one by their first letter and length).
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

/** COPY answers with the number of rows it wrote. */
function rowsCopied(rows: unknown[][]): number {
  const count = Number(rows[0]?.[0]);
  return Number.isSafeInteger(count) ? count : -1;
}

/**
 * The published table as one text column whose name is the header line, so that COPY (with no
 * quoting) writes the header and then each row, CRLF-terminated, exactly as the CSV writer would:
 * labels as they are (the scan has made sure none needs quoting or a formula guard), each count by
 * the profile's rule, the marker (formatted as the writer formats it) where a cell is suppressed.
 * Every column is read as text, with the dialect spelt out so that nothing is guessed; a count that
 * is not a whole number fails the cast, and the whole COPY with it.
 */
export function publishedTableSql(path: string, delimiter: string, labelCount: number, countCount: number, profile: DisclosureProfile, headerLine: string): string {
  const names = Array.from({ length: labelCount + countCount }, (_, i) => `c${i}`);
  const labels = names.slice(0, labelCount);
  const counts = names.slice(labelCount);
  const columns = names.map((name) => `'${name}': 'VARCHAR'`).join(', ');
  const source =
    `read_csv(${sqlString(path)}, header = true, auto_detect = false, columns = {${columns}}, delim = ${sqlString(delimiter)}, ` +
    `quote = '"', escape = '"', strict_mode = true, null_padding = false, encoding = 'utf-8')`;
  const marker = sqlString(formatCsvRow([profile.marker]));
  const published = counts.map((_, i) => `coalesce(CAST(${cellRuleSql(profile, `v${i}`).published} AS VARCHAR), ${marker})`);
  const cells = [...labels, ...published].flatMap((cell, i) => (i === 0 ? [cell] : [`','`, cell]));
  const cast = `SELECT *, ${counts.map((name, i) => `CAST(${name} AS BIGINT) AS v${i}`).join(', ')} FROM ${source}`;
  return `SELECT concat(${cells.join(', ')}, chr(13)) AS ${sqlName(`${headerLine}\r`)} FROM (${cast})`;
}
