import { auditClassHeadings, auditClasses } from '../../../shared/findings/audit-classes';
import { formatDate } from '../../../shared/register/format-date';
import type { ActionPlanRow, AuditFindingRow, AuditReadinessModel } from '../../../shared/reports/audit-readiness-model';
import type { ExportMeta } from '../../exports/export-meta';
import { ReportDocument } from '../pdf/report-document';

/**
 * The audit-readiness report as a PDF: how many findings of each audit class, what the classes
 * mean, the findings class by class, and the action plan (owner, target date, status).
 */
export async function renderAuditReadinessPdf(model: AuditReadinessModel, meta: ExportMeta): Promise<Buffer> {
  const options = {
    title: 'Audit-readiness report',
    subtitle: `Findings in NHS England's audit vocabulary on ${formatDate(model.asOf)}`,
    organisationName: meta.organisationName,
    generatedAt: meta.generatedAt,
    details: [...(meta.details ?? [])],
    subject: 'Findings classed as agreement nonconformities, observations and opportunities for improvement, with the action plan',
  };
  return ReportDocument.render(options, (report) => layOut(report, model));
}

function layOut(report: ReportDocument, model: AuditReadinessModel): void {
  report.heading('Summary');
  report.keyValues(model.counts.map((c) => [c.label, String(c.count)]));
  report.paragraph(
    'An agreement nonconformity is a term of the DSA or DSFC not met today; an observation is something an auditor will ask about without it being a breach; an opportunity for improvement is a risk that acting early avoids. Which class each kind of finding falls in is Custodian’s reading of NHS England’s audit practice, published with Custodian so that it can be checked and corrected.',
    { muted: true },
  );

  for (const auditClass of auditClasses) {
    const rows = model.findings.filter((f) => f.auditClass === auditClass);
    report.heading(`${auditClassHeadings[auditClass]} (${rows.length})`);
    report.table({
      columns: [
        { header: 'Severity', width: 0.8, value: (f: AuditFindingRow) => f.severity.toUpperCase() },
        { header: 'Finding', width: 4, value: (f) => f.title },
        { header: 'What to do', width: 3.2, value: (f) => f.action },
        { header: 'Due', width: 1.1, value: (f) => (f.dueDate ? formatDate(f.dueDate) : '') },
      ],
      rows,
      emptyText: `None on ${formatDate(model.asOf)}.`,
    });
  }

  report.newPage();
  report.heading('Action plan');
  report.paragraph('From each finding’s status: acknowledged findings have an owner and a target date; a risk accepted names who accepted it and when it is reviewed; open findings have no owner yet.', { muted: true });
  report.table({
    columns: [
      { header: 'Finding', width: 4, value: (a: ActionPlanRow) => a.finding },
      { header: 'Class', width: 1.6, value: (a) => a.classLabel },
      { header: 'Owner', width: 1.5, value: (a) => a.owner ?? 'Not assigned' },
      { header: 'Target date', width: 1.2, value: (a) => (a.targetDate ? formatDate(a.targetDate) : '') },
      { header: 'Status', width: 1.8, value: (a) => a.status },
    ],
    rows: model.actionPlan,
    emptyText: 'No findings: nothing to plan.',
  });
}
