import type { ReactNode } from 'react';
import type { ListFactsOf } from '../../../shared/register/list-facts';
import type { ListFilterName } from '../../../shared/register/register-api';
import type { RecordKind, RecordOf } from '../../../shared/register/records';
import { useRecordList } from '../hooks/useRecordList';
import { recordHref } from '../navigation/record-route';
import type { ListOptions, RecordListState } from '../stores/record-list-store';
import { DataTable, type Column } from './DataTable';
import { IncludeArchivedFilter } from './IncludeArchivedFilter';
import { Pager } from './Pager';
import { SearchBox } from './SearchBox';

export interface RecordColumn<K extends RecordKind> {
  id: string;
  header: string;
  sortField?: string;
  align?: 'end';
  /** `facts`: what the main process computed about the row (live copies, destroy-by…), absent for an archived record. */
  render: (row: RecordOf<K>, labels: Record<string, string>, facts: ListFactsOf<K> | undefined) => ReactNode;
}

interface RecordListProps<K extends RecordKind> {
  kind: K;
  /** Names the table and its search box ("Holdings", "Copies of this holding"). */
  label: string;
  columns: readonly RecordColumn<K>[];
  options?: ListOptions;
  /** Extra filter controls, given the list's state and a setter. */
  filters?: (state: RecordListState<K>, setFilter: (name: ListFilterName, value: string | boolean | undefined) => void) => ReactNode;
  /** Buttons beside the search box (e.g. "Add copy"). */
  actions?: ReactNode;
  /** Main lists search and offer "Include archived"; a detail screen's lists show what belongs to the record. */
  searchable?: boolean;
  empty: ReactNode;
  /** What a search that matches nothing says. */
  noMatch?: string;
}

/**
 * A register list: search, filters, sortable columns, a page of rows and the pager, all read from
 * `register.list` a page at a time. Used for the main lists and for the related lists on detail screens.
 */
export function RecordList<K extends RecordKind>({ kind, label, columns, options, filters, actions, searchable = true, empty, noMatch }: RecordListProps<K>) {
  const [state, store] = useRecordList(kind, options);
  const { query, records, labels, facts, total, status, error } = state;
  const { setSearch, toggleSort, setOffset, setFilter } = store.getState();
  const narrowed = query.search.trim() !== '' || Object.entries(query.filters).some(([name, value]) => name !== 'archived' && value !== undefined);
  const tableColumns: Column<RecordOf<K>>[] = columns.map((c) => ({ ...c, render: (row: RecordOf<K>) => c.render(row, labels, facts[row.id]) }));

  return (
    <div className="record-list">
      {searchable || filters || actions ? (
        <div className="list-toolbar">
          {searchable ? <SearchBox label={`Search ${label.toLowerCase()}`} value={query.search} onSearch={setSearch} /> : null}
          {filters || searchable ? (
            <div className="list-filters">
              {filters?.(state, setFilter)}
              {searchable ? <IncludeArchivedFilter filters={query.filters} setFilter={setFilter} /> : null}
            </div>
          ) : null}
          {actions ? <div className="list-actions">{actions}</div> : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error-banner">
          {error}
        </p>
      ) : null}
      <DataTable
        label={label}
        columns={tableColumns}
        rows={records}
        rowKey={(row) => row.id}
        rowHref={(row) => recordHref(kind, row.id)}
        sort={query.sort}
        onSort={toggleSort}
        onPage={(step) => {
          const next = query.offset + step * query.limit;
          if (next >= 0 && next < total) setOffset(next);
        }}
        busy={status === 'loading'}
        empty={status === 'loading' || status === 'idle' ? 'Loading…' : narrowed ? (noMatch ?? 'Nothing matches the search or filters.') : empty}
      />
      <Pager label={label} offset={query.offset} limit={query.limit} total={total} shown={records.length} onOffset={setOffset} />
    </div>
  );
}
