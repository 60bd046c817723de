import type { CellReason } from '../../shared/disclosure/cell-rules';
import type { DisclosureSummary, ReportAction } from '../../shared/disclosure/report';

/** How a cell's reason shows in the report: its line in the changes list (null when unchanged) and its summary count. */
export function actionOf(reason: CellReason): ReportAction | null {
  switch (reason) {
    case 'primary':
    case 'secondary':
      return 'suppressed';
    case 'rounded':
      return 'rounded';
    case 'total-recomputed':
      return 'recomputed';
    default:
      return null;
  }
}

/** The summary as the internal report keeps it: suppressions told apart. */
export type InternalSummary = Required<Omit<DisclosureSummary, 'complementaryLowerBound' | 'complementaryMethod'>>;

export function emptySummary(): InternalSummary {
  return { rows: 0, cells: 0, suppressed: 0, primarySuppressions: 0, complementarySuppressions: 0, rounded: 0, totalsRecomputed: 0, nationalExact: 0, unchanged: 0 };
}

export function tally(summary: InternalSummary, reason: CellReason): void {
  switch (reason) {
    case 'primary':
      summary.primarySuppressions++;
      summary.suppressed++;
      break;
    case 'secondary':
      summary.complementarySuppressions++;
      summary.suppressed++;
      break;
    case 'rounded':
      summary.rounded++;
      break;
    case 'total-recomputed':
      summary.totalsRecomputed++;
      break;
    case 'national':
      summary.nationalExact++;
      break;
    case 'unchanged':
      summary.unchanged++;
      break;
  }
}
