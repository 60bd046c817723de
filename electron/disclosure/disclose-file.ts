import { firstRowsShown } from '../../shared/disclosure/first-rows';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { describeTotalLabels, isTotalLabel, type TableOptions } from '../../shared/disclosure/table';
import type { DiscloseFileRequest, DiscloseFileResult } from './disclose-file-api';
import { discloseInDuckDb } from './disclose-in-duckdb';
import { NeedsWholeTable, streamingPass } from './disclose-streaming';
import { wholeTablePass } from './disclose-whole-table';
import { checkOutputPaths } from './output-paths';
import { openTable, type TableReader } from './read/table-reader';

export { DisclosureCancelled, type DiscloseFileRequest, type DiscloseFileResult, type DisclosureProgress } from './disclose-file-api';
export { refusalMessage } from './finish-disclosure';

/**
 * Protects a table file end to end: read and check it, apply the profile, run the attacker's audit,
 * and (unless the audit fails) write the published table and the report, each atomically.
 *
 * A table without totals is protected in one streaming pass, cell by cell, in constant memory:
 * with no equations there is nothing to recover a cell from, so each cell's rule is the whole story.
 * The moment a Total row appears (or a Total column is in the header), the table is read whole and
 * handed to the engine for the totals convention, complementary suppression and the linear-program
 * audit.
 */
export async function discloseFile(request: DiscloseFileRequest): Promise<DiscloseFileResult> {
  const inputPath = request.input.kind === 'path' ? request.input.path : null;
  checkOutputPaths(inputPath, request.output?.path ?? null, request.reportPath ?? null, request.internalReportPath ?? null);
  const open = () => openTable(request.input, { sheet: request.sheet, totalLabels: request.tableOptions.totalLabels });
  const reader = await open();
  if (request.onFirstRows && request.previewRows) {
    const { labelColumns, countColumns } = reader.layout;
    const rows = reader.firstRows(Math.min(request.previewRows, firstRowsShown)).map((row) => ({ row: row.sourceRow, labels: row.labels, counts: row.counts }));
    request.onFirstRows({ labelColumns, countColumns, rows });
  }
  checkNationalColumn(reader, request.tableOptions);
  const hasTotalColumn = reader.layout.countColumns.some((name) => isTotalLabel(name, request.tableOptions.totalLabels));
  if (request.tableOptions.percentages && !hasTotalColumn) {
    throw new DisclosureInputError(
      `percentages are shares of a count column headed ${describeTotalLabels(request.tableOptions.totalLabels)}; this table has none (use a wide table with a Total column)`,
    );
  }
  // National rows may be the sum of the rows beneath them: an equation only the whole table shows.
  // A table linked to earlier releases is audited with them, which needs it whole.
  if (!hasTotalColumn && !request.tableOptions.national && !request.earlierReleases) {
    try {
      // A plain CSV is protected inside DuckDB; anything it cannot vouch for comes back to this pass.
      return (await discloseInDuckDb(reader, request)) ?? (await streamingPass(reader, request));
    } catch (error) {
      if (!(error instanceof NeedsWholeTable)) throw error;
      request.onProgress?.({ phase: 'reading', fraction: 0, message: 'The table has totals: reading it whole' });
      return wholeTablePass(await open(), request);
    }
  }
  return wholeTablePass(reader, request);
}

function checkNationalColumn(reader: TableReader, options: TableOptions): void {
  const national = options.national;
  if (national && !reader.layout.labelColumns.includes(national.column)) {
    const known = reader.layout.labelColumns.map((c) => `"${c}"`).join(', ') || 'none';
    throw new DisclosureInputError(`--national names the column "${national.column}", which is not a label column (label columns: ${known})`);
  }
}
