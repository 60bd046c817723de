import type { RegisterConnection } from '../../db/register-connection';
import { UserFacingError } from '../../../shared/ipc/result';
import { latestSchemaVersion } from '../../db/migrations';
import type { OpenedDatabase } from '../../db/open-database';
import type { AuditActor } from '../../register/audit-log';
import { RecordRejected } from '../../register/record-issue';
import { currentOsUser } from '../../service-context';
import { CliError } from '../cli-error';
import { whereIs, type Flag } from './field-flags';

/** Who the audit log names for a change made from the CLI: the OS user, as for the app. */
export const cliActor = (): AuditActor => ({ now: () => new Date(), osUser: currentOsUser() });

/** The register, migrated, or a one-line reason it cannot be used. */
export function writableRegister(opened: OpenedDatabase): RegisterConnection {
  if (opened.schemaVersion < latestSchemaVersion) throw new CliError(`${opened.path} needs migrating: run "custodian init --db ${opened.path}" first`, 2);
  return opened.db;
}

/**
 * A refusal from the register's service, as one line naming the flag the person typed
 * (`--operator: organisation "x" does not exist`) rather than the record's field.
 */
export function asCliRefusal<T>(flags: readonly Flag[], work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RecordRejected) {
      const where = error.issue.path.length ? `${whereIs(flags, error.issue.path)}: ` : '';
      throw new CliError(`${where}${error.issue.message}`);
    }
    if (error instanceof UserFacingError) throw new CliError(error.message);
    throw error;
  }
}
