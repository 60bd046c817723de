import { DatabaseOpenError } from './database-error';

/**
 * Whether an error means the register file itself is damaged (SQLite's SQLITE_CORRUPT family, or
 * SQLITE_NOTADB for a file whose header was overwritten), as opposed to a bug or a bad request.
 * `check` must report damage as its finding (exit 1, how to restore), never as "unexpected error".
 */
export function corruptionOf(error: unknown): string | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return (error as Error).message;
  if (error instanceof DatabaseOpenError && error.reason === 'CORRUPT') return error.message;
  return null;
}

/** What to do about a damaged register, in one sentence. */
export const restoreAdvice = (path: string): string =>
  `restore it from a backup: with Custodian closed, copy your latest backup (made by "custodian backup" or your backup system) over ${path} and run "custodian check" again`;
