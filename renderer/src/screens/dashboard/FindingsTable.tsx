import { useCallback, useId, useMemo, useState } from 'react';
import { createExpandedRowModel, rowExpandingFeature, tableFeatures, useTable, type ColumnDef, type Row } from '@tanstack/react-table';
import { canBeBreach } from '../../../../shared/findings/breach-codes';
import { findingStateLabels, findingStates, MAX_FINDINGS_PER_DECISION, type FindingState } from '../../../../shared/findings/finding-status';
import { findingsGroupings, type FindingsTable as Table, type FindingsTableGroup, type FindingsTableRow } from '../../../../shared/findings/findings-table';
import { severities, type Finding } from '../../../../shared/register/findings';
import { FindingStatusDialog, type FindingGroupTarget } from '../../components/FindingStatusDialog';
import { FindingStatusLine } from '../../components/FindingStatusLine';
import { RecordLink } from '../../components/RecordLink';
import { StatusBadge } from '../../components/StatusBadge';
import { capitalise, showDate } from '../../format/display';
import { GROUPS_PER_PAGE, useFindingsTable, type FindingsTableQuery } from '../../hooks/useFindingsTable';
import { OpenIncidentLink } from '../../components/OpenIncidentLink';
import { useRegisterChanges } from '../../stores/register-changes-store';
import { useActionLock } from '../../stores/register-identity-store';
import './findings-table.css';

/**
 * The dashboard's findings as a dense table to work through (issue 11, item 2): grouped by code or
 * by agreement with counts per group, filtered by severity, code, agreement, location and status,
 * and near-identical findings (one code, one location, one agreement) folded into one row that
 * opens onto its copies. Main filters and groups (findings.table); this draws what it sends.
 * The rows are TanStack Table rows: a folded row's findings are its sub-rows, opened in place.
 */

/** A row of the table: a (possibly folded) row from main, or one finding inside an opened folded row. */
type Item = { kind: 'row'; row: FindingsTableRow } | { kind: 'finding'; finding: Finding; row: FindingsTableRow };

const features = tableFeatures({ rowExpandingFeature, expandedRowModel: createExpandedRowModel() });
type Features = typeof features;

const groupingLabels: Record<(typeof findingsGroupings)[number], string> = { code: 'Finding', agreement: 'Agreement' };

export function FindingsTable({ onStatusChanged }: { onStatusChanged: () => void }) {
  const revision = useRegisterChanges((s) => s.revision);
  const [query, setQuery] = useState<FindingsTableQuery>({ groupBy: 'code' });
  const { table, error, page, setPage, showMore, reload } = useFindingsTable(query, revision);
  const set = (patch: Partial<FindingsTableQuery>) => setQuery((q) => ({ ...q, ...patch }));
  // Stable, so each group's columns (and TanStack's row models) are not rebuilt on every render.
  const changed = useCallback(() => {
    reload();
    onStatusChanged();
  }, [reload, onStatusChanged]);
  const groupPages = table ? Math.max(1, Math.ceil(table.groupCount / GROUPS_PER_PAGE)) : 1;
  return (
    <div className="findings-table-panel">
      {table ? <Filters table={table} query={query} set={set} /> : null}
      {error ? (
        <p role="alert" className="error-banner">
          {error}
        </p>
      ) : null}
      <p className="muted" role="status">
        {table ? `${table.total.toLocaleString('en-GB')} finding${table.total === 1 ? '' : 's'} in ${table.groupCount} group${table.groupCount === 1 ? '' : 's'}` : 'Loading the findings…'}
      </p>
      {table && table.total === 0 ? <p className="ok-note">{isFiltered(query) ? 'No finding matches these filters.' : 'No findings: nothing in the register needs attention today.'}</p> : null}
      {table && table.total > 0 ? (
        <div className="findings-table-scroll">
          <table className="data-table findings-table" aria-label="Findings">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Finding</th>
                <th scope="col">Agreement</th>
                <th scope="col">Location</th>
                <th scope="col">Status</th>
                <th scope="col">Due or target</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            {table.groups.map((group) => (
              <GroupBody key={`${query.groupBy}:${group.key}`} group={group} onShowMore={() => void showMore(group)} onStatusChanged={changed} />
            ))}
          </table>
        </div>
      ) : null}
      {groupPages > 1 ? (
        <nav className="pager" aria-label="Findings groups pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous groups
          </button>
          <span className="pager-status">{`Groups page ${page + 1} of ${groupPages}`}</span>
          <button type="button" disabled={page + 1 >= groupPages} onClick={() => setPage(page + 1)}>
            Next groups
          </button>
        </nav>
      ) : null}
    </div>
  );
}

const isFiltered = (q: FindingsTableQuery) => q.severity !== undefined || q.code !== undefined || q.agreementId !== undefined || q.locationId !== undefined || q.status !== undefined;

