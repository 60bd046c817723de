import { databaseLogin, type RegisterConnection } from '../db/register-connection';
import type { AuditActor } from './audit-log';

/**
 * Who is making a change, as the register records it (audit entries, "recorded by", "set by"): the
 * OS user for an SQLite file; for a team register the database login, which the database vouches
 * for (and its audit log requires).
 */
export function actorName(db: RegisterConnection, actor: Pick<AuditActor, 'osUser'>): string {
  return databaseLogin(db) ?? actor.osUser;
}
