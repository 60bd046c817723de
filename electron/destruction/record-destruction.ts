import type { RegisterConnection } from '../db/register-connection';
import { randomUUID } from 'node:crypto';
import { destructionInputSchema, type DestructionRecord, type EvidenceFile } from '../../shared/destruction/destruction-record';
import { UserFacingError } from '../../shared/ipc/result';
import { formatDate } from '../../shared/register/format-date';
import type { Copy } from '../../shared/register/records';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { firstZodIssue, RecordRejected } from '../register/record-issue';
import { readRecord } from '../register/record-rows';
import { recordTables } from '../register/record-tables';
import { patchRecord } from '../register/register-service';
import { getDestructionRecord, insertDestructionRecord, insertEvidence } from './destruction-store';
import { copyIntoEvidenceStore, type StoredEvidence } from './evidence-store';
import { actorName } from '../register/actor-name';

/**
 * Recording how a copy was destroyed. The record, its evidence files, the copy's destroyed date
 * (for an outcome of "destroyed") and the audit entries are written in one transaction: the
 * register never says a copy is destroyed without saying how, or the reverse.
 */
export interface RecordedDestruction {
  record: DestructionRecord;
  evidence: EvidenceFile[];
  copy: Copy;
}

/** A little slack for clocks that differ between the machine that destroyed and this one. */
const FUTURE_SLACK_MS = 10 * 60 * 1000;

export function validateDestruction(input: unknown, now: Date) {
  const parsed = destructionInputSchema.safeParse(input);
  if (!parsed.success) throw new RecordRejected(firstZodIssue(parsed.error));
  const data = parsed.data;
  if (Date.parse(data.performedAt) > now.getTime() + FUTURE_SLACK_MS)
    throw new RecordRejected({ path: ['performedAt'], message: `${data.performedAt} is in the future: record a destruction once it has happened` });
  return data;
}

function liveCopy(db: RegisterConnection, copyId: string): Copy {
  const copy = readRecord(db, recordTables.copy, copyId) as Copy | undefined;
  if (!copy) throw new RecordRejected({ path: ['copyId'], message: `there is no copy "${copyId}" in the register (list copies with "custodian destruction pending --json")` }, 'NOT_FOUND');
  if (copy.archived) throw new RecordRejected({ path: ['copyId'], message: `copy "${copyId}" is archived: restore it before recording its destruction` }, 'REFUSED');
  return copy;
}

/** A destruction checked and its evidence stored, ready to be written. */
export interface PreparedDestruction {
  data: ReturnType<typeof validateDestruction>;
  evidence: StoredEvidence[];
}

/**
 * Validates `input` against the schema and the copy, and copies each evidence file into the
 * evidence store (reading, never changing, the original). Writes nothing to the register.
 */
export async function prepareDestruction(db: RegisterConnection, actor: AuditActor, dataDir: string, input: unknown, evidencePaths: readonly string[] = []): Promise<PreparedDestruction> {
  const data = validateDestruction(input, actor.now());
  const copy = liveCopy(db, data.copyId);
  const performedDate = data.performedAt.slice(0, 10);
  if (performedDate < copy.createdDate)
    throw new RecordRejected({ path: ['performedAt'], message: `${formatDate(performedDate)} is before the copy was made (${formatDate(copy.createdDate)})` });
  const evidence: StoredEvidence[] = [];
  for (const path of evidencePaths) evidence.push(await copyIntoEvidenceStore(dataDir, path));
  return { data, evidence };
}

/** Writes a prepared destruction: record, evidence rows, the copy's destroyed date and audit entries, in one transaction (or the caller's). */
export function commitDestruction(db: RegisterConnection, actor: AuditActor, prepared: PreparedDestruction): RecordedDestruction {
  const { data } = prepared;
  const performedDate = data.performedAt.slice(0, 10);
  return db
    .transaction((): RecordedDestruction => {
      const current = liveCopy(db, data.copyId);
      const recordedAt = actor.now().toISOString();
      const record: DestructionRecord = { id: randomUUID(), ...data, recordedAt, recordedBy: actorName(db, actor) };
      insertDestructionRecord(db, record);
      const evidence = prepared.evidence.map((file) => evidenceRow(record.id, file, recordedAt));
      evidence.forEach((e) => insertEvidence(db, e));
      appendAudit(db, actor, {
        action: 'destruction-recorded',
        recordKind: 'copy',
        recordId: current.id,
        before: null,
        after: record,
        detail: { evidence: evidence.map((e) => ({ file: e.originalName, sha256: e.sha256 })) },
      });
      const copyAfter = data.outcome === 'destroyed' && current.destroyedDate !== performedDate ? patchRecord(db, actor, 'copy', current.id, { destroyedDate: performedDate }) : current;
      return { record, evidence, copy: copyAfter };
    })
    .immediate();
}

/** Validates, stores the evidence, and records the destruction. */
export async function recordDestruction(db: RegisterConnection, actor: AuditActor, dataDir: string, input: unknown, evidencePaths: readonly string[] = []): Promise<RecordedDestruction> {
  return commitDestruction(db, actor, await prepareDestruction(db, actor, dataDir, input, evidencePaths));
}

function evidenceRow(destructionId: string, file: StoredEvidence, attachedAt: string): EvidenceFile {
  return { id: randomUUID(), destructionId, storedPath: file.storedPath, originalName: file.originalName, sha256: file.sha256, sizeBytes: file.sizeBytes, attachedAt };
}

/** Attaches one more evidence file to a recorded destruction. */
export async function attachEvidence(db: RegisterConnection, actor: AuditActor, dataDir: string, destructionId: string, sourcePath: string): Promise<EvidenceFile> {
  if (!getDestructionRecord(db, destructionId))
    throw new UserFacingError('NOT_FOUND', `There is no destruction record "${destructionId}"; reload the Destruction screen and try again.`);
  const file = await copyIntoEvidenceStore(dataDir, sourcePath);
  return db
    .transaction(() => {
      const record = getDestructionRecord(db, destructionId)!;
      const evidence = evidenceRow(destructionId, file, actor.now().toISOString());
      insertEvidence(db, evidence);
      appendAudit(db, actor, { action: 'evidence-attached', recordKind: 'copy', recordId: record.copyId, before: null, after: evidence, detail: { destructionId } });
      return evidence;
    })
    .immediate();
}
