import { recordHref } from '../navigation/record-route';

/**
 * A link to a record's detail, named as people know it. A record the app has no screen for, or a
 * missing reference, shows as plain text. Inside a data table, pass `inRow`: the row itself is the
 * keyboard stop (Enter opens it), so its links stay out of the Tab order.
 */
export function RecordLink({ kind, id, label, inRow = false }: { kind: string; id: string | null | undefined; label?: string | null; inRow?: boolean }) {
  if (!id) return <span className="muted">—</span>;
  const href = recordHref(kind, id);
  const text = label ?? id;
  return href ? (
    <a href={href} tabIndex={inRow ? -1 : undefined} className="record-link">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}
