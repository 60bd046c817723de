import { z } from 'zod';
import { isoDate } from '../register/dates';
import { findingSchema, severities, type Finding, type Severity } from '../register/findings';
import { recordId } from '../register/records';
import { concernsAgreement } from './agreement-records';
import { findingStates, stateOf, type FindingState } from './finding-status';

/**
 * Asking for part of the findings. A large register has thousands (one per copy at an unapproved
 * location), and no screen shows them all at once: the dashboard wants counts and the first few of
 * each severity, "Show all" one severity, a detail screen those about its records. Main computes
 * the findings once per change to the register (electron/register/register-cache.ts) and answers
 * each of these from that, so only what is shown crosses to the renderer.
 */

/** A detail screen names its record and what hangs from it (a DSA: its versions and holdings). */
export const MAX_SUBJECT_IDS = 20_000;
export const MAX_PAGE = 10_000;

export const findingsFilterSchema = z.strictObject({
  asOf: isoDate.optional(),
  severity: z.enum(severities).optional(),
  code: z.string().min(1).max(64).optional(),
  /** Findings whose status on the date is this one (a reopened finding is open). */
  status: z.enum(findingStates).optional(),
  /** Findings naming any of these records. */
  subjectIds: z.array(recordId).max(MAX_SUBJECT_IDS).optional(),
  /** Findings that belong to this agreement (a DSA's id), as its audit report counts them: see agreement-records.ts. */
  dsaId: recordId.optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).optional(),
});
export type FindingsFilter = z.infer<typeof findingsFilterSchema>;

export interface FindingsPage {
  /** How many findings match, of which `findings` is the page asked for. */
  total: number;
  findings: Finding[];
}

/**
 * The findings matching the filter, in the order given (computeFindings': most urgent first), paged.
 * With `dsaId`, the caller passes that agreement's own record ids (agreementRecordIds), which only
 * the register knows.
 */
export function selectFindings(all: readonly Finding[], filter: Omit<FindingsFilter, 'asOf'>, agreementIds: ReadonlySet<string> | null = null): FindingsPage {
  if (filter.dsaId !== undefined && agreementIds === null) throw new Error('selectFindings: a dsaId filter needs the agreement\'s record ids');
  const wanted = filter.subjectIds ? new Set(filter.subjectIds) : null;
  const keep = (f: Finding) =>
    (filter.severity === undefined || f.severity === filter.severity) &&
    (filter.code === undefined || f.code === filter.code) &&
    (filter.status === undefined || stateOf(f) === filter.status) &&
    (wanted === null || f.subjects.some((s) => wanted.has(s.id))) &&
    (agreementIds === null || concernsAgreement(f, agreementIds));
  return pageOf(all, keep, filter.offset ?? 0, filter.limit ?? Infinity);
}

/** Counts every match, keeps only the page: the dashboard's counts need no array of thousands. */
function pageOf(all: readonly Finding[], keep: (f: Finding) => boolean, offset: number, limit: number): FindingsPage {
  let total = 0;
  const findings: Finding[] = [];
  for (const finding of all) {
    if (!keep(finding)) continue;
    if (total >= offset && total < offset + limit) findings.push(finding);
    total++;
  }
  return { total, findings };
}

/** The dashboard asks for the first few findings of each severity; at most this many. */
export const MAX_FIRST = 200;

export const findingsOverviewRequestSchema = z.strictObject({
  asOf: isoDate.optional(),
  first: z.number().int().min(1).max(MAX_FIRST),
  /** Only findings with this status (e.g. the open ones, leaving out those acknowledged or accepted). */
  status: z.enum(findingStates).optional(),
});

const firstOfSchema = z.object({ total: z.number().int().min(0), first: z.array(findingSchema) });

export const findingsOverviewSchema = z.object({
  asOf: isoDate,
  /** Per severity: how many, and the most urgent few. */
  bySeverity: z.object({ high: firstOfSchema, medium: firstOfSchema, low: firstOfSchema }),
  /** The overdue obligations, which the dashboard lists on their own. */
  overdueObligations: firstOfSchema,
});
export type FindingsOverview = z.infer<typeof findingsOverviewSchema>;

/** What the dashboard shows of the findings: counts by severity and the first `first` of each, and of the overdue obligations. */
export function summariseFindings(all: readonly Finding[], first: number, status?: FindingState): Omit<FindingsOverview, 'asOf'> {
  const firstOf = (keep: (f: Finding) => boolean) => {
    const page = pageOf(all, (f) => (status === undefined || stateOf(f) === status) && keep(f), 0, first);
    return { total: page.total, first: page.findings };
  };
  const bySeverity = Object.fromEntries(severities.map((s) => [s, firstOf((f) => f.severity === s)])) as Record<Severity, { total: number; first: Finding[] }>;
  return { bySeverity, overdueObligations: firstOf((f) => f.code === 'OBLIGATION_OVERDUE') };
}
