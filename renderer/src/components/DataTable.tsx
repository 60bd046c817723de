import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { navigate } from '../hooks/useHashRoute';
import type { ListSort } from '../stores/record-list-store';
import { SortableHeader } from './SortableHeader';

export interface Column<T> {
  id: string;
  header: string;
  /** The list field this column shows, when the list can be sorted by it. */
  sortField?: string;
  render: (row: T) => ReactNode;
  /** Numbers and dates line up on the right. */
  align?: 'end';
}

interface DataTableProps<T> {
  /** Names the table for assistive technology ("Holdings", "Copies of this holding"). */
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Where Enter on a row goes (the row's detail). */
  rowHref?: (row: T) => string | null;
  sort?: ListSort | null;
  onSort?: (field: string) => void;
  /** PageDown / PageUp on a row turn the page. */
  onPage?: (step: 1 | -1) => void;
  busy?: boolean;
  empty: ReactNode;
}

/**
 * A table of one page of records. Rows are reached with Tab (one stop for the whole table) and
 * moved through with the arrow keys, Home and End; Enter opens the row's record; PageDown and
 * PageUp turn the page. Only the rows on the page are rendered.
 */
export function DataTable<T>({ label, columns, rows, rowKey, rowHref, sort = null, onSort, onPage, busy = false, empty }: DataTableProps<T>) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActive(target);
    body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]')[target]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    if (event.target !== event.currentTarget) return; // keys typed in a control inside the row are its own
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusRow(index + 1),
      ArrowUp: () => focusRow(index - 1),
      Home: () => focusRow(0),
      End: () => focusRow(rows.length - 1),
      PageDown: () => onPage?.(1),
      PageUp: () => onPage?.(-1),
      Enter: () => {
        const href = rowHref?.(row);
        if (href) navigate(href);
      },
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) =>
              column.sortField && onSort ? (
                <SortableHeader key={column.id} label={column.header} field={column.sortField} sort={sort} onSort={onSort} />
              ) : (
                <th key={column.id} scope="col" className={column.align === 'end' ? 'align-end' : undefined}>
                  {column.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr
                key={rowKey(row)}
                data-row=""
                tabIndex={index === current ? 0 : -1}
                onFocus={() => setActive(index)}
                onKeyDown={(event) => onKeyDown(event, index, row)}
              >
                {columns.map((column) => (
                  <td key={column.id} className={column.align === 'end' ? 'align-end' : undefined}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
