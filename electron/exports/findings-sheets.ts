import { describeStatus } from '../../shared/findings/finding-status';
import type { Finding } from '../../shared/register/findings';
import { aboutSheet, type ExportMeta } from './export-meta';
import type { TableSheet } from './table-file';

/** The findings as a table: one row per finding, most severe first (the order computeFindings gives). */
export function findingsSheets(findings: readonly Finding[], meta: ExportMeta): TableSheet[] {
  return [
    {
      name: 'Findings',
      columns: [
        { header: 'Severity', width: 10 },
        { header: 'Code', width: 30 },
        { header: 'Finding', width: 70 },
        { header: 'What to do', width: 70 },
        { header: 'Due date', width: 12 },
        { header: 'Concerns', width: 60 },
        { header: 'Finding id', width: 40 },
        { header: 'Status', width: 50 },
      ],
      // Status last, so a spreadsheet or script that reads the earlier columns by position still works.
      rows: findings.map((f) => [f.severity, f.code, f.title, f.action, f.dueDate, f.subjects.map((s) => s.label).join('; '), f.id, describeStatus(f.status)]),
    },
    aboutSheet(meta),
  ];
}
