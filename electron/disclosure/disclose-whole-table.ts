import type { CellReason } from '../../shared/disclosure/cell-rules';
import { discloseTable, type DisclosureOutcome } from '../../shared/disclosure/disclose';
import type { AuditSummary } from '../../shared/disclosure/report';
import { cellKeys, describeCell, type CountTable, type TableRow } from '../../shared/disclosure/table';
import { actionOf, emptySummary, tally } from './cell-reason-report';
import { checkCancelled, type DiscloseFileRequest, type DiscloseFileResult } from './disclose-file-api';
import { finishDisclosure } from './finish-disclosure';
import { PublicationEmitter } from './publication-emitter';
import type { TableReader } from './read/table-reader';

/**
 * Protects a table with totals: it is read whole and handed to the engine for the totals convention,
 * complementary suppression and the linear-program audit, then written row by row.
 */
export async function wholeTablePass(reader: TableReader, request: DiscloseFileRequest): Promise<DiscloseFileResult> {
  const { profile, tableOptions } = request;
  const rows: TableRow[] = [];
  for await (const batch of reader.batches) {
    for (const row of batch) rows.push(row);
    checkCancelled(request.signal);
    const { bytesRead, totalBytes } = reader.progress();
    request.onProgress?.({ phase: 'reading', fraction: totalBytes ? bytesRead / totalBytes : null, message: `Read ${rows.length} rows` });
  }
  checkCancelled(request.signal);
  const table: CountTable = { labelColumns: reader.layout.labelColumns, countColumns: reader.layout.countColumns, rows };
  request.onProgress?.({ phase: 'protecting', fraction: null, message: 'Applying the profile and choosing complementary cells' });
  const solver = await request.loadSolver();
  const outcome = discloseTable(
    table,
    profile,
    tableOptions,
    solver,
    (message) => request.onProgress?.({ phase: message.includes('audit') ? 'auditing' : 'protecting', fraction: null, message: sentenceCase(message) }),
    request.earlierReleases ?? [],
  );
  checkCancelled(request.signal);

  const emitter = new PublicationEmitter(request, reader.layout);
  const counts = emptySummary();
  const width = table.countColumns.length;
  const { publication } = outcome;
  try {
    await emitter.header();
    request.onProgress?.({ phase: 'writing', fraction: null, message: 'Writing the published table' });
    for (let r = 0; r < rows.length; r++) {
      if (r % 4096 === 0) checkCancelled(request.signal);
      const published: (number | null)[] = [];
      const reasons: CellReason[] = [];
      const notes: (string | null)[] = [];
      for (let c = 0; c < width; c++) {
        const cell = r * width + c;
        const reason = publication.reason(cell);
        published.push(publication.value(cell));
        reasons.push(reason);
        const protects = publication.protects[cell]!;
        notes.push(actionOf(reason) ? emitter.rule(reason, protects >= 0 ? describeCell(table, protects) : null) : null);
        tally(counts, reason);
      }
      await emitter.row(rows[r]!, published, reasons, notes, (c) => cellKeys(table, r * width + c), outcome.percentages?.slice(r * width, (r + 1) * width));
    }
    counts.rows = rows.length;
    counts.cells = rows.length * width;
    const summary = {
      ...counts,
      complementaryLowerBound: outcome.secondary?.lowerBound ?? null,
      complementaryMethod: outcome.secondary?.method ?? null,
    };
    return await finishDisclosure(request, reader, emitter, summary, auditSummary(outcome), (outcome.secondary?.added ?? 0) > 0, outcome.releaseAs);
  } catch (error) {
    await emitter.abort();
    throw error;
  }
}

function auditSummary(outcome: DisclosureOutcome): AuditSummary {
  const { audit, subject } = outcome;
  const width = subject.table.countColumns.length;
  let fewest = Infinity;
  for (const cell of audit.cells) fewest = Math.min(fewest, cell.possibleValues);
  return {
    status: audit.passed ? 'passed' : 'failed',
    protectionWidth: audit.protectionWidth,
    primaryCellsChecked: audit.cells.length,
    solvedWithLinearProgram: audit.cells.filter((c) => c.solved).length,
    solverCalls: audit.solverCalls,
    solver: audit.solverCalls > 0 ? audit.solver : null,
    fewestPossibleValues: audit.cells.length === 0 ? null : fewest === Infinity ? 'unbounded' : fewest,
    solvedWithIntegerProgram: audit.cells.filter((c) => c.integer).length,
    undeclaredTotals: audit.undeclaredTotals.map((found) => ({
      column: found.column >= 0 ? subject.table.labelColumns[found.column]! : '(count columns)',
      label: found.label,
      rows: found.rows.slice(0, 20).map((r) => subject.table.rows[r]!.sourceRow),
    })),
    linkedReleases: audit.linkedReleases.map((r) => ({ name: r.name, linked: r.linked, failures: r.failures.length })),
    failures: audit.cells
      .filter((c) => !c.passed)
      .map((c) => ({
        row: subject.table.rows[Math.floor(c.cell / width)]!.sourceRow,
        keys: cellKeys(subject.table, c.cell),
        possibleValues: c.possibleValues === Infinity ? ('unbounded' as const) : c.possibleValues,
      })),
  };
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
