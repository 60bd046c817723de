import { useCallback, useEffect } from 'react';
import { EmptyState } from '../components/EmptyState';
import { useLateItems } from '../dashboard/useLateItems';
import { ScreenHeader } from '../components/ScreenHeader';
import { showDate } from '../format/display';
import { routeHref } from '../navigation/record-route';
import { TIMELINE_DAYS, useDashboardStore } from '../stores/dashboard-store';
import { useRegisterChanges } from '../stores/register-changes-store';
import { DeadlineList } from './dashboard/DeadlineList';
import { DeadlineTimeline } from './dashboard/DeadlineTimeline';
import { FindingsTable } from './dashboard/FindingsTable';
import { OverdueObligations } from './dashboard/OverdueObligations';
import { SummaryStats } from './dashboard/SummaryStats';
import { DashboardTransfers } from '../transfer/screen-transfers';

/**
 * The dashboard: live holdings and copies, the findings as a table to work through (grouped,
 * filtered, near-identical ones folded), overdue obligations, and the next year's deadlines on a timeline. An empty register says so and
 * where to start, rather than showing zeros that look like good news.
 */
export function DashboardScreen() {
  const revision = useRegisterChanges((s) => s.revision);
  const { summary, findings, deadlines, status, error, load } = useDashboardStore();
  const late = useLateItems();
  // Read afresh each time the dashboard opens: the CLI or an import may have changed the register.
  useEffect(() => {
    void load();
  }, [load, revision]);

  const problem = error;
  const reloadDashboard = useCallback(() => void load(), [load]);
  const empty = summary !== null && summary.organisations + summary.agreements + summary.locations + summary.holdings === 0;
  return (
    <>
      <ScreenHeader title="Dashboard">
        {/* Export actions (findings XLSX/CSV, deadlines as iCalendar) go in this group. */}
        <div className="header-group" data-slot="import-export">
          <DashboardTransfers />
        </div>
      </ScreenHeader>
      {problem ? (
        <p role="alert" className="error-banner">
          {problem}
        </p>
      ) : null}
      {status !== 'ready' && !summary ? <p className="muted">Loading the register…</p> : null}
      {summary && empty ? (
        <EmptyState title="The register is empty">
          <p>
            Nothing is recorded yet, so there is nothing to check. Start with your organisation and your agreements on the{' '}
            <a href={routeHref('agreements')}>Agreements</a> screen, then record where the data is kept on the <a href={routeHref('locations')}>Locations</a> screen and what you hold on the{' '}
            <a href={routeHref('holdings')}>Holdings</a> screen. Findings and deadlines appear here as soon as there is something to check.
          </p>
        </EmptyState>
      ) : null}
      {summary && findings && !empty ? (
        <>
          <p className="lede">Judged on {showDate(findings.asOf)}.</p>
          <SummaryStats summary={summary} findings={findings} />
          {deadlines.length || late.length ? (
            <section className="panel timeline-panel" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{late.length ? 'Already late, and the next twelve months' : 'Next twelve months'}</h2>
              <DeadlineTimeline deadlines={deadlines} asOf={summary.asOf} horizonDays={TIMELINE_DAYS} late={late} />
            </section>
          ) : null}
          <section className="panel" aria-labelledby="findings-heading">
            <h2 id="findings-heading">Findings</h2>
            {/* A new status changes the counts above: the dashboard asks again, as after any change. */}
            <FindingsTable onStatusChanged={reloadDashboard} />
          </section>
          <div className="dashboard-grid dashboard-grid-even">
            <section className="panel" aria-labelledby="overdue-heading">
              <h2 id="overdue-heading">Overdue obligations</h2>
              <OverdueObligations overview={findings} />
            </section>
            <section className="panel" aria-labelledby="deadlines-heading">
              <h2 id="deadlines-heading">Next deadlines</h2>
              <DeadlineList deadlines={deadlines} />
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}
