import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a reader sees either the old file or the whole new one, never a part:
 * the bytes go to a temporary file beside the target, are flushed to disk, and the temporary file
 * is renamed over the target. On failure the temporary file is removed and the target is untouched.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = temporaryPathFor(path);
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A fresh hidden name beside `path`, on the same file system so that renaming it over `path` is atomic. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

