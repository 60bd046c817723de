import { z } from 'zod';
import { firstRowsSchema } from './first-rows';
import { disclosurePreviewSchema } from './preview';
import { disclosureProfileSchema } from './profile';
import { disclosureReportSchema, reportChangeSchema } from './report';

/**
 * The IPC requests and responses of the Disclosure screen. Files are referred to by tokens that main
 * hands out from its dialogs or for a dropped file's bytes; the renderer never sends a path.
 */
export const disclosureInputSchema = z.object({
  token: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  format: z.enum(['csv', 'xlsx', 'parquet']),
  /** The visible sheets of a workbook, in order; empty for CSV. */
  sheets: z.array(z.string()),
});
export type DisclosureInputInfo = z.infer<typeof disclosureInputSchema>;

/** Dropped files travel as base64; larger tables are opened with the button, which streams from disk. */
export const maxDroppedBytes = 20 * 1024 * 1024;

export const dropInputRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  base64: z.string().max(Math.ceil((maxDroppedBytes * 4) / 3) + 4, 'the dropped file is larger than 20 MB; open it with “Open a table…” instead'),
});

export const startRequestSchema = z.strictObject({
  token: z.string().min(1).max(100),
  sheet: z.string().max(100).nullable(),
  profileId: z.string().min(1).max(100),
  /** Labels that mark totals; more than one when dimensions use different words (`Total`, `All`). */
  totalLabels: z.array(z.string().trim().min(1, 'a total label must not be empty').max(100)).min(1, 'name at least one total label').max(10),
  national: z.strictObject({ column: z.string().min(1).max(200), value: z.string().min(1).max(200) }).nullable(),
  /** The holding the table derives from, recorded with the export. */
  holdingId: z.string().min(1).max(64).nullable(),
  /** Add row percentages (a wide table with a Total column). */
  percentages: z.boolean().default(false),
});
export type StartDisclosureRequest = z.infer<typeof startRequestSchema>;

export const jobRequestSchema = z.strictObject({ jobId: z.string().min(1).max(100) });
export const exportRequestSchema = z.strictObject({ jobId: z.string().min(1).max(100), format: z.enum(['csv', 'xlsx']) });

const progressSchema = z.object({
  phase: z.enum(['reading', 'protecting', 'auditing', 'writing']),
  fraction: z.number().min(0).max(1).nullable(),
  message: z.string(),
});

export const jobStatusSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['preview', 'export']),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: progressSchema.nullable(),
  /** The table's first rows as read, while a preview is still running (null until they are read). */
  firstRows: firstRowsSchema.nullable(),
  /** What went wrong and what to do, for a failed job. */
  error: z.string().nullable(),
  result: z
    .object({
      report: disclosureReportSchema.omit({ changes: true }),
      preview: disclosurePreviewSchema,
      changesPreview: z.array(reportChangeSchema),
      changeCount: z.number().int(),
      refusal: z.string().nullable(),
    })
    .nullable(),
  /** For a finished export: the file names written (shown to the user, never sent back). */
  files: z.object({ output: z.string(), report: z.string(), folder: z.string() }).nullable(),
  /** The audit-log entry that records the export. */
  auditEntry: z.number().int().nullable(),
});
export type DisclosureJobStatus = z.infer<typeof jobStatusSchema>;

export const profilesResponseSchema = z.object({
  builtin: z.array(disclosureProfileSchema),
  custom: z.array(disclosureProfileSchema),
});

export const saveProfileRequestSchema = z.strictObject({ profile: disclosureProfileSchema });
