import type { RegisterIdentity } from '../../shared/app/app-info';
import { teamRoleIds, type TeamRoleId } from '../../shared/app/team-roles';
import { databaseLogin, registerStore, type RegisterConnection } from './register-connection';

/** Which register this is and, for a team register, who is signed in to it and in which roles. */
export function registerIdentity(db: RegisterConnection, location: string): RegisterIdentity {
  const login = databaseLogin(db);
  if (registerStore(db) === 'sqlite' || login === null) return { store: 'sqlite', location, login: null, roles: [], owner: true };
  const held = db
    .prepare("SELECT rolname FROM pg_roles WHERE rolname IN (SELECT unnest(?::text[])) AND pg_has_role(session_user, oid, 'MEMBER') ORDER BY rolname")
    .pluck(true)
    .all(`{${teamRoleIds.join(',')}}`) as TeamRoleId[];
  const owner = db.prepare("SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'MEMBER')").pluck(true).get() === 1;
  return { store: 'postgres', location, login, roles: teamRoleIds.filter((r) => held.includes(r)), owner };
}
