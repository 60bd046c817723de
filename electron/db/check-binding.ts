import BetterSqlite3 from 'better-sqlite3';

/**
 * Proves the native SQLite binding loads and works before the app relies on it. A packaging
 * mistake (binding not unpacked, wrong architecture) then shows a clear dialog instead of a crash.
 */
export function checkSqliteBinding(): { ok: true; sqliteVersion: string } | { ok: false; message: string } {
  try {
    const db = new BetterSqlite3(':memory:');
    const row = db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    db.close();
    return { ok: true, sqliteVersion: row.version };
  } catch (error) {
    return {
      ok: false,
      message:
        'Custodian could not load its SQLite database engine, so it cannot open the register. ' +
        'Reinstall Custodian; if this persists, report this message to your IT team: ' +
        (error as Error).message,
    };
  }
}
