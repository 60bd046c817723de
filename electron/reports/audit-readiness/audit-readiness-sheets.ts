import type { AuditReadinessModel } from '../../../shared/reports/audit-readiness-model';
import { aboutSheet, type ExportMeta } from '../../exports/export-meta';
import type { TableSheet } from '../../exports/table-file';

/** The audit-readiness report as a workbook: the summary, every finding with its class, and the action plan. Values only, formula-safe (table-file.ts). */
export function auditReadinessSheets(model: AuditReadinessModel, meta: ExportMeta): TableSheet[] {
  return [
    aboutSheet({ ...meta, details: [...model.counts.map((c) => [c.label, String(c.count)] as const), ...(meta.details ?? [])] }, 'Summary'),
    {
      name: 'Findings',
      columns: [
        { header: 'Class', width: 28 },
        { header: 'Severity', width: 10 },
        { header: 'Code', width: 30 },
        { header: 'Finding', width: 70 },
        { header: 'What to do', width: 70 },
        { header: 'Due date', width: 12 },
        { header: 'Concerns', width: 60 },
        { header: 'Finding id', width: 40 },
      ],
      rows: model.findings.map((f) => [f.classLabel, f.severity, f.code, f.title, f.action, f.dueDate, f.concerns, f.id]),
    },
    {
      name: 'Action plan',
      columns: [
        { header: 'Finding', width: 70 },
        { header: 'Class', width: 28 },
        { header: 'Owner', width: 30 },
        { header: 'Target date', width: 12 },
        { header: 'Status', width: 50 },
        { header: 'Finding id', width: 40 },
      ],
      rows: model.actionPlan.map((a) => [a.finding, a.classLabel, a.owner, a.targetDate, a.status, a.findingId]),
    },
  ];
}
