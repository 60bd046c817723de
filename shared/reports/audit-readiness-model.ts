import { auditClasses, auditClassLabels, classOfCode, type AuditClass } from '../findings/audit-classes';
import { reopenReasonLabels, type FindingStatus } from '../findings/finding-status';
import type { IsoDate } from '../register/dates';
import type { Finding } from '../register/findings';

/**
 * The audit-readiness report's content, independent of PDF or XLSX: every finding with its audit
 * class (audit-classes.ts), nonconformities first, and the action plan: for each finding its owner,
 * target date and status, taken from the finding's status (acknowledged: the owner and target date;
 * risk accepted: who accepted it and the review date; open: no owner yet).
 */
export interface AuditFindingRow {
  auditClass: AuditClass;
  classLabel: string;
  severity: Finding['severity'];
  code: string;
  id: string;
  title: string;
  action: string;
  dueDate: string | null;
  concerns: string;
}

export interface ActionPlanRow {
  findingId: string;
  finding: string;
  classLabel: string;
  owner: string | null;
  targetDate: IsoDate | null;
  status: string;
}

export interface AuditReadinessModel {
  asOf: IsoDate;
  counts: { auditClass: AuditClass; label: string; count: number }[];
  findings: AuditFindingRow[];
  actionPlan: ActionPlanRow[];
}

const classOrder = new Map(auditClasses.map((c, i) => [c, i]));
const severityOrder = { high: 0, medium: 1, low: 2 } as const;

export function buildAuditReadiness(findings: readonly Finding[], asOf: IsoDate): AuditReadinessModel {
  // Stable within a class: the findings' own order (severity, then due date) is kept.
  const ranked = findings
    .map((f, i) => ({ f, i, auditClass: classOfCode(f.code) }))
    .sort((a, b) => classOrder.get(a.auditClass)! - classOrder.get(b.auditClass)! || severityOrder[a.f.severity] - severityOrder[b.f.severity] || a.i - b.i);
  return {
    asOf,
    counts: auditClasses.map((c) => ({ auditClass: c, label: auditClassLabels[c], count: ranked.filter((r) => r.auditClass === c).length })),
    findings: ranked.map(({ f, auditClass }) => ({
      auditClass,
      classLabel: auditClassLabels[auditClass],
      severity: f.severity,
      code: f.code,
      id: f.id,
      title: f.title,
      action: f.action,
      dueDate: f.dueDate,
      concerns: f.subjects.map((s) => s.label).join('; '),
    })),
    actionPlan: ranked.map(({ f, auditClass }) => ({ findingId: f.id, finding: f.title, classLabel: auditClassLabels[auditClass], ...plan(f.status) })),
  };
}

function plan(status: FindingStatus | undefined): Pick<ActionPlanRow, 'owner' | 'targetDate' | 'status'> {
  if (!status || status.state === 'open') return { owner: null, targetDate: null, status: status?.state === 'open' && status.reopened ? `Open (reopened: ${reopenReasonLabels[status.reopened]})` : 'Open' };
  if (status.state === 'acknowledged') return { owner: status.owner, targetDate: status.targetDate, status: 'Acknowledged' };
  return { owner: status.acceptedBy, targetDate: status.reviewDate, status: `Risk accepted: ${status.reason}` };
}
