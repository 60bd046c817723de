import { formatDate, plural } from '../../../shared/register/format-date';
import type { HoldingsReportModel } from '../../../shared/reports/holdings-report-model';

/** "DARS-NIC-00574-V2H1F: Readmissions study", or "Whole register". */
export function holdingsReportTitle(model: HoldingsReportModel): string {
  if (!model.agreement) return 'Whole register';
  return model.agreement.title ? `${model.agreement.nicReference}: ${model.agreement.title}` : model.agreement.nicReference;
}

/** The lines under the title, shared by the PDF and the XLSX report. */
export function holdingsReportDetails(model: HoldingsReportModel): [string, string][] {
  const { findingCounts: f, totals: t } = model;
  return [
    ['Register judged on', formatDate(model.asOf)],
    ['Scope', model.agreement ? `Agreement ${model.agreement.nicReference}, all versions` : 'Every agreement in the register'],
    ['Findings', `${f.high} high, ${f.medium} medium, ${f.low} low`],
    [
      'Contents',
      `${plural(t.versions, 'version')} of ${plural(t.agreements, 'agreement')}; ${plural(t.holdings, 'holding')}; ${plural(t.liveCopies, 'live copy', 'live copies')} (${plural(t.copies, 'copy', 'copies')} recorded, destroyed ones included)`,
    ],
  ];
}
