import { useId } from 'react';
import { auditActionLabels, auditActions } from '../../../../shared/audit/audit-vocabulary';
import { auditKindChoices } from '../../audit/audit-kind-choices';
import { SearchBox } from '../../components/SearchBox';
import { useAuditStore } from '../../stores/audit-store';

/**
 * Filters for the audit log: kind of record (every kind the log is written about, incidents,
 * destruction records, disclosure exports and settings included), every action, a record's id,
 * words anywhere in the entry, and a date range.
 */
export function AuditFilterBar() {
  const { filters, setFilter, clearFilters } = useAuditStore();
  const ids = { kind: useId(), action: useId(), from: useId(), to: useId() };
  const backwards = filters.fromDate && filters.toDate && filters.toDate < filters.fromDate;
  return (
    <div className="list-toolbar audit-filters">
      <SearchBox label="Search entries" value={filters.search} onSearch={(text) => setFilter('search', text)} />
      <SearchBox label="Record id" value={filters.recordId} onSearch={(text) => setFilter('recordId', text)} />
      <div className="filter">
        <label htmlFor={ids.kind}>Kind of record</label>
        <select id={ids.kind} value={filters.kind} onChange={(e) => setFilter('kind', e.target.value)}>
          <option value="">Any</option>
          {auditKindChoices.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={ids.action}>Action</label>
        <select id={ids.action} value={filters.action} onChange={(e) => setFilter('action', e.target.value)}>
          <option value="">Any</option>
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {auditActionLabels[action]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={ids.from}>From</label>
        <input id={ids.from} type="date" value={filters.fromDate} onChange={(e) => setFilter('fromDate', e.target.value)} aria-describedby={backwards ? `${ids.to}-error` : undefined} />
      </div>
      <div className="filter">
        <label htmlFor={ids.to}>To</label>
        <input id={ids.to} type="date" value={filters.toDate} onChange={(e) => setFilter('toDate', e.target.value)} aria-invalid={backwards ? true : undefined} aria-describedby={backwards ? `${ids.to}-error` : undefined} />
      </div>
      <button type="button" onClick={clearFilters}>
        Clear filters
      </button>
      {backwards ? (
        <p className="field-error" id={`${ids.to}-error`}>
          The “To” date is before the “From” date, so nothing can match: swap them.
        </p>
      ) : null}
    </div>
  );
}
