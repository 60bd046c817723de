import { z } from 'zod';
import { teamRoleIds } from './team-roles';

/** Which register the app is on: a file on this machine, or a team register in PostgreSQL and who is signed in to it. */
export const registerIdentitySchema = z.object({
  store: z.enum(['sqlite', 'postgres']),
  /** The file's path, or the URL without its password. */
  location: z.string(),
  /** The database login (PostgreSQL only). */
  login: z.string().nullable(),
  /** The team roles the login holds (PostgreSQL only). */
  roles: z.array(z.enum(teamRoleIds)),
  /** The register's owner (who ran init) is bound by no role. */
  owner: z.boolean(),
});
export type RegisterIdentity = z.infer<typeof registerIdentitySchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  databasePath: z.string(),
  osUser: z.string(),
  register: registerIdentitySchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;
