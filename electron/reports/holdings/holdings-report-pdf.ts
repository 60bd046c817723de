import type { Finding } from '../../../shared/register/findings';
import { formatDate } from '../../../shared/register/format-date';
import type { CopyRow, HoldingRow, HoldingsReportModel, VersionSection } from '../../../shared/reports/holdings-report-model';
import type { ExportMeta } from '../../exports/export-meta';
import { ReportDocument } from '../pdf/report-document';
import { holdingsReportDetails, holdingsReportTitle } from './holdings-report-summary';

const date = (d: string | null): string => (d ? formatDate(d) : '');
const severityWord = (s: Finding['severity']): string => s.toUpperCase();

/**
 * The holdings audit report as a PDF: a summary of the agreement versions, then for each version
 * (each on its own page) its terms, datasets, approved locations, every holding with each copy and
 * where it is, and the findings that concern it.
 */
export async function renderHoldingsReportPdf(model: HoldingsReportModel, meta: ExportMeta): Promise<Buffer> {
  const options = {
    title: 'Holdings audit report',
    subtitle: holdingsReportTitle(model),
    organisationName: meta.organisationName,
    generatedAt: meta.generatedAt,
    details: [...holdingsReportDetails(model), ...(meta.details ?? [])],
    subject: `Holdings, copies and findings: ${holdingsReportTitle(model)}`,
  };
  // Rendered in two passes so that a whole register's report (thousands of pages) never holds every page in memory.
  return ReportDocument.render(options, (report) => layOut(report, model));
}

function layOut(report: ReportDocument, model: HoldingsReportModel): void {
  report.heading('Agreement versions');
  report.table({
    columns: [
      { header: 'Version', width: 2.4, bold: true, value: (v: VersionSection) => v.label },
      { header: 'Status', width: 1.1, value: (v) => v.status },
      { header: 'Term', width: 2.4, value: (v) => `${formatDate(v.startDate)} to ${formatDate(v.endDate)}` },
      { header: 'Holdings', width: 0.9, align: 'right', value: (v) => v.holdings.length },
      { header: 'Live copies', width: 0.9, align: 'right', value: (v) => v.holdings.reduce((n, h) => n + h.copies.filter((c) => c.live).length, 0) },
      { header: 'Findings', width: 1.4, value: (v) => findingCountText(v.findings) },
    ],
    rows: model.versions,
    emptyText: 'No agreement versions are recorded.',
  });

  for (const version of model.versions) {
    report.newPage();
    versionPages(report, version, model);
  }

  if (model.agreement === null) {
    report.newPage();
    report.heading('Findings about no single agreement');
    report.paragraph('Findings about organisations, locations or obligations that no agreement version in this report names.', { muted: true });
    findingsTable(report, model.otherFindings, `No other findings on ${formatDate(model.asOf)}.`);
  }
}

function versionPages(report: ReportDocument, v: VersionSection, model: HoldingsReportModel): void {
  report.heading(v.title ? `${v.label}: ${v.title}` : v.label);
  report.keyValues([
    ['Status', v.status],
    ['Term', `${formatDate(v.startDate)} to ${formatDate(v.endDate)}`],
    ['Signed', v.signedDate ? formatDate(v.signedDate) : 'Not recorded'],
    ['Renews', v.predecessor ?? 'None recorded'],
    ['Territory of use', v.territory],
    ['Data controllers', v.controllers.join('\n') || 'None recorded'],
    ['Data processors', v.processors.join('\n') || 'None recorded'],
    ['DSFC', v.dsfc ?? 'None recorded'],
    ['Commercial purpose', v.commercial],
    ['Sub-licensing', v.sublicensing],
    ['Destruction', v.destructionRule],
  ]);

  report.heading('Datasets', 2);
  report.table({
    columns: [
      { header: 'Dataset', width: 3.2, value: (d: VersionSection['datasets'][number]) => d.name },
      { header: 'Type of data', width: 1.8, value: (d) => d.typeOfData },
      { header: 'Sensitivity', width: 1.1, value: (d) => d.sensitivity },
      { header: 'Frequency', width: 1.1, value: (d) => d.frequency },
      { header: 'Opt-outs applied', width: 1, value: (d) => d.optOutsApplied },
    ],
    rows: v.datasets,
    emptyText: 'No datasets recorded for this version.',
  });

  report.heading('Approved locations', 2);
  report.table({
    columns: [
      { header: 'Location', width: 2, value: (a: VersionSection['approvals'][number]) => a.location },
      { header: 'Operator', width: 2, value: (a) => a.operator },
      { header: 'Kind', width: 1.4, value: (a) => a.locationKind },
      { header: 'Country', width: 1, value: (a) => a.country },
      { header: 'Approved for', width: 1.1, value: (a) => a.role },
      { header: 'From', width: 1, value: (a) => date(a.approvedFrom) },
      { header: 'To', width: 1, value: (a) => date(a.approvedTo) },
    ],
    rows: v.approvals,
    emptyText: 'No locations are approved for this version.',
  });

  report.heading('Holdings and copies', 2);
  if (v.holdings.length === 0) report.paragraph('No holdings received under this version.', { italic: true, muted: true });
  for (const holding of v.holdings) holdingBlock(report, holding, v);

  report.heading('Findings', 2);
  findingsTable(report, v.findings, `No findings about this version on ${formatDate(model.asOf)}.`);
}

