import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The SHA-256 of a file's bytes, in hex: what the audit log records of a file, never its contents. */
export function sha256OfFile(path: string): string {
  return sha256OfBytes(readFileSync(path));
}

export function sha256OfBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
