import { z } from 'zod';
import { cellReasons } from './cell-rules';

/**
 * What the Disclosure screen shows side by side: the first rows of the original and the published
 * table, each cell with the reason it changed and its explanation. The original counts are shown
 * only on the analyst's own screen; they are never written into a report or a log.
 */
export const previewRowSchema = z
  .object({
    row: z.number().int(),
    labels: z.array(z.string()),
    original: z.array(z.number()),
    published: z.array(z.number().nullable()),
    reasons: z.array(z.enum(cellReasons)),
    notes: z.array(z.string().nullable()),
    /** As published: a number, the marker, or empty; one per column of `percentColumns`. */
    percentages: z.array(z.string()),
  })
  .strict();
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const disclosurePreviewSchema = z
  .object({
    labelColumns: z.array(z.string()),
    countColumns: z.array(z.string()),
    /** Row-percentage columns, when asked for ("Female %"). */
    percentColumns: z.array(z.string()),
    rows: z.array(previewRowSchema),
    totalRows: z.number().int(),
    marker: z.string(),
  })
  .strict();
export type DisclosurePreview = z.infer<typeof disclosurePreviewSchema>;

export const defaultPreviewRows = 300;
