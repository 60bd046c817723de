import type { RegisterConnection } from '../db/register-connection';
import type { AuditVerification } from '../../shared/audit/audit-api';
import type { AuditAnchor } from '../../shared/audit/audit-anchor';
import { checkAnchors } from './audit-anchors';
import { readSeal, type StoredSeal } from './audit-seal';
import { checkSeal } from './audit-seal-check';
import { computeAuditHash, GENESIS_HASH, storedEntryColumns, type StoredAuditEntry } from './audit-log';

/** How far ahead to look for an entry's original number when entries were deleted and the rest renumbered. */
const RENUMBER_SEARCH_LIMIT = 10_000;

type Problem = NonNullable<AuditVerification['problem']>;

/**
 * Recomputes the audit chain from the first entry and names the first entry that was edited,
 * deleted or reordered. Each entry is checked three ways: its hash matches its content (else it was
 * edited), it points at the hash of the entry before it (else something was removed or moved), and
 * its number follows the previous one (a gap is a deletion). An entry that points at an entry stored
 * LATER was moved (reordered). The head row catches the deletion of the newest entries.
 *
 * What the chain alone cannot catch: someone who rewrites every hash from the tampered entry onwards
 * and the head as well, deletes the newest entries and sets the head back, or truncates the log
 * with its head. `anchors` (the head printed earlier, kept outside the register) catch those at or
 * before each anchor; see audit-anchors.ts.
 */
export function verifyAuditChain(db: RegisterConnection, anchors: readonly AuditAnchor[] = [], key: Buffer | null = null): AuditVerification {
  const { rows, head, seal } = readLogAndHead(db);
  const last = rows.at(-1);
  const lastSeq = last?.seq ?? 0;
  const result = (problem: Problem | null): AuditVerification => ({
    intact: problem === null,
    entries: rows.length,
    lastSeq,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    anchorsChecked: anchors.length,
    sealChecked: key !== null,
    problem,
  });

  const positionOfHash = new Map<string, number>();
  rows.forEach((row, index) => positionOfHash.set(row.hash, index));

  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const problem = checkEntry(rows, index, expectedPrev, expectedSeq, positionOfHash);
    if (problem) return result(problem);
    expectedPrev = row.hash;
    expectedSeq = row.seq + 1;
  }
  return result(checkHead(head, lastSeq, expectedPrev) ?? checkAnchors(rows, anchors) ?? (key ? checkSeal(rows, seal, key) : null));
}

type Head = { lastSeq: number; lastHash: string };

/**
 * The log and its head from ONE snapshot. Read in two statements, a writer in another process could
 * commit between them, and the head would name an entry the log read a moment earlier did not yet
 * hold: "Entry N (the newest) was deleted", a false alarm. A read transaction pins both reads to the
 * same commit (SQLite's WAL gives each read transaction a fixed snapshot).
 */
export function readLogAndHead(db: RegisterConnection): { rows: StoredAuditEntry[]; head: Head | undefined; seal: StoredSeal | null } {
  return db.transaction(() => ({
    seal: readSeal(db),
    rows: db.prepare(`SELECT ${storedEntryColumns} FROM audit_log ORDER BY seq`).all() as StoredAuditEntry[],
    head: db.prepare('SELECT last_seq AS lastSeq, last_hash AS lastHash FROM audit_head WHERE id = 1').get() as Head | undefined,
  }))();
}

function checkEntry(
  rows: readonly StoredAuditEntry[],
  index: number,
  expectedPrev: string,
  expectedSeq: number,
  positionOfHash: ReadonlyMap<string, number>,
): Problem | null {
  const row = rows[index]!;
  const selfConsistent = computeAuditHash(row) === row.hash;
  const linked = row.prevHash === expectedPrev;
  if (selfConsistent && linked && row.seq === expectedSeq) return null;

  const predecessor = positionOfHash.get(row.prevHash);
  if (!linked && predecessor !== undefined && predecessor > index) {
    return {
      kind: 'reordered',
      seq: row.seq,
      message:
        `Entry ${row.seq} is out of order: it was written after the entry now numbered ${rows[predecessor]!.seq}, ` +
        'so entries were reordered or swapped.',
    };
  }
  if (!selfConsistent) {
    const originalSeq = predecessor === undefined && !linked ? findOriginalSeq(row) : null;
    if (originalSeq !== null) {
      return {
        kind: 'deleted',
        seq: expectedSeq,
        message:
          `Entry ${expectedSeq} was deleted and the later entries renumbered: the entry now numbered ${row.seq} ` +
          `was written as number ${originalSeq}.`,
      };
    }
    return {
      kind: 'edited',
      seq: row.seq,
      message: `Entry ${row.seq} was edited after it was written: its content no longer matches its hash.`,
    };
  }
  if (!linked && row.seq > expectedSeq) {
    const missing = row.seq - 1 > expectedSeq ? `Entries ${expectedSeq}–${row.seq - 1} were` : `Entry ${expectedSeq} was`;
    return {
      kind: 'deleted',
      seq: expectedSeq,
      message:
        expectedSeq === 1
          ? `${missing} deleted: the log starts at entry ${row.seq}.`
          : `${missing} deleted: the chain goes from entry ${expectedSeq - 1} straight to entry ${row.seq}.`,
    };
  }
  return {
    kind: 'edited',
    seq: row.seq,
    message: `Entry ${row.seq} does not follow the entry before it: the chain was rewritten at this point.`,
  };
}

/** If the entry's hash matches its content under a later number, that number; else null. */
function findOriginalSeq(row: StoredAuditEntry): number | null {
  for (let seq = row.seq + 1; seq <= row.seq + RENUMBER_SEARCH_LIMIT; seq++) {
    if (computeAuditHash({ ...row, seq }) === row.hash) return seq;
  }
  return null;
}

function checkHead(
  head: Head | undefined,
  lastSeq: number,
  lastHash: string,
): Problem | null {
  if (!head) {
    if (lastSeq === 0) return null;
    return {
      kind: 'edited',
      seq: lastSeq,
      message: `The record of the newest entry (entry ${lastSeq}) was removed, so deleted entries at the end could go unseen.`,
    };
  }
  if (head.lastSeq > lastSeq) {
    const first = lastSeq + 1;
    const which = head.lastSeq > first ? `Entries ${first}–${head.lastSeq} (the newest) were` : `Entry ${first} (the newest) was`;
    return {
      kind: 'deleted',
      seq: first,
      message: `${which} deleted: the log ends at entry ${lastSeq} but entry ${head.lastSeq} was written.`,
    };
  }
  if (head.lastSeq < lastSeq) {
    return {
      kind: 'edited',
      seq: head.lastSeq + 1,
      message: `Entry ${head.lastSeq + 1} was added outside Custodian: the newest entry Custodian wrote is ${head.lastSeq}.`,
    };
  }
  if (head.lastHash !== lastHash) {
    return {
      kind: 'edited',
      seq: lastSeq,
      message: `Entry ${lastSeq} (the newest) was replaced: its hash differs from the one Custodian recorded.`,
    };
  }
  return null;
}
