import { z } from 'zod';

export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  databasePath: z.string(),
  osUser: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
