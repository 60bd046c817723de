import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Whether two paths name the same file: the same real path, or (when both exist) the same inode. */
export function sameFile(a: string, b: string): boolean {
  if (canonicalPath(a) === canonicalPath(b)) return true;
  if (existsSync(a) && existsSync(b)) {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  }
  return false;
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
function canonicalPath(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const folder = dirname(resolve(path));
  return join(existsSync(folder) ? realpathSync(folder) : folder, basename(path));
}

/** Whether `output` would overwrite the register or one of SQLite's files beside it (-wal, -shm, -journal). */
export function isRegisterFile(output: string, registerPath: string): boolean {
  return ['', '-wal', '-shm', '-journal'].some((suffix) => sameFile(output, `${registerPath}${suffix}`));
}
