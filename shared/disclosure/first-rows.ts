import { z } from 'zod';

/**
 * The first rows of a table as read, sent to the Disclosure screen as soon as the reader has them,
 * so that a long table shows itself within a second while the rest is read and protected. Original
 * counts, like the preview's: shown only on the analyst's own screen, never written anywhere.
 */
export const firstRowsSchema = z
  .object({
    labelColumns: z.array(z.string()),
    countColumns: z.array(z.string()),
    rows: z.array(z.object({ row: z.number().int(), labels: z.array(z.string()), counts: z.array(z.number()) }).strict()),
  })
  .strict();
export type FirstRows = z.infer<typeof firstRowsSchema>;

/** How many rows the screen shows before the table is protected. */
export const firstRowsShown = 50;
