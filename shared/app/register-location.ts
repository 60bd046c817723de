import { z } from 'zod';

/**
 * Where the app keeps its register, chosen in Settings: an SQLite file on this computer (the
 * default) or a team register in PostgreSQL. The URL never carries the password: that is typed
 * separately and kept by main in the OS keychain (Electron's safeStorage).
 */
const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\//i.test(value);
const isFullPath = (value: string) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value);
const urlPassword = (value: string): string => {
  try {
    return new URL(value).password;
  } catch {
    return '';
  }
};

export const registerLocationRequestSchema = z.strictObject({
  location: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(2000)
    .refine((v) => isPostgresUrl(v) || isFullPath(v), 'must be the full path of an SQLite file or a postgres:// URL')
    .refine((v) => !isPostgresUrl(v) || urlPassword(v) === '', 'must not contain the password: type it in the password field, which keeps it in the OS keychain'),
  /** For a PostgreSQL URL: the password to keep, or null to use the PGPASSFILE. */
  password: z.string().max(1000).nullable(),
});
export type RegisterLocationRequest = z.infer<typeof registerLocationRequestSchema>;

export const registerLocationStateSchema = z.object({
  /** The location saved in Settings (opened at the next start), if any. */
  saved: z.object({ location: z.string(), hasPassword: z.boolean() }).nullable(),
  /** CUSTODIAN_DB is set: it wins over the saved location. */
  fromEnvironment: z.boolean(),
  /** Whether the OS keychain can keep a password here. */
  keychain: z.boolean(),
});
export type RegisterLocationState = z.infer<typeof registerLocationStateSchema>;
