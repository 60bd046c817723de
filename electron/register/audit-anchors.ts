import type { AuditVerification } from '../../shared/audit/audit-api';
import type { AuditAnchor } from '../../shared/audit/audit-anchor';
import type { StoredAuditEntry } from './audit-log';

type Problem = NonNullable<AuditVerification['problem']>;

/**
 * Checks a verified chain against anchors the user kept elsewhere. The chain alone cannot see the
 * newest entries deleted with the head row set back to match, the log truncated together with its
 * head, or the whole chain recomputed after an edit: each leaves a chain that is consistent with
 * itself. An anchor is outside the register, so each of those shows here: the anchored entry is
 * missing (cut back) or has another hash (rewritten). Entries written after the newest anchor are
 * not covered; see the README on what each mode proves.
 */
export function checkAnchors(rows: readonly StoredAuditEntry[], anchors: readonly AuditAnchor[]): Problem | null {
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  const lastSeq = rows.at(-1)?.seq ?? 0;
  for (const anchor of [...anchors].sort((a, b) => a.seq - b.seq)) {
    const row = bySeq.get(anchor.seq);
    if (!row) {
      return {
        kind: 'deleted',
        seq: Math.min(anchor.seq, lastSeq + 1),
        message:
          lastSeq === 0
            ? `The log is empty, but your checkpoint names entry ${anchor.seq}: the log was truncated together with its head.`
            : `Your checkpoint names entry ${anchor.seq}, but the log ends at entry ${lastSeq}: ${
                anchor.seq > lastSeq + 1 ? `entries ${lastSeq + 1}–${anchor.seq} at least were` : `entry ${anchor.seq} at least was`
              } deleted and the head set back.`,
      };
    }
    if (row.hash !== anchor.hash) {
      return {
        kind: 'edited',
        seq: anchor.seq,
        message: `Entry ${anchor.seq} is not the one your checkpoint names (hash ${anchor.hash.slice(0, 12)}…, now ${row.hash.slice(0, 12)}…): it or an earlier entry was rewritten and the later hashes recomputed.`,
      };
    }
  }
  return null;
}
