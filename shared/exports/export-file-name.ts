import type { IsoDate } from '../register/dates';
import { defaultExportNames, type ExportFormat, type ExportKind } from './exports-api';

/**
 * The file name an export gets unless the user gives one: the save dialog's suggestion in the app,
 * the CLI's `report holdings` without `--output`. One agreement's file carries its NIC reference, so
 * the report sent to NHS England for DARS-NIC-00574-V2H1F says so in its name and is not mistaken
 * for another agreement's in a folder of them: `holdings-audit-report-DARS-NIC-00574-V2H1F-2026-06-01.pdf`.
 */
export function defaultExportFileName(what: ExportKind, format: ExportFormat, asOf: IsoDate, nicReference: string | null = null): string {
  // A NIC reference is letters, digits and hyphens; anything else a user typed must not make a path.
  const agreement = nicReference === null ? '' : `-${nicReference.trim().replace(/[^A-Za-z0-9._-]+/g, '-')}`;
  return `${defaultExportNames[what]}${agreement}-${asOf}.${format}`;
}
