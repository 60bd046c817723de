import { auditKindFilters, otherAuditKindLabels } from '../../../shared/audit/audit-vocabulary';
import { recordKinds, type RecordKind } from '../../../shared/register/records';
import { capitalise, kindNouns } from '../format/display';

/** How the Audit log names what an entry is about: a register kind as the screens name it, or one of the others. */
export function auditKindLabel(kind: string): string {
  if ((recordKinds as readonly string[]).includes(kind)) return capitalise(kindNouns[kind as RecordKind]);
  return kind in otherAuditKindLabels ? otherAuditKindLabels[kind as keyof typeof otherAuditKindLabels] : kind;
}

/** The "Kind of record" filter's choices, alphabetical as a person scans them. */
export const auditKindChoices: { value: string; label: string }[] = Object.keys(auditKindFilters)
  .map((value) => ({ value, label: auditKindLabel(value) }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
