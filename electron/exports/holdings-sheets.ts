import type { HoldingsReportModel } from '../../shared/reports/holdings-report-model';
import type { ExportValue } from '../../shared/exports/spreadsheet-safety';
import { aboutSheet, type ExportMeta } from './export-meta';
import type { TableSheet } from './table-file';

const columns = [
  { header: 'Agreement', width: 24 },
  { header: 'Version', width: 9 },
  { header: 'Version status', width: 12 },
  { header: 'Version start', width: 12 },
  { header: 'Version end', width: 12 },
  { header: 'Dataset', width: 40 },
  { header: 'DARS file reference', width: 30 },
  { header: 'Received', width: 12 },
  { header: 'Period from', width: 12 },
  { header: 'Period to', width: 12 },
  { header: 'Record count', width: 12 },
  { header: 'Checksum', width: 30 },
  { header: 'Data year', width: 10 },
  { header: 'Destroy by', width: 12 },
  { header: 'Copy', width: 14 },
  { header: 'Copy live', width: 9 },
  { header: 'Location', width: 30 },
  { header: 'Location kind', width: 22 },
  { header: 'Operator', width: 34 },
  { header: 'Country', width: 14 },
  { header: 'Cloud provider and region', width: 24 },
  { header: 'Held under', width: 28 },
  { header: 'Approved for', width: 22 },
  { header: 'Approved for this kind of copy', width: 14 },
  { header: 'Path or description', width: 40 },
  { header: 'Copy created', width: 12 },
  { header: 'Copy destroyed', width: 12 },
];

/**
 * Every holding with each of its copies and where it is: one row per copy (a holding without a
 * copy gets one row with the copy columns empty, so it is not lost). Destroyed copies are included
 * with their date: an auditor asks for them too.
 */
export function holdingsRows(model: HoldingsReportModel): ExportValue[][] {
  const rows: ExportValue[][] = [];
  for (const v of model.versions) {
    for (const h of v.holdings) {
      const holding: ExportValue[] = [v.nicReference, v.version, v.status, v.startDate, v.endDate, h.dataset, h.fileReference, h.receivedDate, h.periodFrom, h.periodTo, h.recordCount, h.checksum, h.dataYear, h.destroyBy];
      if (h.copies.length === 0) rows.push([...holding, ...Array<ExportValue>(columns.length - holding.length).fill(null)]);
      for (const c of h.copies) {
        rows.push([...holding, c.kind, c.live, c.location, c.locationKind, c.operator, c.country, c.cloud, c.heldUnder, c.approvedRoles.join(', '), c.approved, c.pathOrDescription, c.createdDate, c.destroyedDate]);
      }
    }
  }
  return rows;
}

export const holdingsSheet = (model: HoldingsReportModel): TableSheet => ({ name: 'Holdings and copies', columns, rows: holdingsRows(model) });

export function holdingsSheets(model: HoldingsReportModel, meta: ExportMeta): TableSheet[] {
  return [holdingsSheet(model), aboutSheet(meta)];
}
