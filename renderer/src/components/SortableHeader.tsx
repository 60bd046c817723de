import type { ListSort } from '../stores/record-list-store';

/**
 * A column header that sorts its list. `aria-sort` tells assistive technology the current order; the
 * button's name says what pressing it will do.
 */
export function SortableHeader({ label, field, sort, onSort }: { label: string; field: string; sort: ListSort | null; onSort: (field: string) => void }) {
  const active = sort?.field === field;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const next = active && sort.direction === 'asc' ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort(field)} title={`Sort by ${label}, ${next}`}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
