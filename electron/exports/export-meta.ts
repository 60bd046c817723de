import type { IsoDate } from '../../shared/register/dates';
import type { TableSheet } from './table-file';

/** What every export says about itself: what it is, the date it judges the register on, who made it and when. */
export interface ExportMeta {
  title: string;
  asOf: IsoDate;
  generatedAt: Date;
  organisationName: string;
  /** Further lines, e.g. the agreement a report is about. */
  details?: readonly (readonly [string, string])[];
}

/** A sheet of label and value rows describing the export (XLSX only; a CSV holds just its table). */
export function aboutSheet(meta: ExportMeta, name = 'About'): TableSheet {
  return {
    name,
    columns: [{ header: 'About this file', width: 24 }, { header: '', width: 70 }],
    rows: [
      ['Contents', meta.title],
      ['Organisation', meta.organisationName || 'Not set (Settings)'],
      ['Register judged on', meta.asOf],
      ['Generated (UTC)', meta.generatedAt.toISOString()],
      ...(meta.details ?? []),
      ['Produced by', 'Custodian'],
    ],
  };
}
