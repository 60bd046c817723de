import { useEffect, useId, useState } from 'react';
import { worklistDueFilters, worklistDueLabels, type DestructionWorklist as Worklist, type WorklistDue, type WorklistItem } from '../../../shared/destruction/destruction-worklist';
import { formatDate } from '../../../shared/register/format-date';
import { call } from '../api/client';
import { Pager } from '../components/Pager';
import { RecordLink } from '../components/RecordLink';
import { displayValue } from '../format/display';
import { useDestructionStore } from '../stores/destruction-store';
import { useActionLock } from '../stores/register-identity-store';
import { useRegisterChanges } from '../stores/register-changes-store';

/** Holdings per page of the worklist. */
export const WORKLIST_PAGE = 25;

interface Query {
  due: WorklistDue;
  agreementId?: string;
  locationId?: string;
}

function daysText(daysLeft: number | null, overdue: boolean): string {
  if (daysLeft === null) return 'No deadline yet';
  if (daysLeft < 0) return overdue ? `${-daysLeft} day${daysLeft === -1 ? '' : 's'} overdue` : `Ended ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago, kept under an exception`;
  if (daysLeft === 0) return 'Due today';
  return `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
}

/** Red only for what is already late; amber for the next 30 days; the rest plain. */
const tone = (item: WorklistItem) => (item.overdue ? 'is-danger' : item.daysLeft !== null && item.daysLeft <= 30 ? 'is-warning' : 'is-neutral');

/**
 * The destruction worklist (issue 11, item 3): holdings with live copies, soonest deadline first,
 * filtered by how soon they fall due, agreement and location, a page at a time from main
 * (destruction.worklist). Each holding's live copies are ticked; "Record destruction…" opens one
 * form for the ticked copies.
 */
export function DestructionWorklist() {
  const revision = useRegisterChanges((s) => s.revision);
  const startRecording = useDestructionStore((s) => s.startRecording);
  const lock = useActionLock('recordDestruction');
  const [query, setQuery] = useState<Query>({ due: 'all' });
  const [offset, setOffset] = useState(0);
  const [worklist, setWorklist] = useState<Worklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Copies the user has unticked, by id: every live copy starts ticked. */
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const id = useId();

  useEffect(() => {
    let current = true;
    void call('destruction.worklist', { ...query, offset, limit: WORKLIST_PAGE }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setWorklist(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [query, offset, revision]);

  const filter = (patch: Partial<Query>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setOffset(0);
  };
  const toggle = (copyId: string) =>
    setUnticked((u) => {
      const next = new Set(u);
      if (next.has(copyId)) next.delete(copyId);
      else next.add(copyId);
      return next;
    });

  return (
    <div className="worklist">
      {worklist ? (
        <div className="worklist-filters" role="group" aria-label="Filter the worklist">
          <div className="filter">
            <label htmlFor={`${id}-due`}>Due</label>
            <select id={`${id}-due`} value={query.due} onChange={(e) => filter({ due: e.target.value as WorklistDue })}>
              {worklistDueFilters.map((d) => (
                <option key={d} value={d}>{`${worklistDueLabels[d]} (${worklist.dueCounts[d]})`}</option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={`${id}-agreement`}>Agreement</label>
            <select id={`${id}-agreement`} value={query.agreementId ?? ''} onChange={(e) => filter({ agreementId: e.target.value || undefined })}>
              <option value="">Any</option>
              {worklist.facets.agreements.map((a) => (
                <option key={a.value} value={a.value}>{`${a.label} (${a.count})`}</option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={`${id}-location`}>Location</label>
            <select id={`${id}-location`} value={query.locationId ?? ''} onChange={(e) => filter({ locationId: e.target.value || undefined })}>
              <option value="">Any</option>
              {worklist.facets.locations.map((l) => (
                <option key={l.value} value={l.value}>{`${l.label} (${l.count})`}</option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error-banner">
          {error}
        </p>
      ) : null}
      {!worklist ? <p>Loading the worklist…</p> : null}
      {worklist && worklist.total === 0 ? (
        <p className="destruction-empty">{worklist.dueCounts.all === 0 ? 'Nothing is pending destruction: every recorded copy is destroyed.' : 'No holding matches these filters.'}</p>
      ) : null}
      {worklist && worklist.total > 0 ? (
        <>
          <table className="destruction-table worklist-table">
            <caption className="visually-hidden">Destruction worklist</caption>
            <thead>
              <tr>
                <th scope="col">Deadline</th>
                <th scope="col">Time left</th>
                <th scope="col">Holding</th>
                <th scope="col">Agreement</th>
                <th scope="col">Live copies</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {worklist.items.map((item) => {
                const chosen = item.liveCopies.filter((c) => !unticked.has(c.copy.id));
                return (
                  <tr key={item.holding.id} data-overdue={item.overdue ? 'true' : undefined}>
                    <td className="nowrap">{item.deadline ? formatDate(item.deadline) : '—'}</td>
                    <td>
                      <span className={`destruction-badge ${tone(item)}`}>{daysText(item.daysLeft, item.overdue)}</span>
                    </td>
                    <th scope="row">
                      <RecordLink kind="holding" id={item.holding.id} label={item.holding.label} />
                    </th>
                    <td>
                      <RecordLink kind="dsa" id={item.agreement.id} label={item.agreement.label} />
                    </td>
                    <td>
                      <ul className="worklist-copies" aria-label={`Live copies of ${item.holding.label}`}>
                        {item.liveCopies.map((c) => (
                          <li key={c.copy.id}>
                            <label className="checkbox">
                              <input type="checkbox" checked={!unticked.has(c.copy.id)} onChange={() => toggle(c.copy.id)} aria-label={`Include ${c.copy.label}`} />{' '}
                            </label>
                            {/* The row names the holding: each copy by its kind and place, and its path where one is recorded. */}
                            <span className="worklist-copy">
                              <RecordLink kind="copy" id={c.copy.id} label={`${displayValue(c.kind)} copy at ${c.location.label}`} />
                              {c.pathOrDescription ? <span className="destruction-path">{c.pathOrDescription}</span> : null}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={chosen.length === 0}
                        {...lock}
                        aria-label={`Record destruction of ${chosen.length === item.liveCopies.length ? 'all' : 'the chosen'} ${chosen.length} ${chosen.length === 1 ? 'copy' : 'copies'} of ${item.holding.label}`}
                        onClick={() => startRecording({ holding: item.holding, copies: chosen.map((c) => ({ copy: c.copy, pathOrDescription: c.pathOrDescription })) })}
                      >
                        {chosen.length === item.liveCopies.length ? 'Record destruction…' : `Record ${chosen.length} of ${item.liveCopies.length}…`}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager label="Worklist" offset={offset} limit={WORKLIST_PAGE} total={worklist.total} shown={worklist.items.length} onOffset={setOffset} />
        </>
      ) : null}
    </div>
  );
}
