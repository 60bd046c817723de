import { compareFindings } from '../../../shared/findings';
import type { Finding } from '../../../shared/register/findings';
import type { HoldingsReportModel } from '../../../shared/reports/holdings-report-model';
import type { ExportMeta } from '../../exports/export-meta';
import { aboutSheet } from '../../exports/export-meta';
import { holdingsSheet } from '../../exports/holdings-sheets';
import type { TableSheet } from '../../exports/table-file';
import { holdingsReportDetails } from './holdings-report-summary';

/**
 * The holdings audit report as spreadsheet tables (XLSX): a summary, then one sheet each for the
 * versions, their datasets, approved locations, holdings with every copy, and the findings, so an
 * auditor can filter and sort what the PDF lays out page by page.
 */
export function holdingsReportSheets(model: HoldingsReportModel, meta: ExportMeta): TableSheet[] {
  const summary = aboutSheet({ ...meta, details: [...holdingsReportDetails(model), ...(meta.details ?? [])] }, 'Summary');
  const versions: TableSheet = {
    name: 'Versions',
    columns: [
      { header: 'Agreement', width: 24 }, { header: 'Title', width: 40 }, { header: 'Version', width: 9 }, { header: 'Status', width: 12 },
      { header: 'Start', width: 12 }, { header: 'End', width: 12 }, { header: 'Signed', width: 12 }, { header: 'Renews', width: 28 },
      { header: 'Territory of use', width: 18 }, { header: 'Data controllers', width: 40 }, { header: 'Data processors', width: 40 },
      { header: 'DSFC', width: 24 }, { header: 'Commercial purpose', width: 12 }, { header: 'Sub-licensing', width: 12 }, { header: 'Destruction', width: 50 },
      { header: 'Holdings', width: 10 }, { header: 'Live copies', width: 10 }, { header: 'Findings', width: 10 },
    ],
    rows: model.versions.map((v) => [
      v.nicReference, v.title, v.version, v.status, v.startDate, v.endDate, v.signedDate, v.predecessor, v.territory,
      v.controllers.join('; '), v.processors.join('; '), v.dsfc, v.commercial, v.sublicensing, v.destructionRule,
      v.holdings.length, v.holdings.reduce((n, h) => n + h.copies.filter((c) => c.live).length, 0), v.findings.length,
    ]),
  };
  const datasets: TableSheet = {
    name: 'Datasets',
    columns: [
      { header: 'Version', width: 28 }, { header: 'Dataset', width: 50 }, { header: 'Type of data', width: 30 }, { header: 'Sensitivity', width: 14 },
      { header: 'Frequency', width: 14 }, { header: 'Opt-outs applied', width: 10 }, { header: 'Legal basis for provision', width: 50 },
    ],
    rows: model.versions.flatMap((v) => v.datasets.map((d) => [v.label, d.name, d.typeOfData, d.sensitivity, d.frequency, d.optOutsApplied, d.legalBasis])),
  };
  const approvals: TableSheet = {
    name: 'Approved locations',
    columns: [
      { header: 'Version', width: 28 }, { header: 'Location', width: 30 }, { header: 'Operator', width: 34 }, { header: 'Kind', width: 22 },
      { header: 'Country', width: 14 }, { header: 'Approved for', width: 14 }, { header: 'From', width: 12 }, { header: 'To', width: 12 },
    ],
    rows: model.versions.flatMap((v) => v.approvals.map((a) => [v.label, a.location, a.operator, a.locationKind, a.country, a.role, a.approvedFrom, a.approvedTo])),
  };
  return [summary, versions, datasets, approvals, holdingsSheet(model), findingsSheet(model)];
}

/** Each finding once, with the versions it concerns. */
function findingsSheet(model: HoldingsReportModel): TableSheet {
  const versionsOf = new Map<string, string[]>();
  const findings: Finding[] = [];
  for (const v of model.versions) {
    for (const f of v.findings) {
      if (!versionsOf.has(f.id)) {
        versionsOf.set(f.id, []);
        findings.push(f);
      }
      versionsOf.get(f.id)!.push(v.label);
    }
  }
  for (const f of model.otherFindings) if (!versionsOf.has(f.id)) findings.push(f);
  findings.sort(compareFindings);
  return {
    name: 'Findings',
    columns: [
      { header: 'Severity', width: 10 }, { header: 'Code', width: 30 }, { header: 'Finding', width: 70 }, { header: 'What to do', width: 70 },
      { header: 'Due date', width: 12 }, { header: 'Versions', width: 40 }, { header: 'Concerns', width: 60 }, { header: 'Finding id', width: 40 },
    ],
    rows: findings.map((f) => [f.severity, f.code, f.title, f.action, f.dueDate, (versionsOf.get(f.id) ?? []).join('; '), f.subjects.map((s) => s.label).join('; '), f.id]),
  };
}
