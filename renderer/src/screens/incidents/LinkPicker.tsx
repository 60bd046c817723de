import { useEffect, useId, useState } from 'react';
import type { ApiRequest } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';

type LinkKind = 'dsa' | 'dataset' | 'holding' | 'copy' | 'location';

/**
 * Picks the register records an incident involves: the chosen ones as a list with a Remove button
 * each, and a search box whose first matches (from register.list, so it stays quick on a register
 * of 100,000 copies) each have an Add button.
 */
export function LinkPicker({
  kind,
  legend,
  ids,
  labels,
  onChange,
}: {
  kind: LinkKind;
  legend: string;
  ids: readonly string[];
  labels: Record<string, string>;
  onChange: (ids: string[], labels: Record<string, string>) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ id: string; label: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const text = search.trim();
    if (text === '') return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await call('register.list', { kind, search: text, limit: 8, filters: { archived: false } } as ApiRequest<'register.list'>);
      if (!current) return;
      if (!result.ok) {
        setProblem(result.error.message);
        setFound([]);
        return;
      }
      setProblem(null);
      const page = result.value as { records: { id: string }[]; labels: Record<string, string> };
      setFound(page.records.map((r) => ({ id: r.id, label: page.labels[r.id] ?? r.id })));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kind, search]);

  const shown = search.trim() === '' ? [] : found.filter((f) => !ids.includes(f.id));
  return (
    <fieldset className="field link-picker">
      <legend>{legend}</legend>
      {ids.length > 0 ? (
        <ul className="chips" aria-label={`${legend}: chosen`}>
          {ids.map((linked) => (
            <li key={linked} className="chip">
              <span>{labels[linked] ?? linked}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${labels[linked] ?? linked}`} onClick={() => onChange(ids.filter((x) => x !== linked), labels)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">None chosen.</p>
      )}
      <label htmlFor={id} className="small">
        Find to add
      </label>
      <input id={id} type="search" value={search} placeholder="Type part of a name or reference" onChange={(e) => setSearch(e.target.value)} aria-describedby={`${id}-status`} />
      <p id={`${id}-status`} className="hint" role="status">
        {problem ?? (search.trim() === '' ? '' : shown.length === 0 ? 'No matches.' : `${shown.length} match${shown.length === 1 ? '' : 'es'}.`)}
      </p>
      {shown.length > 0 ? (
        <ul className="link-results">
          {shown.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                onClick={() => {
                  onChange([...ids, f.id], { ...labels, [f.id]: f.label });
                  setSearch('');
                }}
              >
                Add {f.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
