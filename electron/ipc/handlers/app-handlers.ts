import { registerIdentity } from '../../db/register-identity';
import type { PartialHandlerTable } from '../handler-table';

export const appHandlers: PartialHandlerTable<'app.info' | 'app.openExternal'> = {
  'app.info': (_request, context) => ({
    version: context.appVersion,
    schemaVersion: context.db.pragma('user_version', { simple: true }) as number,
    databasePath: context.databasePath,
    osUser: context.osUser,
    register: registerIdentity(context.db, context.databasePath),
  }),
  'app.openExternal': async ({ url }, context) => ({ opened: await context.openExternal(url) }),
};
