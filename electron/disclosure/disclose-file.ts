import { basename } from 'node:path';
import { countPossibleValues } from '../../shared/disclosure/audit';
import { decideCell, explainReason, primarySuppressedInterval, type CellReason } from '../../shared/disclosure/cell-rules';
import { discloseTable, type DisclosureOutcome } from '../../shared/disclosure/disclose';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { legendLines } from '../../shared/disclosure/legend';
import type { LpSolver } from '../../shared/disclosure/linear-program';
import type { PublishedPercentage } from '../../shared/disclosure/percentages';
import type { DisclosurePreview, PreviewRow } from '../../shared/disclosure/preview';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import {
  profileParameters,
  type AuditSummary,
  type DisclosureReportHead,
  type DisclosureSummary,
  type ReportAction,
  type ReportChange,
} from '../../shared/disclosure/report';
import { cellKeys, describeCell, isTotalLabel, type CountTable, type TableOptions, type TableRow } from '../../shared/disclosure/table';
import { checkOutputPaths } from './output-paths';
import { openTable, type TableReader } from './read/table-reader';
import { inputName, type TableInput } from './read/table-input';
import { createCsvWriter } from './write/csv-writer';
import { ReportChanges } from './write/report-writer';
import { xlsxMaxRows, type OutputFormat, type TableWriter } from './write/table-writer';
import { createXlsxWriter } from './write/xlsx-writer';

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
export interface DiscloseFileRequest {
  input: TableInput;
  sheet?: string;
  profile: DisclosureProfile;
  tableOptions: TableOptions;
  output?: { path: string; format: OutputFormat } | null;
  reportPath?: string | null;
  previewRows?: number;
  loadSolver: () => Promise<LpSolver>;
  signal?: AbortSignal;
  onProgress?: (progress: DisclosureProgress) => void;
  now?: () => Date;
  toolVersion: string;
}

export interface DisclosureProgress {
  phase: 'reading' | 'protecting' | 'auditing' | 'writing';
  /** 0–1 where known. */
  fraction: number | null;
  message: string;
}

export interface DiscloseFileResult {
  report: DisclosureReportHead;
  changesPreview: ReportChange[];
  changeCount: number;
  preview: DisclosurePreview;
  /** Set when the attacker's audit failed: nothing was written but the report. */
  refusal: string | null;
}

export class DisclosureCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'DisclosureCancelled';
  }
}

class NeedsWholeTable extends Error {}

