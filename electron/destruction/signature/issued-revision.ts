import { createHash } from 'node:crypto';

/**
 * How many leading bytes of a PDF are the file as issued, or null when no prefix is. Signing
 * appends incremental updates and never rewrites, so the issued PDF is a prefix of the signed one
 * ending at one of its `%%EOF` markers (with or without the end-of-line after it): each is tried
 * against the SHA-256 recorded at issue.
 */
export function issuedRevisionLength(file: Buffer, issuedSha256: string): number | null {
  const candidates = new Set<number>([file.length]);
  let at = file.indexOf('%%EOF');
  while (at !== -1) {
    const end = at + 5;
    candidates.add(end);
    if (file[end] === 0x0d) candidates.add(end + 1);
    if (file[end] === 0x0a || file[end + 1] === 0x0a) candidates.add(file[end] === 0x0a ? end + 1 : end + 2);
    at = file.indexOf('%%EOF', end);
  }
  for (const length of [...candidates].sort((a, b) => a - b))
    if (length <= file.length && createHash('sha256').update(file.subarray(0, length)).digest('hex') === issuedSha256) return length;
  return null;
}
