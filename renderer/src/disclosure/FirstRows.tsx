import type { FirstRows } from '../../../shared/disclosure/first-rows';

/**
 * The table's first rows as read, shown while the rest of a long table is read and protected, so
 * that the analyst sees at once that the right file (and the right columns) is being worked on.
 * Original counts only: the published values appear side by side when the whole table is done.
 */
export function FirstRowsTable({ firstRows }: { firstRows: FirstRows }) {
  const { labelColumns, countColumns, rows } = firstRows;
  return (
    <section className="side-by-side-section" aria-labelledby="first-rows-heading">
      <h3 id="first-rows-heading">First rows as read</h3>
      <p className="hint">
        {labelColumns.length} label column{labelColumns.length === 1 ? '' : 's'} and {countColumns.length} count column{countColumns.length === 1 ? '' : 's'}.
        The published values appear beside them when the whole table is protected.
      </p>
      <div className="first-rows">
        <table className="data-table compare-table" aria-label="First rows as read (stay on this computer)">
          <thead>
            <tr>
              {labelColumns.map((c) => (
                <th key={`l-${c}`} scope="col">
                  {c}
                </th>
              ))}
              {countColumns.map((c) => (
                <th key={`c-${c}`} scope="col" className="align-end">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                {row.labels.map((label, i) => (
                  <th key={i} scope="row">
                    {label}
                  </th>
                ))}
                {row.counts.map((value, i) => (
                  <td key={i} className="align-end">
                    {value.toLocaleString('en-GB')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
