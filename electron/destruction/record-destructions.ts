import type { RegisterConnection } from '../db/register-connection';
import { copyLabel } from '../../shared/register/record-labels';
import { cachedRegister } from '../register/register-cache';
import { RecordRejected } from '../register/record-issue';
import type { AuditActor } from '../register/audit-log';
import { copyIntoEvidenceStore, type StoredEvidence } from './evidence-store';
import { commitDestruction, prepareDestruction, type PreparedDestruction, type RecordedDestruction } from './record-destruction';

/**
 * Recording the destruction of several copies at once (all the live copies of a holding, or a
 * selection): one set of answers (method, tool, operator, date, verification) applied to every
 * copy, any of them overridden for one copy, and the evidence files stored once and linked to
 * each record. Every copy is checked before anything is written, and all are written in one
 * transaction: a refusal names the copy and saves nothing.
 */
export interface CopyDestruction {
  copyId: string;
  /** Fields that differ for this copy from the common ones. */
  overrides?: Record<string, unknown>;
}

export async function recordDestructions(
  db: RegisterConnection,
  actor: AuditActor,
  dataDir: string,
  common: Record<string, unknown>,
  copies: readonly CopyDestruction[],
  evidencePaths: readonly string[] = [],
): Promise<RecordedDestruction[]> {
  const seen = new Set<string>();
  for (const { copyId } of copies) {
    if (seen.has(copyId)) throw new RecordRejected({ path: ['copies'], message: `copy "${copyId}" is listed twice` });
    seen.add(copyId);
  }
  const checked: PreparedDestruction[] = [];
  for (const { copyId, overrides } of copies) {
    try {
      // Validation only: evidence is stored once below, not once per copy.
      checked.push(await prepareDestruction(db, actor, dataDir, { ...common, ...overrides, copyId }, []));
    } catch (error) {
      // One copy: the form already names it, and the message keeps the field it is about.
      if (!(error instanceof RecordRejected) || copies.length === 1) throw error;
      const { index } = cachedRegister(db);
      const copy = index.copies.get(copyId);
      const name = copy ? copyLabel(index, copy) : `copy "${copyId}"`;
      throw new RecordRejected({ path: [], message: `${name}: ${error.message}` }, error.code);
    }
  }
  const evidence: StoredEvidence[] = [];
  for (const path of evidencePaths) evidence.push(await copyIntoEvidenceStore(dataDir, path));
  return db.transaction(() => checked.map((prepared) => commitDestruction(db, actor, { ...prepared, evidence })))();
}
