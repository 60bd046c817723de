import type { Database } from 'better-sqlite3';

/**
 * What a handler may use. Electron-specific abilities (opening a link, a dialog) arrive as plain
 * functions so that the same handlers run in main, in the CLI and in the browser tests.
 */
export interface ServiceContext {
  db: Database;
  databasePath: string;
  appVersion: string;
  osUser: string;
  now: () => Date;
  openExternal: (url: string) => Promise<boolean>;
}
