import type { MoreFindings } from '../hooks/useMoreFindings';

/** The "Show more" under a list of findings, with what it will bring, and the error if a page failed. */
export function ShowMoreFindings({ more, what }: { more: MoreFindings; what: string }) {
  return (
    <>
      {more.error ? (
        <p role="alert" className="error-banner">
          {more.error}
        </p>
      ) : null}
      {more.next > 0 ? (
        <button type="button" disabled={more.loading} onClick={more.loadMore}>
          {more.loading ? `Loading ${more.next} more ${what}…` : `Show ${more.next} more ${what}`}
        </button>
      ) : null}
    </>
  );
}