export async function discloseFile(request: DiscloseFileRequest): Promise<DiscloseFileResult> {
  const inputPath = request.input.kind === 'path' ? request.input.path : null;
  checkOutputPaths(inputPath, request.output?.path ?? null, request.reportPath ?? null);
  const open = () => openTable(request.input, { sheet: request.sheet, totalLabel: request.tableOptions.totalLabel });
  const reader = await open();
  checkNationalColumn(reader, request.tableOptions);
  const hasTotalColumn = reader.layout.countColumns.some((name) => isTotalLabel(name, request.tableOptions.totalLabel));
  if (request.tableOptions.percentages && !hasTotalColumn) {
    throw new DisclosureInputError(
      `percentages are shares of a count column headed "${request.tableOptions.totalLabel}"; this table has none (use a wide table with a Total column)`,
    );
  }
  if (!hasTotalColumn) {
    try {
      return await streamingPass(reader, request);
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

/** Everything a pass needs to write rows, changes and the preview the same way. */
class Emitter {
  readonly changes: ReportChanges;
  readonly previewRows: PreviewRow[] = [];
  readonly writer: TableWriter | null;
  rows = 0;
  private readonly ruleText = new Map<string, string>();

  constructor(
    private readonly request: DiscloseFileRequest,
    private readonly layout: { labelColumns: string[]; countColumns: string[] },
  ) {
    this.changes = new ReportChanges(request.reportPath ?? null);
    const { totalLabel, percentages } = request.tableOptions;
    this.percentColumns = percentages
      ? layout.countColumns.flatMap((name, c) => (isTotalLabel(name, totalLabel) ? [] : [c]))
      : [];
    const output = request.output;
    this.writer = output ? (output.format === 'xlsx' ? createXlsxWriter(output.path) : createCsvWriter(output.path, this.width)) : null;
  }

  get width(): number {
    return this.layout.labelColumns.length + this.layout.countColumns.length + this.percentColumns.length;
  }

  /** With percentages, each count column but the Total gets a "% of Total" column after the counts. */
  readonly percentColumns: number[];

  async header(): Promise<void> {
    const percentHeaders = this.percentColumns.map((c) => `${this.layout.countColumns[c]} %`);
    await this.writer?.writeRow([...this.layout.labelColumns, ...this.layout.countColumns, ...percentHeaders]);
  }

  rule(reason: CellReason, protects: string | null): string {
    const key = `${reason}\u0000${protects ?? ''}`;
    let text = this.ruleText.get(key);
    if (!text) {
      text = explainReason(reason, this.request.profile, protects);
      this.ruleText.set(key, text);
    }
    return text;
  }

  async row(
    row: TableRow,
    published: (number | null)[],
    reasons: CellReason[],
    notes: (string | null)[],
    keysOf: (column: number) => Record<string, string>,
    percentages: PublishedPercentage[] = [],
  ): Promise<void> {
    this.rows++;
    if (this.request.output?.format === 'xlsx' && this.rows >= xlsxMaxRows) {
      throw new DisclosureInputError(`the table has more rows than an XLSX sheet can hold (${xlsxMaxRows - 1}); export it as CSV`);
    }
    const { marker } = this.request.profile;
    for (let c = 0; c < reasons.length; c++) {
      const action = actionOf(reasons[c]!);
      if (action) {
        const pending = this.changes.add({ row: row.sourceRow, keys: keysOf(c), action, rule: notes[c]!, published: published[c] ?? marker });
        if (pending) await pending;
      }
    }
    const percentCells = this.percentColumns.map((c) => {
      const p = percentages[c];
      return p === null ? marker : p === undefined ? '' : p;
    });
    if (this.previewRows.length < (this.request.previewRows ?? 0)) {
      this.previewRows.push({
        row: row.sourceRow,
        labels: row.labels,
        original: row.counts,
        published,
        reasons,
        notes,
        percentages: percentCells.map(String),
      });
    }
    if (this.writer) {
      const cells: (string | number)[] = [...row.labels];
      for (const value of published) cells.push(value ?? marker);
      cells.push(...percentCells);
      const pending = this.writer.writeRow(cells);
      if (pending) await pending;
    }
  }

  async abort(): Promise<void> {
    await this.writer?.abort();
    this.changes.dispose();
  }
}

function actionOf(reason: CellReason): ReportAction | null {
  switch (reason) {
    case 'primary':
    case 'secondary':
      return 'suppressed';
    case 'rounded':
      return 'rounded';
    case 'total-recomputed':
      return 'recomputed';
    default:
      return null;
  }
}

const checkCancelled = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new DisclosureCancelled();
};

async function streamingPass(reader: TableReader, request: DiscloseFileRequest): Promise<DiscloseFileResult> {
  const { profile, tableOptions } = request;
  const { labelColumns, countColumns } = reader.layout;
  const emitter = new Emitter(request, reader.layout);
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
      request.onProgress?.({ phase: 'protecting', fraction: totalBytes ? bytesRead / totalBytes : null, message: `Protecting row ${emitter.rows + 1}` });
      for (const row of batch) {
        if (row.labels.some((label) => isTotalLabel(label, tableOptions.totalLabel))) throw new NeedsWholeTable();
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
    return await finish(request, reader, emitter, counts, independentAudit(profile, counts.primarySuppressions), false);
  } catch (error) {
    await emitter.abort();
    throw error;
  }
}

/** The audit of a table with no totals: each suppressed cell is alone, so the attacker knows only the rule's range. */
function independentAudit(profile: DisclosureProfile, primaries: number): AuditSummary {
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
    failures: [],
  };
}

async function wholeTablePass(reader: TableReader, request: DiscloseFileRequest): Promise<DiscloseFileResult> {
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
  const outcome = discloseTable(table, profile, tableOptions, solver, (message) =>
    request.onProgress?.({ phase: message.includes('audit') ? 'auditing' : 'protecting', fraction: null, message: sentenceCase(message) }),
  );
  checkCancelled(request.signal);

  const emitter = new Emitter(request, reader.layout);
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
    return await finish(request, reader, emitter, counts, auditSummary(outcome), (outcome.secondary?.added ?? 0) > 0);
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
    failures: audit.cells
      .filter((c) => !c.passed)
      .map((c) => ({
        row: subject.table.rows[Math.floor(c.cell / width)]!.sourceRow,
        keys: cellKeys(subject.table, c.cell),
        possibleValues: c.possibleValues === Infinity ? ('unbounded' as const) : c.possibleValues,
      })),
  };
}

