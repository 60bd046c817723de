import { existsSync } from 'node:fs';
import type { RegisterLocationState } from '../../../shared/app/register-location';
import { UserFacingError } from '../../../shared/ipc/result';
import { DatabaseOpenError } from '../../db/database-error';
import { openDatabase } from '../../db/open-database';
import { isPostgresLocation } from '../../db/postgres/postgres-location';
import type { ServiceContext } from '../context';
import type { PartialHandlerTable } from '../handler-table';

function keeperOf(context: ServiceContext) {
  if (!context.registerLocations) throw new UserFacingError('REFUSED', 'Only the desktop app keeps a register location; the CLI takes --db or CUSTODIAN_DB.');
  return context.registerLocations;
}

const stateOf = (context: ServiceContext): RegisterLocationState => {
  const keeper = keeperOf(context);
  return { saved: keeper.read(), fromEnvironment: keeper.fromEnvironment, keychain: keeper.keychainAvailable() };
};

export const registerLocationHandlers: PartialHandlerTable<'settings.registerLocation' | 'settings.saveRegisterLocation'> = {
  'settings.registerLocation': (_request, context) => stateOf(context),
  'settings.saveRegisterLocation': ({ location, password }, context) => {
    const keeper = keeperOf(context);
    const postgres = isPostgresLocation(location);
    // Tried before it is kept, so a typo is found now rather than at the next start. A new file is
    // created when the app next starts.
    if (postgres || existsSync(location)) {
      try {
        openDatabase(location, { create: false, readonly: true, password: postgres ? password : null }).db.close();
      } catch (error) {
        if (error instanceof DatabaseOpenError) throw new UserFacingError('BAD_REQUEST', `location: ${error.message}`);
        throw error;
      }
    }
    try {
      keeper.save(location, postgres ? password : null);
    } catch (error) {
      throw new UserFacingError('REFUSED', (error as Error).message);
    }
    return stateOf(context);
  },
};
