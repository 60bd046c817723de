import type { RegisterConnection } from '../db/register-connection';
import {
  effectiveStatus,
  findingFingerprint,
  openStatus,
  setFindingStatusRequestSchema,
  setFindingStatusesRequestSchema,
  type FindingStatus,
  type SetFindingStatusRequest,
  type StoredFindingStatus,
} from '../../shared/findings/finding-status';
import type { IsoDate } from '../../shared/register/dates';
import type { Finding } from '../../shared/register/findings';
import { UserFacingError } from '../../shared/ipc/result';
import { prepared } from '../db/statement-cache';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { actorName } from '../register/actor-name';

/**
 * Reading and setting finding statuses (table finding_statuses, migration 008). The app (IPC
 * `findings.setStatus` and, for a folded row, `findings.setStatuses`), the CLI (`custodian findings acknowledge|accept-risk|reopen`) and every
 * list of findings go through here, so the checks and the audit entry are the same everywhere.
 */

interface Row {
  findingId: string;
  state: 'acknowledged' | 'risk-accepted';
  fingerprint: string;
  owner: string | null;
  targetDate: string | null;
  reason: string | null;
  reviewDate: string | null;
  acceptedBy: string | null;
  setAt: string;
  setBy: string;
}

function toStored(row: Row): StoredFindingStatus {
  const common = { fingerprint: row.fingerprint, setAt: row.setAt, setBy: row.setBy };
  return row.state === 'acknowledged'
    ? { state: 'acknowledged', owner: row.owner!, targetDate: row.targetDate!, ...common }
    : { state: 'risk-accepted', reason: row.reason!, reviewDate: row.reviewDate!, acceptedBy: row.acceptedBy!, ...common };
}

const columns = `finding_id AS findingId, state, fingerprint, owner, target_date AS targetDate, reason, review_date AS reviewDate,
  accepted_by AS acceptedBy, set_at AS setAt, set_by AS setBy`;

/** Every stored decision, by finding id. A handful in practice (one per decision taken), so read whole. */
export function readFindingStatuses(db: RegisterConnection): Map<string, StoredFindingStatus> {
  const rows = prepared(db, `SELECT ${columns} FROM finding_statuses`).all() as Row[];
  return new Map(rows.map((r) => [r.findingId, toStored(r)]));
}

/**
 * The findings with their status on `asOf`. New objects: the findings given may be the register
 * cache's, shared between callers, and statuses change without the register changing. With no
 * decision stored (most registers, most days) they are returned as they are, status absent, which
 * reads as open (stateOf): copying 100,000 findings on every dashboard call would cost more than
 * the rest of the answer. Whatever is sent out goes through `statusShown` first.
 */
export function withStatuses(db: RegisterConnection, findings: readonly Finding[], asOf: IsoDate): readonly Finding[] {
  const stored = readFindingStatuses(db);
  if (stored.size === 0) return findings;
  return findings.map((f) => ({ ...f, status: effectiveStatus(stored.get(f.id), f, asOf) }));
}

/** A finding as shown: with its status always stated, so a reader of JSON need not know that absent means open. */
export const statusShown = (finding: Finding): Finding => (finding.status ? finding : { ...finding, status: openStatus });

/**
 * Sets one finding's status, judged against the findings of `today` (the caller computes them: the
 * app from its cache, the CLI afresh). A decision is about a problem that exists now, so an unknown
 * id is refused; its date must be today or later, or the finding would reopen the moment it was set.
 */
export function setFindingStatus(db: RegisterConnection, actor: AuditActor, findings: readonly Finding[], today: IsoDate, input: unknown): { finding: Finding; status: FindingStatus } {
  const { findingId, ...decision } = parsedOrRefused(setFindingStatusRequestSchema, input);
  const [set] = setStatuses(db, actor, findings, today, [findingId], decision);
  return set!;
}

/**
 * One decision for several findings at once (a folded row of the findings table): each is checked
 * as `setFindingStatus` checks one, then all are written in one transaction with one audit entry
 * each, so a refusal (naming the finding) leaves every one of them as it was.
 */
