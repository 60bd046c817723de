import { basename } from 'node:path';
import { legendLines } from '../../shared/disclosure/legend';
import { profileParameters, type AuditSummary, type DisclosureReportHead, type DisclosureSummary } from '../../shared/disclosure/report';
import type { DiscloseFileRequest, DiscloseFileResult } from './disclose-file-api';
import type { PublicationEmitter } from './publication-emitter';
import type { TableReader } from './read/table-reader';
import { inputName } from './read/table-input';

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
