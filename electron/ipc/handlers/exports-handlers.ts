import { defaultExportFileName } from '../../../shared/exports/export-file-name';
import type { ExportFormat } from '../../../shared/exports/exports-api';
import { localIsoDate } from '../../../shared/register/local-date';
import { runExport } from '../../exports/run-export';
import { cachedRegister } from '../../register/register-cache';
import type { PartialHandlerTable } from '../handler-table';
import { savePathWithExtension } from '../../files/save-path';

const formatNames: Record<ExportFormat, string> = {
  xlsx: 'Excel workbook',
  csv: 'CSV (comma-separated values)',
  ics: 'iCalendar file',
  pdf: 'PDF document',
};

const dialogTitles = {
  findings: 'Export the findings',
  holdings: 'Export the holdings and copies',
  deadlines: 'Export the deadlines to a calendar file',
  holdingsReport: 'Save the holdings audit report',
  auditReadiness: 'Save the audit-readiness report',
} as const;

/**
 * `exports.save`: asks where to save (the renderer never names a path), writes the export, and
 * records it in the audit log with the file's SHA-256 (see electron/exports/run-export.ts).
 */
export const exportsHandlers: PartialHandlerTable<'exports.save'> = {
  'exports.save': async (request, context) => {
    const asOf = request.asOf ?? localIsoDate(context.now());
    // One agreement's export is named after its NIC reference (an unknown id is refused by runExport).
    const nicReference = request.dsaId === undefined ? null : (cachedRegister(context.db).index.dsas.get(request.dsaId)?.nicReference ?? null);
    const chosen = await context.dialogs.chooseFileToSave({
      title: dialogTitles[request.what],
      defaultName: defaultExportFileName(request.what, request.format, asOf, nicReference),
      filters: [{ name: formatNames[request.format], extensions: [request.format] }],
    });
    if (!chosen) return { cancelled: true as const };
    const granted = context.grantedPaths.resolve(context.grantedPaths.grant(chosen, 'write'), 'write');
    // A name typed without the extension still gets the format that was asked for (never replacing a file unasked).
    const path = savePathWithExtension(granted, request.format);
    const result = await runExport(context.db, context, context.databasePath, {
      what: request.what,
      path,
      asOf,
      ...(request.dsaId ? { agreement: { id: request.dsaId } } : {}),
    });
    return { cancelled: false as const, path: result.path, sha256: result.sha256 };
  },
};
