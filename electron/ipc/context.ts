import type { RegisterConnection } from '../db/register-connection';
import type { Dialogs, GrantedPaths } from '../files/granted-paths';
import type { RegisterLocationKeeper } from '../files/register-location-keeper';

/**
 * What a handler may use. Electron-specific abilities (opening a link, a dialog) arrive as plain
 * functions so that the same handlers run in main, in the CLI and in the browser tests.
 */
export interface ServiceContext {
  db: RegisterConnection;
  databasePath: string;
  appVersion: string;
  osUser: string;
  now: () => Date;
  openExternal: (url: string) => Promise<boolean>;
  /** Open and save dialogs; the files they return are added to `grantedPaths`. */
  dialogs: Dialogs;
  grantedPaths: GrantedPaths;
  /** Folder for files the app keeps (evidence store, generated reports); beside the register by default. */
  dataDir: string;
  /** The register location saved in Settings (the desktop app keeps one; the CLI does not). */
  registerLocations?: RegisterLocationKeeper;
}
