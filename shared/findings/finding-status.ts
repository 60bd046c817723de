import { z } from 'zod';
import { isoDate, type IsoDate } from '../register/dates';
import type { Finding } from '../register/findings';

/**
 * A finding's status, as the IG lead sets it (issue 11, item 2): open (the default: nothing
 * stored), acknowledged (someone owns it until a target date) or risk accepted (a reason, a review
 * date, who accepted). What is stored is the decision and a fingerprint of the facts it was taken
 * on; whether it still holds is computed here on the date asked about, so a finding reopens by
 * itself when its date passes or its facts change, with no background job writing anything.
 */

export const findingStates = ['open', 'acknowledged', 'risk-accepted'] as const;
export type FindingState = (typeof findingStates)[number];
export const findingStateLabels: Record<FindingState, string> = { open: 'Open', acknowledged: 'Acknowledged', 'risk-accepted': 'Risk accepted' };

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const findingId = text(400);
const decisions = {
  acknowledged: { state: z.literal('acknowledged'), owner: text(200), targetDate: isoDate },
  riskAccepted: { state: z.literal('risk-accepted'), reason: text(2000), reviewDate: isoDate, acceptedBy: text(200) },
  open: { state: z.literal('open') },
};

/** What the user sends: a decision about one finding (by its stable id), or a reopening. */
export const setFindingStatusRequestSchema = z.discriminatedUnion('state', [
  z.strictObject({ findingId, ...decisions.acknowledged }),
  z.strictObject({ findingId, ...decisions.riskAccepted }),
  z.strictObject({ findingId, ...decisions.open }),
]);
export type SetFindingStatusRequest = z.infer<typeof setFindingStatusRequestSchema>;

/**
 * The most findings one decision may cover: a folded row of the findings table (five copies at one
 * DR site) is far below it; past it, the user narrows the table first. It bounds one transaction.
 */
export const MAX_FINDINGS_PER_DECISION = 1000;
const findingIds = z.array(findingId).min(1, 'must name at least one finding').max(MAX_FINDINGS_PER_DECISION, `at most ${MAX_FINDINGS_PER_DECISION} findings at once`);

/** One decision about several findings at once (a folded row's), all set or none. */
export const setFindingStatusesRequestSchema = z.discriminatedUnion('state', [
  z.strictObject({ findingIds, ...decisions.acknowledged }),
  z.strictObject({ findingIds, ...decisions.riskAccepted }),
  z.strictObject({ findingIds, ...decisions.open }),
]);
export type SetFindingStatusesRequest = z.infer<typeof setFindingStatusesRequestSchema>;

/** A decision as kept in the finding_statuses table (migration 008). */
export type StoredFindingStatus =
  | { state: 'acknowledged'; owner: string; targetDate: IsoDate; fingerprint: string; setAt: string; setBy: string }
  | { state: 'risk-accepted'; reason: string; reviewDate: IsoDate; acceptedBy: string; fingerprint: string; setAt: string; setBy: string };

export const reopenReasons = ['review-date-passed', 'target-date-passed', 'facts-changed'] as const;
export type ReopenReason = (typeof reopenReasons)[number];
export const reopenReasonLabels: Record<ReopenReason, string> = {
  'review-date-passed': 'review date passed',
  'target-date-passed': 'target date passed',
  'facts-changed': 'facts changed',
};

/** The status a finding is shown with. `reopened` says why a decision no longer holds. */
export const findingStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open'), reopened: z.enum(reopenReasons).nullable() }),
  z.object({ state: z.literal('acknowledged'), owner: z.string(), targetDate: isoDate, setAt: z.string(), setBy: z.string() }),
  z.object({ state: z.literal('risk-accepted'), reason: z.string(), reviewDate: isoDate, acceptedBy: z.string(), setAt: z.string(), setBy: z.string() }),
]);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

export const openStatus: FindingStatus = { state: 'open', reopened: null };

/**
 * The facts a decision was taken on: the code, severity, title and the records named. The title
 * carries the dates and names that matter (a DSA's end date, a copy's location), so a change to any
 * of them means the decision was about a different problem. A 53-bit FNV-style hash in plain
 * TypeScript: shared/ runs in the renderer too, and this guards against change, not against forgery.
 */
export function findingFingerprint(finding: Pick<Finding, 'code' | 'severity' | 'title' | 'subjects'>): string {
  const facts = JSON.stringify([finding.code, finding.severity, finding.title, finding.subjects.map((s) => `${s.kind}:${s.id}`).sort()]);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < facts.length; i++) {
    const c = facts.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The status a finding has on `asOf`. A decision holds up to and including its date (the review is
 * due that day) and lapses the day after; changed facts reopen it whatever the date. Facts are
 * checked first: a decision about different facts never held, whatever its date says.
 */
export function effectiveStatus(stored: StoredFindingStatus | undefined, finding: Pick<Finding, 'code' | 'severity' | 'title' | 'subjects'>, asOf: IsoDate): FindingStatus {
  if (!stored) return openStatus;
  if (stored.fingerprint !== findingFingerprint(finding)) return { state: 'open', reopened: 'facts-changed' };
  if (stored.state === 'acknowledged') {
    if (stored.targetDate < asOf) return { state: 'open', reopened: 'target-date-passed' };
    return { state: 'acknowledged', owner: stored.owner, targetDate: stored.targetDate, setAt: stored.setAt, setBy: stored.setBy };
  }
  if (stored.reviewDate < asOf) return { state: 'open', reopened: 'review-date-passed' };
  return { state: 'risk-accepted', reason: stored.reason, reviewDate: stored.reviewDate, acceptedBy: stored.acceptedBy, setAt: stored.setAt, setBy: stored.setBy };
}

/** One line for a table or an export cell: "Acknowledged (J Smith, until 2026-09-30)", "Open (reopened: facts changed)". */
export function describeStatus(status: FindingStatus | undefined): string {
  const s = status ?? openStatus;
  if (s.state === 'open') return s.reopened ? `Open (reopened: ${reopenReasonLabels[s.reopened]})` : 'Open';
  if (s.state === 'acknowledged') return `Acknowledged (${s.owner}, until ${s.targetDate})`;
  return `Risk accepted (by ${s.acceptedBy}, review ${s.reviewDate}): ${s.reason}`;
}

/** The state a filter matches on: a reopened finding is open. */
export const stateOf = (finding: { status?: FindingStatus }): FindingState => finding.status?.state ?? 'open';