function holdingBlock(report: ReportDocument, h: HoldingRow, version: VersionSection): void {
  report.ensureSpace(125);
  report.heading(h.fileReference, 3);
  const heldUnder = h.copies.find((c) => c.live)?.heldUnder;
  const facts = [
    h.dataset,
    `received ${formatDate(h.receivedDate)}`,
    h.recordCount === null ? null : `${h.recordCount.toLocaleString('en-GB')} records`,
    h.periodFrom || h.periodTo ? `covering ${date(h.periodFrom) || '?'} to ${date(h.periodTo) || '?'}` : null,
    h.dataYear ? `data year ${h.dataYear}` : null,
    h.checksum ? `checksum ${h.checksum}` : null,
    heldUnder && heldUnder !== version.label ? `held under ${heldUnder} since its renewal (approvals below are that version's)` : null,
  ].filter(Boolean);
  // The date the auditor checks the holding against, set apart from the muted facts.
  report.paragraph(destroyByText(h));
  report.paragraph(facts.join('; '), { muted: true });
  report.table({
    continuationCaption: `Copies of ${h.fileReference} (continued)`,
    columns: [
      { header: 'Copy', width: 1.15, value: (c: CopyRow) => (c.live ? c.kind : `${c.kind} (destroyed)`) },
      { header: 'Location', width: 2.1, value: (c) => [c.location, c.pathOrDescription].filter(Boolean).join('\n') },
      { header: 'Operator', width: 1.8, value: (c) => c.operator },
      { header: 'Kind and country', width: 1.6, value: (c) => [c.locationKind, c.cloud, c.country].filter(Boolean).join('\n') },
      { header: 'Approved for', width: 1.4, value: approvalText },
      { header: 'Created', width: 1.05, value: (c) => date(c.createdDate) },
      { header: 'Destroyed', width: 1.05, value: (c) => date(c.destroyedDate) },
    ],
    rows: h.copies,
    emptyText: 'No copies recorded.',
  });
}

/** The holding's destroy-by date, or why it has none yet. */
export function destroyByText(h: HoldingRow): string {
  if (h.destroyBy !== null) return `Destroy by ${formatDate(h.destroyBy)}`;
  return h.rollingRule ? 'No destroy-by date yet: the rolling rule sets one when the next data year is received' : 'No destroy-by date';
}

/** What the agreement approves the copy's location for, and whether that covers the copy. */
export function approvalText(c: CopyRow): string {
  const roles = c.approvedRoles.join(', ');
  if (c.approved === null) return roles || '-';
  if (c.approved) return roles;
  return roles ? `${roles} only: NOT APPROVED for this copy` : 'NOT APPROVED';
}

function findingsTable(report: ReportDocument, findings: readonly Finding[], emptyText: string): void {
  report.table({
    columns: [
      { header: 'Severity', width: 0.85, bold: true, value: (f: Finding) => severityWord(f.severity) },
      // The code on a line of its own, in a column wide enough that no code is ever broken.
      { header: 'Finding', width: 4, value: (f) => `${f.code}\n${f.title}` },
      { header: 'What to do', width: 3.3, value: (f) => f.action },
      { header: 'Due', width: 1.05, value: (f) => date(f.dueDate) },
    ],
    rows: findings,
    emptyText,
  });
}

function findingCountText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'None';
  const by = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return [['high', by('high')], ['medium', by('medium')], ['low', by('low')]]
    .filter(([, n]) => (n as number) > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}
