import type { Database } from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserFacingError } from '../../shared/ipc/result';

/**
 * An online backup through SQLite's backup API, safe while the app is writing. It is written to a
 * temporary name beside the target and renamed at the end, so a failed backup never leaves a
 * half-written file where the user expects a good one.
 */
export async function backupDatabase(db: Database, sourcePath: string, target: string): Promise<{ pages: number }> {
  const absolute = resolve(target);
  if (absolute === resolve(sourcePath)) {
    throw new UserFacingError('BAD_REQUEST', 'The backup file must not be the register itself.');
  }
  const temporary = `${absolute}.partial-${process.pid}`;
  try {
    const progress = await db.backup(temporary);
    renameSync(temporary, absolute);
    return { pages: progress.totalPages };
  } catch (error) {
    if (existsSync(temporary)) rmSync(temporary, { force: true });
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('DATABASE', `Backup to ${absolute} failed: ${(error as Error).message}`);
  }
}
