import { countPossibleValues } from '../../shared/disclosure/audit';
import { decideCell, primarySuppressedInterval, type CellReason } from '../../shared/disclosure/cell-rules';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import type { AuditSummary } from '../../shared/disclosure/report';
import { isTotalLabel } from '../../shared/disclosure/table';
import { isTotalLikeLabel } from '../../shared/disclosure/total-like-labels';
import { actionOf, emptySummary, tally } from './cell-reason-report';
import { checkCancelled, type DiscloseFileRequest, type DiscloseFileResult } from './disclose-file-api';
import { finishDisclosure } from './finish-disclosure';
import { PublicationEmitter } from './publication-emitter';
import type { TableReader } from './read/table-reader';

/** Thrown by the streaming pass at the first Total row: the table must be read whole instead. */
export class NeedsWholeTable extends Error {}

/**
 * A row carrying a total-like word (or a blank) may be the sum of others (an "All" row under a
 * `Total` label), which only the whole-table audit can see, so the table is read whole and the
 * audit looks for every sum the values show.
 */
const mayBeTotal = isTotalLikeLabel;

/**
 * Protects a table without totals in one streaming pass, cell by cell, in constant memory:
 * with no equations there is nothing to recover a cell from, so each cell's rule is the whole story.
 */
export async function streamingPass(reader: TableReader, request: DiscloseFileRequest): Promise<DiscloseFileResult> {
  const { profile, tableOptions } = request;
  const { labelColumns, countColumns } = reader.layout;
  const emitter = new PublicationEmitter(request, reader.layout);
  const nationalIndex = tableOptions.national ? labelColumns.indexOf(tableOptions.national.column) : -1;
  const nationalValue = tableOptions.national?.value.trim().toLocaleLowerCase('en-GB') ?? '';
  const counts = emptySummary();
  let sawNational = false;
  const wide = countColumns.length > 1;
  const columnKey = labelColumns.includes('column') ? '(column)' : 'column';
  try {
    await emitter.header();
    for await (const batch of reader.batches) {
      checkCancelled(request.signal);
      const { bytesRead, totalBytes } = reader.progress();
      request.onProgress?.({ phase: 'protecting', fraction: totalBytes ? bytesRead / totalBytes : null, message: `row ${(emitter.rows + 1).toLocaleString('en-GB')}` });
      for (const row of batch) {
        if (row.labels.some((label) => isTotalLabel(label, tableOptions.totalLabels) || mayBeTotal(label))) throw new NeedsWholeTable();
        const national = nationalIndex >= 0 && row.labels[nationalIndex]!.trim().toLocaleLowerCase('en-GB') === nationalValue;
        sawNational ||= national;
        const published: (number | null)[] = [];
        const reasons: CellReason[] = [];
        const notes: (string | null)[] = [];
        for (const value of row.counts) {
          const decision = decideCell(value, profile, national);
          published.push(decision.published);
          reasons.push(decision.reason);
          notes.push(actionOf(decision.reason) ? emitter.rule(decision.reason, null) : null);
          tally(counts, decision.reason);
        }
        await emitter.row(row, published, reasons, notes, (c) => {
          const keys: Record<string, string> = {};
          labelColumns.forEach((name, i) => (keys[name] = row.labels[i]!));
          if (wide) keys[columnKey] = countColumns[c]!;
          return keys;
        });
      }
    }
    if (tableOptions.national && !sawNational) {
      throw new DisclosureInputError(`--national: no row has ${tableOptions.national.column} = "${tableOptions.national.value}"; check the spelling`);
    }
    counts.rows = emitter.rows;
    counts.cells = emitter.rows * countColumns.length;
    return await finishDisclosure(request, reader, emitter, counts, independentAudit(profile, counts.primarySuppressions), false);
  } catch (error) {
    await emitter.abort();
    throw error;
  }
}

/** The audit of a table with no totals: each suppressed cell is alone, so the attacker knows only the rule's range. */
export function independentAudit(profile: DisclosureProfile, primaries: number): AuditSummary {
  const interval = primarySuppressedInterval(profile);
  const possible = interval ? countPossibleValues(interval.low, interval.high) : 0;
  const passed = primaries === 0 || possible >= profile.protectionWidth;
  return {
    status: passed ? 'passed' : 'failed',
    protectionWidth: profile.protectionWidth,
    primaryCellsChecked: primaries,
    solvedWithLinearProgram: 0,
    solverCalls: 0,
    solver: null,
    fewestPossibleValues: primaries === 0 ? null : possible,
    solvedWithIntegerProgram: 0,
    undeclaredTotals: [],
    linkedReleases: [],
    failures: [],
  };
}
