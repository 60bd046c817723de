import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync, existsSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserFacingError } from '../../shared/ipc/result';

/**
 * The evidence store: a folder `evidence/` under the app's data folder holding copies of the files
 * that prove a destruction (an erasure tool's report, a screenshot of a cloud console).
 *
 * The user's file is only ever read: it is streamed once into a temporary file inside the store
 * while its SHA-256 is computed, and the temporary file is then renamed to
 * `evidence/<first two hex digits>/<sha256>-<original name>`. The same file attached twice is stored
 * once. The original is never moved, changed or deleted.
 */
export interface StoredEvidence {
  /** Relative to the data folder, with forward slashes. */
  storedPath: string;
  originalName: string;
  sha256: string;
  sizeBytes: number;
}

/** A file name safe on every OS, keeping what a person recognises. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '_')
    .trim();
  return (cleaned || 'evidence').slice(0, 120);
}

export async function copyIntoEvidenceStore(dataDir: string, sourcePath: string): Promise<StoredEvidence> {
  let size: number;
  try {
    const stat = statSync(sourcePath);
    if (!stat.isFile()) throw new UserFacingError('BAD_REQUEST', `${sourcePath} is not a file: choose the evidence file itself.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('NOT_FOUND', `The evidence file ${sourcePath} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): check it exists and you may read it.`);
  }
  const store = join(dataDir, 'evidence');
  mkdirSync(store, { recursive: true });
  const temporary = join(store, `.incoming-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let copied = 0;
  try {
    await pipeline(
      createReadStream(sourcePath, { flags: 'r' }),
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          copied += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(temporary, { flags: 'wx', mode: 0o444 }),
    );
    const sha256 = hash.digest('hex');
    const originalName = basename(sourcePath);
    const folder = join(store, sha256.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    const target = join(folder, `${sha256}-${safeFileName(originalName)}`);
    if (existsSync(target)) rmSync(temporary, { force: true });
    else renameSync(temporary, target);
    return { storedPath: relative(dataDir, target).split(sep).join('/'), originalName, sha256, sizeBytes: copied || size };
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserFacingError('INTERNAL', `The evidence file ${basename(sourcePath)} could not be copied into the evidence store (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was recorded. Check there is free space and try again.`);
  }
}
