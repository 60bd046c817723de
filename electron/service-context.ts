import { userInfo } from 'node:os';
import { GrantedPaths, noDialogs, type Dialogs } from './files/granted-paths';
import { openDatabase, type OpenedDatabase } from './db/open-database';
import type { ServiceContext } from './ipc/context';
import type { RegisterLocationKeeper } from './files/register-location-keeper';

export interface ContextOptions {
  databasePath: string;
  appVersion: string;
  openExternal?: (url: string) => Promise<boolean>;
  now?: () => Date;
  dialogs?: Dialogs;
  dataDir?: string;
  /** The password of a PostgreSQL register, from the OS keychain (else the PGPASSFILE is read). */
  password?: string | null;
  registerLocations?: RegisterLocationKeeper;
}

/** Opens (creating and migrating) the register and builds the context every service runs in. */
export function createServiceContext(options: ContextOptions): { context: ServiceContext; opened: OpenedDatabase } {
  const opened = openDatabase(options.databasePath, { create: true, password: options.password ?? null });
  const context: ServiceContext = {
    db: opened.db,
    databasePath: opened.path,
    appVersion: options.appVersion,
    osUser: currentOsUser(),
    now: options.now ?? (() => new Date()),
    openExternal: options.openExternal ?? (async () => false),
    dialogs: options.dialogs ?? noDialogs,
    grantedPaths: new GrantedPaths(),
    dataDir: options.dataDir ?? opened.dataDir,
    ...(options.registerLocations ? { registerLocations: options.registerLocations } : {}),
  };
  return { context, opened };
}

export function currentOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
