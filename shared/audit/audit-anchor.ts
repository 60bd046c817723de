/**
 * An anchor of the audit chain: an entry's sequence number and hash, written down somewhere the
 * register's owner cannot rewrite (a printed report, a certificate sent to NHS England, a
 * checkpoints file kept elsewhere). The chain proves each entry's hash covers every entry before
 * it, so a log that still holds this entry with this hash, and verifies, has had nothing at or
 * before it removed or rewritten.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** `SEQ:HASH`, as `audit verify` prints the head and `--expect` takes it. */
export const formatAnchor = (anchor: AuditAnchor): string => `${anchor.seq}:${anchor.hash}`;

export function parseAnchor(text: string): AuditAnchor | null {
  const match = /^#?(\d{1,15}):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!match) return null;
  const seq = Number(match[1]);
  return seq >= 1 ? { seq, hash: match[2]!.toLowerCase() } : null;
}

/**
 * A checkpoints file: one `SEQ:HASH` a line (what `audit verify --save-checkpoint` appends); blank
 * lines and lines starting with `#` are ignored, and any text after the anchor on its line (a date,
 * a note) is kept for people. Returns the anchors, or the number of the first line that is not one.
 */
export function parseCheckpoints(text: string): { anchors: AuditAnchor[] } | { badLine: number } {
  const anchors: AuditAnchor[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const anchor = parseAnchor(line.split(/\s+/)[0]!);
    if (!anchor) return { badLine: i + 1 };
    anchors.push(anchor);
  }
  return { anchors };
}
