import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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

/** From this many rows a page is virtualised: only the rows in view (and a few either side) are in the document. */
export const VIRTUAL_FROM = 100;
const ROW_HEIGHT = 38;

/**
 * A table of one page of records. Rows are reached with Tab (one stop for the whole table) and
 * moved through with the arrow keys, Home and End; Enter opens the row's record; PageDown and
 * PageUp turn the page. A long page (500 copies) is virtualised with @tanstack/react-virtual: the
 * table scrolls inside its frame under a fixed header, and only the rows in view are rendered, so
 * scrolling stays smooth whatever the page size; the keys scroll the row they move to into view.
 */
export function DataTable<T>({ label, columns, rows, rowKey, rowHref, sort = null, onSort, onPage, busy = false, empty }: DataTableProps<T>) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const current = Math.min(active, Math.max(rows.length - 1, 0));
  const virtual = rows.length >= VIRTUAL_FROM;
  // The table is meant to re-render as it scrolls (that is how the rows in view change): nothing here is memoised.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => frame.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const rowElement = (index: number) => body.current?.querySelector<HTMLTableRowElement>(`tr[data-row="${index}"]`) ?? null;
  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActive(target);
    const element = rowElement(target);
    if (element) element.focus();
    if (virtual) {
      virtualizer.scrollToIndex(target, { align: 'auto' });
      if (!element) pendingFocus.current = target; // rendered on the next paint, focused then
    }
  };
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const element = rowElement(pendingFocus.current);
    if (element) {
      pendingFocus.current = null;
      element.focus();
    }
  });

  const items = virtual ? virtualizer.getVirtualItems() : [];
  const before = items.length ? items[0]!.start : 0;
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const shownIndexes = items.map((i) => i.index);
  // The table keeps one Tab stop: the active row, or the first row in view once that is scrolled away.
  const tabStop = !virtual || shownIndexes.includes(current) ? current : (shownIndexes[0] ?? 0);

  const renderRow = (row: T, index: number) => (
    <tr
      key={rowKey(row)}
      data-row={index}
      // Rows wrap to different heights: each drawn row is measured, so the scroll space is true.
      data-index={index}
      ref={virtual ? virtualizer.measureElement : undefined}
      tabIndex={index === tabStop ? 0 : -1}
      onFocus={() => setActive(index)}
      onKeyDown={(event) => onKeyDown(event, index, row)}
    >
      {columns.map((column) => (
        <td key={column.id} className={column.align === 'end' ? 'align-end' : undefined}>
          {column.render(row)}
        </td>
      ))}
    </tr>
  );

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
    <div className={virtual ? 'table-wrap table-virtual' : 'table-wrap'} aria-busy={busy} ref={frame}>
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
          ) : virtual ? (
            <>
              {before > 0 ? <tr aria-hidden="true" className="virtual-spacer" style={{ height: before }} /> : null}
              {shownIndexes.map((index) => renderRow(rows[index]!, index))}
              {after > 0 ? <tr aria-hidden="true" className="virtual-spacer" style={{ height: after }} /> : null}
            </>
          ) : (
            rows.map((row, index) => renderRow(row, index))
          )}
        </tbody>
      </table>
    </div>
  );
}
