import { rmSync } from 'node:fs';
import { crashPoint } from '../files/crash-point';
import { basename } from 'node:path';
import { legendLines } from '../../shared/disclosure/legend';
import { internalNotice, profileParameters, releasableHead, type AuditSummary, type DisclosureReportHead, type DisclosureSummary } from '../../shared/disclosure/report';
import type { DiscloseFileRequest, DiscloseFileResult } from './disclose-file-api';
import type { PublicationEmitter } from './publication-emitter';
import type { TableReader } from './read/table-reader';
import { inputName } from './read/table-input';
import { maxLinkedCells, type ReleasedTable } from '../../shared/disclosure/released-table';

/**
 * The end of either pass: commits the published table unless the audit failed, writes the report,
 * and returns what the screen and the CLI show.
 */
export async function finishDisclosure(
  request: DiscloseFileRequest,
  reader: TableReader,
  emitter: PublicationEmitter,
  summary: DisclosureSummary,
  audit: AuditSummary,
  complementaryUsed: boolean,
  releaseAs: ((name: string) => ReleasedTable) | null = null,
): Promise<DiscloseFileResult> {
  const { profile } = request;
  const refused = audit.status === 'failed';
  let output: DisclosureReportHead['output'] = null;
  let commitOutput: (() => void) | null = null;
  if (refused) {
    await emitter.writer?.abort();
  } else if (emitter.writer && request.output) {
    request.onProgress?.({ phase: 'writing', fraction: 1, message: 'Saving the published table' });
    const { sha256, commit } = await emitter.writer.finish(legendLines(profile, complementaryUsed));
    output = { file: basename(request.output.path), sha256, format: request.output.format };
    commitOutput = commit;
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
      totalLabels: [...request.tableOptions.totalLabels],
      national: request.tableOptions.national,
      percentages: Boolean(request.tableOptions.percentages),
    },
    release: 'internal',
    notice: internalNotice,
    summary,
    audit,
    exportRefused: refused,
  };
  // The report beside the table is the releasable one; the internal one only where asked for.
  const reports = [
    ...(request.reportPath ? [{ path: request.reportPath, head: releasableHead(head), releasable: true }] : []),
    ...(request.internalReportPath ? [{ path: request.internalReportPath, head, releasable: false }] : []),
  ];
  if (reports.length > 0) await emitter.changes.writeReports(reports);
  else emitter.changes.dispose();
  // Kept for later tables from the same holding: only what was released, and only when it was.
  const release =
    releaseAs && output && request.earlierReleases && summary.cells <= maxLinkedCells ? releaseAs(`${output.file} (${head.createdAt.slice(0, 10)})`) : null;
  if (commitOutput) {
    // The export is recorded before its file appears: a failure to record leaves no unrecorded table.
    try {
      await request.beforePublish?.(head, release);
    } catch (error) {
      await emitter.writer?.abort();
      for (const report of reports) rmSync(report.path, { force: true });
      throw error;
    }
    crashPoint('disclose:recorded');
    commitOutput();
  }
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
    release,
  };
}

export function refusalMessage(audit: AuditSummary): string {
  const first = audit.failures[0];
  const where = first ? ` (${Object.values(first.keys).join('/')}, row ${first.row}, can be narrowed to ${first.possibleValues} possible value${first.possibleValues === 1 ? '' : 's'})` : '';
  const n = audit.failures.length || audit.primaryCellsChecked;
  const undeclared = audit.undeclaredTotals[0];
  const earlier = audit.linkedReleases.find((r) => r.failures > 0);
  if (earlier) {
    return `export refused: together with the earlier release ${earlier.name} from the same holding, the attacker's audit can narrow ${earlier.failures} of that release's suppressed cells to fewer than its protection width; suppress more here, or combine categories so that the two tables do not give each other away`;
  }
  // A total the labels did not declare is the likeliest reason: say which rows, and how to declare it.
  const hint = undeclared
    ? undeclared.rows.length === 0
      ? `; the count column "${undeclared.label}" is the sum of the other count columns: if it is a total, declare the label (--total-label ${undeclared.label}) so that it is protected as a total`
      : `; the rows labelled "${undeclared.label}" in column ${undeclared.column} (row ${undeclared.rows.join(', row ')}) are the sums of the rows beside them: if they are totals, declare the label (--total-label ${undeclared.label}) so that they are protected as totals`
    : '';
  return `export refused: the attacker's audit can narrow ${n} suppressed cell${n === 1 ? '' : 's'} to fewer than ${audit.protectionWidth} possible values${where}${hint}`;
}
