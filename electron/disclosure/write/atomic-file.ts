import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file written in full beside its destination and then renamed over it, so a reader never sees
 * half a table and a failed or cancelled export leaves nothing behind. The rename is atomic on the
 * same file system, which a sibling temporary file guarantees.
 */
export interface AtomicFile {
  target: string;
  tempPath: string;
  /** Flushes the temporary file to disk and renames it to the target. */
  commit(): void;
  /** Removes the temporary file; safe to call more than once or after commit. */
  abort(): void;
}

export function createAtomicFile(target: string): AtomicFile {
  // Named as every export's temporary file is (`.NAME.<pid>.<hex>.tmp`), so that a run killed between
  // recording the export and the rename is settled by the next one (settle-temporary-files.ts).
  const tempPath = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let committed = false;
  return {
    target,
    tempPath,
    commit() {
      const fd = openSync(tempPath, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tempPath, target);
      committed = true;
    },
    abort() {
      if (!committed) rmSync(tempPath, { force: true });
    },
  };
}
