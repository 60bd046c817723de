import { z } from 'zod';
import { compareStrings } from './compare';
import { addDays, isoDate, type IsoDate } from './dates';
import { createDeadlineCalculator } from './destruction-deadline';
import { assuranceLabel, recordRefSchema, refs, versionLabel } from './record-labels';
import type { Assurance } from './records';
import { countLive, indexRegister, type RegisterIndex } from './register-index';
import type { RegisterContent } from './snapshot';

export const deadlineKinds = ['version-end', 'destruction', 'obligation', 'assurance-expiry', 'ico-renewal'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const deadlineSchema = z.object({
  /** Stable for the same deadline (kind and record), so a calendar export can update its events. */
  id: z.string(),
  date: isoDate,
  kind: z.enum(deadlineKinds),
  /** What happens on the date, naming the record as the user knows it. */
  label: z.string(),
  record: recordRefSchema,
});
export type Deadline = z.infer<typeof deadlineSchema>;

/**
 * Every dated duty between `asOf` and `asOf + horizonDays` (both included), soonest first: agreement
 * versions ending, holdings due for destruction, obligations due, security assurances expiring and
 * ICO registrations to renew. Past dates are not here: the findings report what is already late.
 */
export function upcomingDeadlines(register: RegisterContent, asOf: IsoDate, horizonDays: number): Deadline[] {
  return upcomingDeadlinesIn(indexRegister(register), asOf, horizonDays);
}

export function upcomingDeadlinesIn(index: RegisterIndex, asOf: IsoDate, horizonDays: number): Deadline[] {
  const until = addDays(asOf, horizonDays);
  const inWindow = (date: IsoDate | null): date is IsoDate => date !== null && date >= asOf && date <= until;
  const deadlines = [
    ...versionEnds(index),
    ...destructions(index, asOf),
    ...obligationsDue(index),
    ...assuranceExpiries(index),
    ...icoRenewals(index),
  ].filter((d): d is Deadline => inWindow(d.date));
  return deadlines.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.kind, b.kind) || compareStrings(a.label, b.label) || compareStrings(a.id, b.id));
}

type Candidate = Omit<Deadline, 'date'> & { date: IsoDate | null };

function versionEnds(index: RegisterIndex): Candidate[] {
  return [...index.versions.values()]
    .filter((v) => v.status === 'active')
    .map((v) => ({ id: `version-end:${v.id}`, date: v.endDate, kind: 'version-end', label: `${versionLabel(index, v)} ends`, record: refs.version(index, v) }));
}

function destructions(index: RegisterIndex, asOf: IsoDate): Candidate[] {
  const deadlineOf = createDeadlineCalculator(index);
  return index.holdingCopies
    .filter((group) => countLive(index, group, asOf) > 0)
    .map(({ holding: h }) => {
      const record = refs.holding(index, h);
      return { id: `destruction:${h.id}`, date: deadlineOf(h), kind: 'destruction', label: `Destroy every copy of ${record.label}`, record };
    });
}

function obligationsDue(index: RegisterIndex): Candidate[] {
  return [...index.obligations.values()]
    .filter((o) => o.status === 'open' || o.status === 'in-progress')
    .map((o) => {
      const record = refs.obligation(o);
      return { id: `obligation:${o.id}`, date: o.dueDate, kind: 'obligation', label: `Due: ${record.label}`, record };
    });
}

/** Only the latest assurance of each kind per organisation: an older one that a renewal replaced is not a deadline. */
function assuranceExpiries(index: RegisterIndex): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [organisationId, assurances] of index.assurancesByOrganisation) {
    const organisation = index.organisations.get(organisationId);
    if (!organisation) continue;
    const latestByKind = new Map<Assurance['kind'], Assurance>();
    for (const a of assurances) {
      const known = latestByKind.get(a.kind);
      if (!known || a.expiryDate > known.expiryDate) latestByKind.set(a.kind, a);
    }
    for (const a of latestByKind.values())
      candidates.push({
        id: `assurance-expiry:${a.id}`,
        date: a.expiryDate,
        kind: 'assurance-expiry',
        label: `${assuranceLabel(a)} of ${organisation.legalName} expires`,
        record: refs.assurance(a),
      });
  }
  return candidates;
}

function icoRenewals(index: RegisterIndex): Candidate[] {
  return [...index.organisations.values()].map((o) => ({
    id: `ico-renewal:${o.id}`,
    date: o.icoRenewalDate,
    kind: 'ico-renewal',
    label: `Renew the ICO registration of ${o.legalName}`,
    record: refs.organisation(o),
  }));
}
