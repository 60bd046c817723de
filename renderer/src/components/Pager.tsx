import { showNumber } from '../format/display';

/** Which rows are shown out of how many, and (when there is more than one page) buttons to the previous and next page. */
export function Pager({ offset, limit, total, shown, onOffset, label }: { offset: number; limit: number; total: number; shown: number; onOffset: (offset: number) => void; label: string }) {
  if (total === 0) return null;
  const from = offset + 1;
  const to = offset + shown;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <p className="pager-status" aria-live="polite">
        {shown === 0 ? `No rows on this page of ${showNumber(total)}` : `Showing ${showNumber(from)}–${showNumber(to)} of ${showNumber(total)}`}
      </p>
      {total > limit ? (
        <>
          <button type="button" onClick={() => onOffset(offset - limit)} disabled={offset === 0}>
            Previous page
          </button>
          <button type="button" onClick={() => onOffset(offset + limit)} disabled={offset + limit >= total}>
            Next page
          </button>
        </>
      ) : null}
    </nav>
  );
}
