import { useEffect, useRef, type ReactNode } from 'react';
import type { RecordKind } from '../../../shared/register/records';
import { capitalise, kindNouns } from '../format/display';
import { useRecord, type RecordDetail } from '../hooks/useRecord';
import { RecordActions } from './RecordActions';
import { StatusBadge } from './StatusBadge';

/**
 * The frame of every detail screen: a way back to the list, the record's name as the heading
 * (focused on arrival, so keyboard and screen-reader users land on it), its actions, and the body
 * once the record has loaded, or a message saying what went wrong and what to do.
 */
export function DetailView({
  kind,
  id,
  backHref,
  backLabel,
  editable = true,
  actions,
  children,
}: {
  kind: RecordKind;
  id: string;
  backHref: string;
  backLabel: string;
  editable?: boolean;
  /** More buttons beside Edit and Archive (e.g. "Add version"). */
  actions?: (detail: RecordDetail) => ReactNode;
  children: (detail: RecordDetail) => ReactNode;
}) {
  const loaded = useRecord(kind, id);
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = loaded.status === 'ready';
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready, id]);

  return (
    <section className="detail" aria-labelledby={`detail-${id}`}>
      <p className="breadcrumb">
        <a href={backHref}>← {backLabel}</a>
      </p>
      {loaded.status === 'loading' ? <p className="muted">Loading…</p> : null}
      {loaded.status === 'error' ? (
        <p role="alert" className="error-banner">
          {loaded.message}
        </p>
      ) : null}
      {loaded.status === 'ready' ? (
        <>
          <div className="detail-header">
            <div>
              <p className="eyebrow">{capitalise(kindNouns[kind])}</p>
              <h2 id={`detail-${id}`} ref={heading} tabIndex={-1}>
                {loaded.detail.label} {loaded.detail.record.archived ? <StatusBadge tone="neutral">Archived</StatusBadge> : null}
              </h2>
            </div>
            <div className="detail-actions">
              {actions?.(loaded.detail)}
              <RecordActions kind={kind} record={loaded.detail.record} label={loaded.detail.label} labels={loaded.detail.labels} editable={editable} />
            </div>
          </div>
          {children(loaded.detail)}
        </>
      ) : null}
    </section>
  );
}