function Filters({ table, query, set }: { table: Table; query: FindingsTableQuery; set: (patch: Partial<FindingsTableQuery>) => void }) {
  const id = useId();
  const select = (name: string, label: string, value: string | undefined, options: { value: string; label: string }[], onChange: (v: string | undefined) => void, anyLabel = 'Any') => (
    <div className="filter">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const counted = (facet: Table['facets']['codes']) => facet.map((f) => ({ value: f.value, label: `${f.label} (${f.count})` }));
  return (
    <div className="findings-filters" role="group" aria-label="Group and filter the findings">
      {select('group', 'Group by', query.groupBy, findingsGroupings.map((g) => ({ value: g, label: groupingLabels[g] })), (v) => set({ groupBy: v === 'agreement' ? 'agreement' : 'code' }), '')}
      {select('severity', 'Severity', query.severity, severities.map((s) => ({ value: s, label: capitalise(s) })), (v) => set({ severity: v as (typeof severities)[number] | undefined }))}
      {select('code', 'Finding', query.code, counted(table.facets.codes), (v) => set({ code: v }))}
      {select('agreement', 'Agreement', query.agreementId, counted(table.facets.agreements), (v) => set({ agreementId: v }))}
      {select('location', 'Location', query.locationId, counted(table.facets.locations), (v) => set({ locationId: v }))}
      {select('status', 'Status', query.status, findingStates.map((s) => ({ value: s, label: findingStateLabels[s] })), (v) => set({ status: v as FindingState | undefined }))}
    </div>
  );
}

function GroupBody({ group, onShowMore, onStatusChanged }: { group: FindingsTableGroup; onShowMore: () => void; onStatusChanged: () => void }) {
  const data = useMemo((): Item[] => group.rows.map((row) => ({ kind: 'row', row })), [group.rows]);
  const columns = useMemo(() => itemColumns(onStatusChanged), [onStatusChanged]);
  const table = useTable({
    features,
    columns,
    data,
    // A status set from inside an opened row reloads the rows: the row stays open so its findings show what was set.
    autoResetExpanded: false,
    getRowId: (item: Item) => (item.kind === 'row' ? item.row.key : `${item.row.key}/${item.finding.id}`),
    getSubRows: (item: Item) => (item.kind === 'row' && item.row.count > 1 ? item.row.findings.map((finding): Item => ({ kind: 'finding', finding, row: item.row })) : undefined),
  });
  const counts = severities.filter((s) => group.bySeverity[s] > 0).map((s) => `${group.bySeverity[s]} ${s}`);
  const headingId = useId();
  return (
    <tbody aria-labelledby={headingId} data-group={group.key}>
      <tr className="findings-group-row">
        <th scope="rowgroup" colSpan={7} id={headingId}>
          {group.label} <span className="findings-group-count">{`${group.count} finding${group.count === 1 ? '' : 's'}: ${counts.join(', ')}`}</span>
        </th>
      </tr>
      {table.getRowModel().rows.map((row) => (
        <tr key={row.id} className={rowClass(row)} data-code={row.original.kind === 'row' ? row.original.row.code : row.original.finding.code} data-folded={row.original.kind === 'row' && row.original.row.count > 1 ? 'true' : undefined}>
          {row.getAllCells().map((cell) => (
            <td key={cell.id}>
              <table.FlexRender cell={cell} />
            </td>
          ))}
        </tr>
      ))}
      {group.rows.length < group.rowCount ? (
        <tr>
          <td colSpan={7}>
            <button type="button" className="small" onClick={onShowMore}>
              {`Show ${Math.min(100, group.rowCount - group.rows.length)} more rows of ${group.label}`}
            </button>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

const rowClass = (row: Row<Features, Item>) => `finding-row finding-row-${row.original.kind === 'row' ? row.original.row.severity : row.original.finding.severity}${row.depth > 0 ? ' finding-row-copy' : ''}`;

/**
 * The records a finding is about, leaving out the location its row already links to; inside a
 * folded row (`compact`), only what tells its findings apart (the copy or holding).
 */
function FindingSubjects({ finding, compact, locationId = null }: { finding: Finding; compact: boolean; locationId?: string | null }) {
  const shown = compact ? finding.subjects.filter((s) => s.kind === 'copy' || s.kind === 'holding') : finding.subjects.filter((s) => !(s.kind === 'location' && s.id === locationId));
  return (
    <ul className="finding-subjects" aria-label="About">
      {(shown.length ? shown : finding.subjects).map((s) => (
        <li key={`${s.kind}:${s.id}`}>
          <RecordLink kind={s.kind} id={s.id} label={s.label} />
        </li>
      ))}
    </ul>
  );
}

function statesText(states: FindingsTableRow['states']): string {
  return findingStates
    .filter((s) => states[s] > 0)
    .map((s) => `${states[s]} ${findingStateLabels[s].toLowerCase()}`)
    .join(', ');
}

/** A finding's date to work to: the target or review date once decided, else when it falls due. */
function workDate(finding: Finding): string {
  const s = finding.status;
  if (s?.state === 'acknowledged') return `Target ${showDate(s.targetDate)}`;
  if (s?.state === 'risk-accepted') return `Review ${showDate(s.reviewDate)}`;
  return finding.dueDate ? `Due ${showDate(finding.dueDate)}` : '—';
}

function itemColumns(onStatusChanged: () => void): ColumnDef<Features, Item, unknown>[] {
  return [
    {
      id: 'severity',
      header: 'Severity',
      cell: ({ row }) => (row.depth > 0 ? null : <StatusBadge severity={row.original.row.severity} />),
    },
    {
      id: 'finding',
      header: 'Finding',
      cell: ({ row }) => {
        const item = row.original;
        if (item.kind === 'finding')
          return (
            <>
              <FindingSubjects finding={item.finding} compact />
              {item.row.notes[item.finding.id] ? <span className="finding-note">{item.row.notes[item.finding.id]}</span> : null}
            </>
          );
        const only = item.row.count === 1 ? item.row.findings[0]! : null;
        return (
          <>
            <p className="finding-title">{item.row.title}</p>
            {only ? (
              <>
                <p className="finding-action">{only.action}</p>
                <FindingSubjects finding={only} compact={false} locationId={item.row.location?.id ?? null} />
              </>
            ) : (
              <button type="button" className="link-button" aria-expanded={row.getIsExpanded()} onClick={() => row.toggleExpanded()}>
                {row.getIsExpanded() ? 'Hide the findings' : `Show the ${item.row.count} findings`}
                <span className="visually-hidden">{`: ${item.row.title}`}</span>
              </button>
            )}
            {!only && item.row.count > item.row.findings.length ? <p className="muted">{`The first ${item.row.findings.length} are listed; filter by location to narrow them.`}</p> : null}
          </>
        );
      },
    },
    {
      id: 'agreement',
      header: 'Agreement',
      cell: ({ row }) => (row.depth > 0 ? null : row.original.row.agreement ? <RecordLink kind="dsa" id={row.original.row.agreement.id} label={row.original.row.agreement.label} /> : <span className="muted">No single agreement</span>),
    },
    {
      id: 'location',
      header: 'Location',
      cell: ({ row }) => (row.depth > 0 ? null : row.original.row.location ? <RecordLink kind="location" id={row.original.row.location.id} label={row.original.row.location.label} /> : <span className="muted">—</span>),
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => {
        const item = row.original;
        const finding = item.kind === 'finding' ? item.finding : item.row.count === 1 ? item.row.findings[0]! : null;
        return finding ? (
          <span className="finding-status">
            <FindingStatusLine status={finding.status} />
          </span>
        ) : (
          <span className="muted">{statesText(item.row.states)}</span>
        );
      },
    },
    {
      id: 'due',
      header: 'Due or target',
      cell: ({ row }) => {
        const item = row.original;
        const finding = item.kind === 'finding' ? item.finding : item.row.count === 1 ? item.row.findings[0]! : null;
        return <span>{finding ? workDate(finding) : item.row.dueDate ? `Due from ${showDate(item.row.dueDate)}` : '—'}</span>;
      },
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => {
        const item = row.original;
        const finding = item.kind === 'finding' ? item.finding : item.row.count === 1 ? item.row.findings[0]! : null;
        if (finding) return <FindingActions finding={finding} onStatusChanged={onStatusChanged} />;
        return item.kind === 'row' ? <FoldedRowActions row={item.row} onStatusChanged={onStatusChanged} /> : null;
      },
    },
  ];
}

/** Set status (every finding) and Open incident (only those that can be a breach of the agreement). */
function FindingActions({ finding, onStatusChanged }: { finding: Finding; onStatusChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const lock = useActionLock('setFindingStatus');
  return (
    <div className="finding-row-actions">
      <button type="button" className="link-button" onClick={() => setOpen(true)} {...lock}>
        Set status<span className="visually-hidden"> of this finding: {finding.title}</span>
      </button>
      {canBeBreach(finding.code) ? (
        <OpenIncidentLink finding={finding} />
      ) : null}
      {open ? <FindingStatusDialog finding={finding} onClose={() => setOpen(false)} onSaved={onStatusChanged} /> : null}
    </div>
  );
}

/**
 * A folded row's one action: the same decision for every finding in it (five copies at one DR site
 * acknowledged by one owner), in one transaction. Past MAX_FINDINGS_PER_DECISION the row says it cannot.
 */
function FoldedRowActions({ row, onStatusChanged }: { row: FindingsTableRow; onStatusChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const lock = useActionLock('setFindingStatus');
  if (row.findingIds.length === 0) return <span className="muted">{`Over ${MAX_FINDINGS_PER_DECISION.toLocaleString('en-GB')} findings: too many to set at once`}</span>;
  const target: FindingGroupTarget = {
    findingIds: row.findingIds,
    label: `${row.codeLabel}${row.location ? ` at ${row.location.label}` : ''}${row.agreement ? ` (${row.agreement.label})` : ''}`,
  };
  return (
    <div className="finding-row-actions">
      <button type="button" className="link-button set-status-all" onClick={() => setOpen(true)} {...lock}>
        {`Set status for all ${row.count}…`}
        <span className="visually-hidden">{`: ${row.title}`}</span>
      </button>
      {open ? <FindingStatusDialog group={target} onClose={() => setOpen(false)} onSaved={onStatusChanged} /> : null}
    </div>
  );
}
