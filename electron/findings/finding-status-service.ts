import type { RegisterConnection } from '../db/register-connection';
import {
  effectiveStatus,
  findingFingerprint,
  openStatus,
  setFindingStatusRequestSchema,
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
 * `findings.setStatus`), the CLI (`custodian findings acknowledge|accept-risk|reopen`) and every
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
  const parsed = setFindingStatusRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserFacingError('BAD_REQUEST', `${issue.path.join('.') || 'request'}: ${issue.message}`);
  }
  const request: SetFindingStatusRequest = parsed.data;
  const finding = findings.find((f) => f.id === request.findingId);
  if (!finding) throw new UserFacingError('NOT_FOUND', `no finding "${request.findingId}" on ${today}: give an id from "custodian findings --json" (e.g. DSA_EXPIRING:<dsa-id>)`);
  if (request.state === 'acknowledged' && request.targetDate < today) throw new UserFacingError('BAD_REQUEST', `target date ${request.targetDate} has passed: give today (${today}) or later`);
  if (request.state === 'risk-accepted' && request.reviewDate < today) throw new UserFacingError('BAD_REQUEST', `review date ${request.reviewDate} has passed: give today (${today}) or later`);
  return db.transaction(() => {
    const before = readFindingStatuses(db).get(finding.id) ?? null;
    if (request.state === 'open' && before === null) throw new UserFacingError('CONFLICT', `finding "${finding.id}" is already open`);
    const setAt = actor.now().toISOString();
    let after: StoredFindingStatus | null = null;
    if (request.state === 'open') {
      prepared(db, 'DELETE FROM finding_statuses WHERE finding_id = ?').run(finding.id);
    } else {
      const common = { fingerprint: findingFingerprint(finding), setAt, setBy: actorName(db, actor) };
      after =
        request.state === 'acknowledged'
          ? { state: 'acknowledged', owner: request.owner, targetDate: request.targetDate, ...common }
          : { state: 'risk-accepted', reason: request.reason, reviewDate: request.reviewDate, acceptedBy: request.acceptedBy, ...common };
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
    const action = request.state === 'open' ? 'reopen' : request.state === 'acknowledged' ? 'acknowledge' : 'accept-risk';
    appendAudit(db, actor, { action, recordKind: 'finding', recordId: finding.id, before, after, detail: { title: finding.title } });
    // The status just set, not the one `finding` may carry from before (its fields are the facts).
    return { finding, status: effectiveStatus(after ?? undefined, finding, today) };
  })();
}
