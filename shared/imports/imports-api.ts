import { z } from 'zod';

/** The record kinds a Data Uses Register import creates or updates, in the order it writes them. */
export const durImportKinds = ['organisation', 'dsa', 'dsaVersion', 'dataset', 'holding'] as const;
export type DurImportKind = (typeof durImportKinds)[number];

const countsSchema = z.object({
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
});
export type DurImportCounts = z.infer<typeof countsSchema>;

/** What an import of NHS England's Data Uses Register did, for the CLI and the UI to report. */
export const durImportSummarySchema = z.object({
  /** The file names read (no folders: the summary may be shown or logged). */
  files: z.array(z.string()),
  sheetsRead: z.array(z.string()),
  /** Rows of agreements left out by the organisation or NIC filter. */
  rowsSkipped: z.number().int().min(0),
  counts: z.object({
    organisation: countsSchema,
    dsa: countsSchema,
    dsaVersion: countsSchema,
    dataset: countsSchema,
    holding: countsSchema,
  }),
});
export type DurImportSummary = z.infer<typeof durImportSummarySchema>;

export const durImportRequestSchema = z.strictObject({
  /** Import only the agreements whose applicant or a data controller has this legal name. */
  organisation: z.string().trim().min(1).max(300).optional(),
});

/** `imports.dur` answers with the summary, or `cancelled` when the user closed the dialog. */
export const durImportResponseSchema = z.union([
  z.object({ cancelled: z.literal(true) }),
  z.object({ cancelled: z.literal(false), summary: durImportSummarySchema }),
]);
