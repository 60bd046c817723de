import { auditDiff } from '../../audit/audit-diff';

/** An entry's change as a table of fields with the value before and after. */
export function AuditDiff({ id, before, after, detail }: { id: string; before: unknown; after: unknown; detail: unknown }) {
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
                <th scope="row">{row.path}</th>
                <td>{row.before === null ? <span className="muted">(not set)</span> : <del>{row.before}</del>}</td>
                <td>{row.after === null ? <span className="muted">(not set)</span> : <ins>{row.after}</ins>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail !== null && detail !== undefined ? <pre className="audit-detail">{JSON.stringify(detail, null, 2)}</pre> : null}
    </div>
  );
}
