import { useEffect, useState } from 'react';
import type { Finding } from '../../../shared/register/findings';
import { call } from '../api/client';
import { useRegisterChanges } from '../stores/register-changes-store';
import type { LateItem } from './timeline-layout';

/**
 * What is already late, for the timeline's overdue lane: the findings that say a date has passed
 * with the duty undone. Overdue obligations have their own panel beside the timeline.
 */
export const lateCodes = ['DESTRUCTION_OVERDUE', 'DSA_EXPIRED_DATA_HELD', 'INCIDENT_NOTIFICATION_OVERDUE'] as const;

/** Enough dots for any lane 120 pixels wide; the findings list below has them all. */
const PER_CODE = 200;

/** What a dot opens: the holding to destroy, the agreement's version, the incident. */
const subjectOpened: Record<(typeof lateCodes)[number], string> = {
  DESTRUCTION_OVERDUE: 'holding',
  DSA_EXPIRED_DATA_HELD: 'dsaVersion',
  INCIDENT_NOTIFICATION_OVERDUE: 'incident',
};

export function lateItemOf(finding: Finding, asOf: string): LateItem | null {
  const kind = subjectOpened[finding.code as (typeof lateCodes)[number]];
  const subject = finding.subjects.find((s) => s.kind === kind) ?? finding.subjects[0];
  if (!subject) return null;
  // An ended agreement's finding is dated by its destruction deadline, still ahead: it sits at Today,
  // late already in that its data outlived the agreement (its title says when the agreement ended).
  const date = finding.dueDate !== null && finding.dueDate < asOf ? finding.dueDate : asOf;
  return { id: finding.id, date, label: finding.title, record: { kind: subject.kind, id: subject.id } };
}

export function useLateItems(): LateItem[] {
  const revision = useRegisterChanges((s) => s.revision);
  const [items, setItems] = useState<LateItem[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all(lateCodes.map((code) => call('findings.list', { code, limit: PER_CODE }))).then((results) => {
      if (!current) return;
      const late: LateItem[] = [];
      for (const result of results) {
        if (!result.ok) continue; // the lane is a view of the findings, which report their own errors
        for (const finding of result.value.findings) {
          const item = lateItemOf(finding, result.value.asOf);
          if (item) late.push(item);
        }
      }
      setItems(late);
    });
    return () => {
      current = false;
    };
  }, [revision]);
  return items;
}
