import { z } from 'zod';
import { isoDate } from '../register/dates';
import { recordId } from '../register/records';

/**
 * What can be exported, and in which formats. The file's extension decides the format on the
 * command line; in the app the user picks the format and the save dialog offers that extension.
 */
export const exportKinds = ['findings', 'holdings', 'deadlines', 'holdingsReport', 'auditReadiness'] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportFormats = ['xlsx', 'csv', 'ics', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const formatsByExport: Record<ExportKind, readonly ExportFormat[]> = {
  findings: ['xlsx', 'csv'],
  holdings: ['xlsx', 'csv'],
  deadlines: ['ics'],
  holdingsReport: ['pdf', 'xlsx'],
  auditReadiness: ['pdf', 'xlsx'],
};

/** How the save dialog names each export by default, before its extension. */
export const defaultExportNames: Record<ExportKind, string> = {
  findings: 'custodian-findings',
  holdings: 'custodian-holdings',
  deadlines: 'custodian-deadlines',
  holdingsReport: 'holdings-audit-report',
  auditReadiness: 'audit-readiness-report',
};

export const exportSaveRequestSchema = z
  .strictObject({
    what: z.enum(exportKinds),
    format: z.enum(exportFormats),
    /** Holdings and the holdings report: only this agreement (a DSA record id). */
    dsaId: recordId.optional(),
    /** Judge the register on this date (findings, approvals, live copies); today by default. */
    asOf: isoDate.optional(),
  })
  .superRefine((request, ctx) => {
    if (!formatsByExport[request.what].includes(request.format)) {
      ctx.addIssue({ code: 'custom', path: ['format'], message: `must be one of ${formatsByExport[request.what].join(', ')} for ${request.what}` });
    }
    if (request.dsaId !== undefined && request.what !== 'holdings' && request.what !== 'holdingsReport') {
      ctx.addIssue({ code: 'custom', path: ['dsaId'], message: 'only holdings and the holdings report can be limited to one agreement' });
    }
  });

export const exportSaveResponseSchema = z.union([
  z.object({ cancelled: z.literal(true) }),
  z.object({
    cancelled: z.literal(false),
    /** Where the file was written, to show the user (they chose it in the save dialog). */
    path: z.string(),
    sha256: z.string(),
  }),
]);
