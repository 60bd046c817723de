import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Custodian';
export const DATABASE_FILE = 'custodian.sqlite';

/**
 * The user-data folder Electron's `app.getPath('userData')` gives for this app, computed without
 * Electron so the CLI finds the same register the desktop app uses.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** `--db PATH` wins, then `CUSTODIAN_DB`, then the user-data folder. */
export function resolveDatabasePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  userDataDir: string = defaultUserDataDir(process.platform, env),
): string {
  if (flag) return flag;
  if (env.CUSTODIAN_DB) return env.CUSTODIAN_DB;
  return join(userDataDir, DATABASE_FILE);
}
