import type { CalendarEvent } from '../../shared/exports/icalendar';
import type { Deadline, DeadlineKind } from '../../shared/register/deadlines';

const kindWords: Record<DeadlineKind, string> = {
  'version-end': 'Agreement ends',
  destruction: 'Destruction due',
  obligation: 'Obligation due',
  'assurance-expiry': 'Security assurance expires',
  'ico-renewal': 'ICO registration renewal',
};

/** The register's deadlines as calendar events; the UID comes from the deadline's stable id. */
export function deadlineEvents(deadlines: readonly Deadline[]): CalendarEvent[] {
  return deadlines.map((d) => ({
    id: d.id,
    date: d.date,
    summary: d.label,
    description: `${kindWords[d.kind]}: ${sentence(d.record.label)} From the Custodian register; open Custodian for the details and what to do.`,
    categories: ['Custodian', kindWords[d.kind]],
  }));
}

/** Ends a label as a sentence, without doubling the stop of one cut short with an ellipsis. */
const sentence = (text: string): string => (/[.!?\u2026]$/.test(text) ? text : `${text}.`);
