import { useId, useState, type DragEvent } from 'react';
import { useDisclosureStore } from '../stores/disclosure-store';

const formatSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** Step 1: the table. A button opens main's dialog; a file can also be dropped anywhere on the zone. */
export function InputPanel() {
  const { input, sheet, opening, chooseFile, dropFile, setRules } = useDisclosureStore();
  const [dragging, setDragging] = useState(false);
  const sheetId = useId();

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void dropFile(file);
  };

  return (
    <section className="disclosure-step" aria-labelledby="disclosure-table-heading">
      <h2 id="disclosure-table-heading">1. The table</h2>
      <div
        className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <button type="button" className="primary" onClick={() => void chooseFile()} disabled={opening}>
          {opening ? 'Opening…' : 'Open a table…'}
        </button>
        <span className="hint">or drop a CSV or XLSX file here. Counts only: label columns, then count columns.</span>
      </div>
      {input ? (
        <p className="disclosure-file" aria-live="polite">
          <strong>{input.name}</strong> · {input.format.toUpperCase()} · {formatSize(input.size)}
        </p>
      ) : null}
      {input && input.sheets.length > 1 ? (
        <div className="field inline-field">
          <label htmlFor={sheetId}>Sheet</label>
          <select id={sheetId} value={sheet ?? ''} onChange={(e) => setRules({ sheet: e.target.value })}>
            {input.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
}