async function finish(
  request: DiscloseFileRequest,
  reader: TableReader,
  emitter: Emitter,
  summary: DisclosureSummary,
  audit: AuditSummary,
  complementaryUsed: boolean,
): Promise<DiscloseFileResult> {
  const { profile } = request;
  const refused = audit.status === 'failed';
  let output: DisclosureReportHead['output'] = null;
  if (refused) {
    await emitter.writer?.abort();
  } else if (emitter.writer && request.output) {
    request.onProgress?.({ phase: 'writing', fraction: 1, message: 'Saving the published table' });
    const { sha256 } = await emitter.writer.finish(legendLines(profile, complementaryUsed));
    output = { file: basename(request.output.path), sha256, format: request.output.format };
  }
  const description = reader.description;
  const head: DisclosureReportHead = {
    report: 'custodian-disclosure',
    reportVersion: 1,
    createdAt: (request.now?.() ?? new Date()).toISOString(),
    tool: { name: 'Custodian', version: request.toolVersion },
    input: {
      file: basename(inputName(request.input)),
      sha256: reader.sha256(),
      format: description.format,
      encoding: description.encoding ?? null,
      delimiter: description.delimiter ?? null,
      sheet: description.sheet ?? null,
      labelColumns: reader.layout.labelColumns,
      countColumns: reader.layout.countColumns,
    },
    output,
    profile: { id: profile.id, version: profile.version, name: profile.name, parameters: profileParameters(profile), sources: profile.sources },
    options: {
      totalLabel: request.tableOptions.totalLabel,
      national: request.tableOptions.national,
      percentages: Boolean(request.tableOptions.percentages),
    },
    summary,
    audit,
    exportRefused: refused,
  };
  if (request.reportPath) await emitter.changes.writeReport(request.reportPath, head);
  else emitter.changes.dispose();
  return {
    report: head,
    changesPreview: emitter.changes.preview,
    changeCount: emitter.changes.count,
    preview: {
      labelColumns: reader.layout.labelColumns,
      countColumns: reader.layout.countColumns,
      percentColumns: emitter.percentColumns.map((c) => `${reader.layout.countColumns[c]} %`),
      rows: emitter.previewRows,
      totalRows: summary.rows,
      marker: profile.marker,
    },
    refusal: refused ? refusalMessage(audit) : null,
  };
}

export function refusalMessage(audit: AuditSummary): string {
  const first = audit.failures[0];
  const where = first ? ` (${Object.values(first.keys).join('/')}, row ${first.row}, can be narrowed to ${first.possibleValues} possible value${first.possibleValues === 1 ? '' : 's'})` : '';
  const n = audit.failures.length || audit.primaryCellsChecked;
  return `export refused: the attacker's audit can narrow ${n} suppressed cell${n === 1 ? '' : 's'} to fewer than ${audit.protectionWidth} possible values${where}`;
}

function emptySummary(): DisclosureSummary {
  return { rows: 0, cells: 0, primarySuppressions: 0, complementarySuppressions: 0, rounded: 0, totalsRecomputed: 0, nationalExact: 0, unchanged: 0 };
}

function tally(summary: DisclosureSummary, reason: CellReason): void {
  switch (reason) {
    case 'primary':
      summary.primarySuppressions++;
      break;
    case 'secondary':
      summary.complementarySuppressions++;
      break;
    case 'rounded':
      summary.rounded++;
      break;
    case 'total-recomputed':
      summary.totalsRecomputed++;
      break;
    case 'national':
      summary.nationalExact++;
      break;
    case 'unchanged':
      summary.unchanged++;
      break;
  }
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
