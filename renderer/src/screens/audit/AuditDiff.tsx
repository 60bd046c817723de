import { auditDiff, EMPTY_VALUE, readablePath } from '../../audit/audit-diff';
import { auditValueText } from '../../audit/audit-value';

const NotSet = () => <span className="muted">(not set)</span>;

/** An entry's change as a table of fields with the value before and after, each as the screens show it (audit-value.ts): a reference by the record's name (`labels`), not its id. */
export function AuditDiff({ id, kind, before, after, detail, labels = {} }: { id: string; kind: string | null; before: unknown; after: unknown; detail: unknown; labels?: Record<string, string> }) {
  const shown = (value: string) => auditValueText(value, labels);
  const rows = auditDiff(before, after);
  return (
    <div id={id} className="audit-diff">
      {rows.length === 0 ? (
        <p className="muted">No field changed.</p>
      ) : (
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.path} className={`diff-${row.change}`}>
                <th scope="row">{readablePath(kind, row.path)}</th>
                <td>{row.before === null ? <NotSet /> : row.before === EMPTY_VALUE ? <span className="muted">{EMPTY_VALUE}</span> : <del>{shown(row.before)}</del>}</td>
                <td>{row.after === null ? <NotSet /> : row.after === EMPTY_VALUE ? <span className="muted">{EMPTY_VALUE}</span> : <ins>{shown(row.after)}</ins>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail !== null && detail !== undefined ? <pre className="audit-detail">{JSON.stringify(detail, null, 2)}</pre> : null}
    </div>
  );
}
