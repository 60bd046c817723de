import { useEffect, useId, useState } from 'react';
import type { HoldingState } from '../../../shared/register/list-facts';
import { call } from '../api/client';

export interface HoldingOption {
  id: string;
  label: string;
  datasetId: string;
  agreement: string;
}

/** A table cannot derive from data that is gone: destroyed holdings, certified or not, are not offered. */
const offered = (state: HoldingState | undefined) => state !== undefined && state !== 'destroyed' && state !== 'certified';

/** Enough for any one search; typing narrows it on the server. */
const LIMIT = 500;

/**
 * The holdings a table can derive from, found by what people know them by (DARS file reference,
 * dataset, agreement: the register's holding search), leaving out what is destroyed. An empty
 * register simply offers none.
 */
function useHoldingOptions(search: string): { options: HoldingOption[]; total: number; error: string | null } {
  const [state, setState] = useState<{ options: HoldingOption[]; total: number; error: string | null }>({ options: [], total: 0, error: null });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call('register.list', { kind: 'holding', limit: LIMIT, filters: { archived: false }, sort: { field: 'darsFileReference', direction: 'asc' }, ...(search.trim() ? { search: search.trim() } : {}) }).then((result) => {
        if (!live) return;
        if (!result.ok || result.value.kind !== 'holding') {
          setState({ options: [], total: 0, error: result.ok ? null : result.error.message });
          return;
        }
        const { records, labels, facts = {} } = result.value;
        const options = records
          .filter((h) => offered(facts[h.id]?.state))
          .map((h) => ({ id: h.id, datasetId: h.datasetId, agreement: facts[h.id]!.agreement.label, label: `${h.darsFileReference} · ${labels[h.datasetId] ?? 'dataset'}` }));
        setState({ options, total: result.value.total, error: null });
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);
  return state;
}

/**
 * "Holding it derives from" on the Disclosure screen: a search box and a list grouped by agreement.
 * The holding already chosen stays offered whatever the search, so narrowing never unsets it.
 */
export function HoldingPicker({ value, onChange }: { value: string | null; onChange: (holding: HoldingOption | null) => void }) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<HoldingOption | null>(null);
  const { options, total, error } = useHoldingOptions(search);
  const ids = { search: useId(), select: useId(), hint: useId() };
  const shown = chosen && value === chosen.id && !options.some((o) => o.id === chosen.id) ? [chosen, ...options] : options;
  const groups = new Map<string, HoldingOption[]>();
  for (const option of shown) {
    const group = groups.get(option.agreement);
    if (group) group.push(option);
    else groups.set(option.agreement, [option]);
  }
  const agreements = [...groups.keys()].sort((a, b) => a.localeCompare(b));
  const hint = error
    ? `The register’s holdings could not be listed: ${error}`
    : search.trim() && shown.length === 0
      ? 'No holding that is still held matches the search.'
      : !search.trim() && shown.length === 0
        ? 'No holdings in the register are still held; add them on the Holdings screen to record where a table came from.'
        : `Holdings still held, by agreement (destroyed ones are left out)${total > LIMIT ? `: the first ${LIMIT}; type to narrow` : ''}. Recorded with the export; the profile follows the dataset’s agreement.`;
  return (
    <div className="field holding-picker">
      <label htmlFor={ids.search}>Find a holding</label>
      <input id={ids.search} type="search" value={search} placeholder="DARS file reference, dataset or NIC reference" onChange={(e) => setSearch(e.target.value)} aria-describedby={ids.hint} />
      <label htmlFor={ids.select}>Holding it derives from</label>
      <select
        id={ids.select}
        value={value ?? ''}
        aria-describedby={ids.hint}
        onChange={(e) => {
          const picked = shown.find((o) => o.id === e.target.value) ?? null;
          setChosen(picked);
          onChange(picked);
        }}
      >
        <option value="">Not recorded</option>
        {agreements.map((agreement) => (
          <optgroup key={agreement} label={agreement}>
            {groups.get(agreement)!.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p className="hint" id={ids.hint}>
        {hint}
      </p>
    </div>
  );
}