export function setFindingStatuses(db: RegisterConnection, actor: AuditActor, findings: readonly Finding[], today: IsoDate, input: unknown): { finding: Finding; status: FindingStatus }[] {
  const { findingIds, ...decision } = parsedOrRefused(setFindingStatusesRequestSchema, input);
  // The same id twice is one finding: one decision, one audit entry.
  return setStatuses(db, actor, findings, today, [...new Set(findingIds)], decision);
}

type Decision = DistributiveOmit<SetFindingStatusRequest, 'findingId'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function parsedOrRefused<T>(schema: { safeParse: (input: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new UserFacingError('BAD_REQUEST', `${issue.path.map(String).join('.') || 'request'}: ${issue.message}`);
}

function setStatuses(db: RegisterConnection, actor: AuditActor, findings: readonly Finding[], today: IsoDate, ids: readonly string[], decision: Decision): { finding: Finding; status: FindingStatus }[] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const chosen = ids.map((id) => {
    const finding = byId.get(id);
    if (!finding) throw new UserFacingError('NOT_FOUND', `no finding "${id}" on ${today}: give an id from "custodian findings --json" (e.g. DSA_EXPIRING:<dsa-id>)`);
    return finding;
  });
  if (decision.state === 'acknowledged' && decision.targetDate < today) throw new UserFacingError('BAD_REQUEST', `target date ${decision.targetDate} has passed: give today (${today}) or later`);
  if (decision.state === 'risk-accepted' && decision.reviewDate < today) throw new UserFacingError('BAD_REQUEST', `review date ${decision.reviewDate} has passed: give today (${today}) or later`);
  return db.transaction(() => {
    const stored = readFindingStatuses(db);
    const setAt = actor.now().toISOString();
    const setBy = decision.state === 'open' ? '' : actorName(db, actor);
    return chosen.map((finding) => {
      const before = stored.get(finding.id) ?? null;
      // Thrown inside the transaction: the findings already written in it are rolled back.
      if (decision.state === 'open' && before === null) throw new UserFacingError('CONFLICT', `finding "${finding.id}" is already open`);
      let after: StoredFindingStatus | null = null;
      if (decision.state === 'open') {
        prepared(db, 'DELETE FROM finding_statuses WHERE finding_id = ?').run(finding.id);
      } else {
        const common = { fingerprint: findingFingerprint(finding), setAt, setBy };
        after =
          decision.state === 'acknowledged'
            ? { state: 'acknowledged', owner: decision.owner, targetDate: decision.targetDate, ...common }
            : { state: 'risk-accepted', reason: decision.reason, reviewDate: decision.reviewDate, acceptedBy: decision.acceptedBy, ...common };
        prepared(
          db,
          `INSERT INTO finding_statuses (finding_id, state, fingerprint, owner, target_date, reason, review_date, accepted_by, set_at, set_by)
           VALUES (@findingId, @state, @fingerprint, @owner, @targetDate, @reason, @reviewDate, @acceptedBy, @setAt, @setBy)
           ON CONFLICT (finding_id) DO UPDATE SET state = excluded.state, fingerprint = excluded.fingerprint, owner = excluded.owner,
             target_date = excluded.target_date, reason = excluded.reason, review_date = excluded.review_date,
             accepted_by = excluded.accepted_by, set_at = excluded.set_at, set_by = excluded.set_by`,
        ).run({
          findingId: finding.id,
          owner: null,
          targetDate: null,
          reason: null,
          reviewDate: null,
          acceptedBy: null,
          ...after,
        });
      }
      const action = decision.state === 'open' ? 'reopen' : decision.state === 'acknowledged' ? 'acknowledge' : 'accept-risk';
      appendAudit(db, actor, { action, recordKind: 'finding', recordId: finding.id, before, after, detail: { title: finding.title } });
      // The status just set, not the one `finding` may carry from before (its fields are the facts).
      return { finding, status: effectiveStatus(after ?? undefined, finding, today) };
    });
  })();
}
