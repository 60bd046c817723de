import type { CellReason } from '../../../shared/disclosure/cell-rules';
import type { DisclosurePreview } from '../../../shared/disclosure/preview';

/** Colour, a letter (colour is never the only signal) and a name for each reason a cell changed. */
export const reasonStyles: Partial<Record<CellReason, { letter: string; name: string }>> = {
  primary: { letter: 'P', name: 'Primary suppression' },
  secondary: { letter: 'S', name: 'Complementary suppression' },
  rounded: { letter: 'R', name: 'Rounded' },
  'total-recomputed': { letter: 'T', name: 'Total recomputed' },
  national: { letter: 'N', name: 'National, exact' },
};

export function ReasonLegend() {
  return (
    <ul className="reason-legend" aria-label="Colour key">
      {Object.entries(reasonStyles).map(([reason, style]) => (
        <li key={reason}>
          <span className={`reason-swatch cell-${reason}`} aria-hidden="true">
            {style.letter}
          </span>
          {style.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * The original and the published table side by side, row for row. Every changed cell is coloured
 * by its reason, carries a letter, and explains itself on hover and on keyboard focus.
 */
export function SideBySide({ preview }: { preview: DisclosurePreview }) {
  const { labelColumns, countColumns, percentColumns, rows, totalRows, marker } = preview;
  const header = (extra: string[]) => (
    <thead>
      <tr>
        {labelColumns.map((c) => (
          <th key={`l-${c}`} scope="col">
            {c}
          </th>
        ))}
        {[...countColumns, ...extra].map((c) => (
          <th key={`c-${c}`} scope="col" className="align-end">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <section className="side-by-side-section" aria-labelledby="side-by-side-heading">
      <div className="side-by-side-heading">
        <h3 id="side-by-side-heading">Original and published</h3>
        <ReasonLegend />
      </div>
      <p className="hint">
        {rows.length < totalRows
          ? `The first ${rows.length.toLocaleString('en-GB')} of ${totalRows.toLocaleString('en-GB')} rows. The export covers them all.`
          : `All ${totalRows.toLocaleString('en-GB')} rows.`}{' '}
        Hover over or tab to a coloured cell to see why it changed.
      </p>
      <div className="side-by-side">
        <div className="side-table">
          <table className="data-table compare-table" aria-label="Original table (stays on this computer)">
            <caption>Original</caption>
            {header([])}
            <tbody>
              {rows.map((row) => (
                <tr key={row.row}>
                  {row.labels.map((label, i) => (
                    <th key={i} scope="row">
                      {label}
                    </th>
                  ))}
                  {row.original.map((value, i) => (
                    <td key={i} className={`align-end${reasonStyles[row.reasons[i]!] ? ' original-changed' : ''}`}>
                      {value.toLocaleString('en-GB')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="side-table">
          <table className="data-table compare-table" aria-label="Published table">
            <caption>Published</caption>
            {header(percentColumns)}
            <tbody>
              {rows.map((row) => (
                <tr key={row.row}>
                  {row.labels.map((label, i) => (
                    <th key={i} scope="row">
                      {label}
                    </th>
                  ))}
                  {row.published.map((value, i) => {
                    const reason = row.reasons[i]!;
                    const style = reasonStyles[reason];
                    const shown = value === null ? marker : value.toLocaleString('en-GB');
                    if (!style) {
                      return (
                        <td key={i} className="align-end">
                          {shown}
                        </td>
                      );
                    }
                    const note = row.notes[i] ?? style.name;
                    return (
                      <td key={i} className={`align-end changed-cell cell-${reason}`} tabIndex={0} data-note={note} data-reason={reason}>
                        <span className="reason-letter" aria-hidden="true">
                          {style.letter}
                        </span>
                        {shown}
                        <span className="visually-hidden">, {note}</span>
                      </td>
                    );
                  })}
                  {row.percentages.map((text, i) => (
                    <td key={`p-${i}`} className="align-end percent-cell">
                      {text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
