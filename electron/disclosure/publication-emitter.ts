import { explainReason, type CellReason } from '../../shared/disclosure/cell-rules';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import type { PublishedPercentage } from '../../shared/disclosure/percentages';
import type { PreviewRow } from '../../shared/disclosure/preview';
import { isTotalLabel, type TableRow } from '../../shared/disclosure/table';
import { actionOf } from './cell-reason-report';
import type { DiscloseFileRequest } from './disclose-file-api';
import { createCsvWriter } from './write/csv-writer';
import { ReportChanges } from './write/report-writer';
import { xlsxMaxRows, type TableWriter } from './write/table-writer';
import { deferredWriter } from './write/deferred-writer';

/** Everything a pass needs to write rows, changes and the preview the same way. */
export class PublicationEmitter {
  readonly changes: ReportChanges;
  readonly previewRows: PreviewRow[] = [];
  readonly writer: TableWriter | null;
  rows = 0;
  private readonly ruleText = new Map<string, string>();

  constructor(
    private readonly request: DiscloseFileRequest,
    private readonly layout: { labelColumns: string[]; countColumns: string[] },
    /** A writer made by the caller (the DuckDB pass writes its rows elsewhere); by default one for the request's output. */
    writer?: TableWriter,
  ) {
    this.changes = new ReportChanges(request.reportPath ?? request.internalReportPath ?? null);
    const { totalLabels, percentages } = request.tableOptions;
    this.percentColumns = percentages
      ? layout.countColumns.flatMap((name, c) => (isTotalLabel(name, totalLabels) ? [] : [c]))
      : [];
    const output = request.output;
    this.writer = writer ?? (output ? (output.format === 'xlsx' ? deferredWriter(async () => (await import('./write/xlsx-writer')).createXlsxWriter(output.path)) : createCsvWriter(output.path, this.width)) : null);
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
