import type { CopyStatus } from '../../../shared/destruction/destruction-api';
import { outcomeLabels } from '../../../shared/destruction/destruction-record';
import { formatDate } from '../../../shared/register/format-date';
import { useDestructionStore } from '../stores/destruction-store';
import { useActionLock } from '../stores/register-identity-store';
import { showDateTime } from './local-date-time';

function state(copy: CopyStatus): { text: string; tone: string } {
  const latest = copy.latest;
  if (!latest) return copy.destroyedDate ? { text: `Marked destroyed ${formatDate(copy.destroyedDate)}, method not recorded`, tone: 'is-warning' } : { text: 'Live: no destruction recorded', tone: 'is-danger' };
  if (latest.outcome === 'destroyed-with-exceptions') return { text: `${outcomeLabels[latest.outcome]} until ${formatDate(latest.exceptionEndDate!)}`, tone: 'is-warning' };
  if (latest.outcome === 'not-destroyed') return { text: `Not destroyed (${showDateTime(latest.performedAt)})`, tone: 'is-danger' };
  return { text: `Destroyed ${showDateTime(latest.performedAt)}`, tone: 'is-ok' };
}

/** The copies whose destruction is recorded (or dated) but not yet certified, with what is recorded: evidence, absence checks, a new record. */
export function CopiesTable({ copies }: { copies: CopyStatus[] }) {
  const { startRecording, verifyAbsence, addEvidence, recording } = useDestructionStore();
  const lock = useActionLock('recordDestruction');
  if (copies.length === 0) return <p className="destruction-empty">No destruction is recorded for a copy still waiting for a certificate. Record one from the worklist above.</p>;
  return (
    <table className="destruction-table">
      <caption className="visually-hidden">Copies and their destruction</caption>
      <thead>
        <tr>
          <th scope="col">Copy</th>
          <th scope="col">Destruction</th>
          <th scope="col">Evidence</th>
          <th scope="col">Absence check</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {copies.map((c) => {
          const s = state(c);
          return (
            <tr key={c.copy.id} aria-current={recording?.copies.some((r) => r.copy.id === c.copy.id) ? 'true' : undefined}>
              <td>
                {c.copy.label}
                {c.pathOrDescription ? <div className="destruction-path">{c.pathOrDescription}</div> : null}
              </td>
              <td>
                <span className={`destruction-badge ${s.tone}`}>{s.text}</span>
                {c.latest ? <div className="hint">{`${c.latest.methodType}: ${c.latest.method}`}</div> : null}
              </td>
              <td>{c.latest?.evidence.length ? c.latest.evidence.map((e) => <div key={e.sha256 + e.fileName} title={`SHA-256 ${e.sha256}`}>{e.fileName}</div>) : <span className="hint">None</span>}</td>
              <td>{c.lastAbsenceCheck ? <span title={c.lastAbsenceCheck.detail}>{`${c.lastAbsenceCheck.result === 'absent' ? 'Nothing found' : c.lastAbsenceCheck.result === 'present' ? 'Still present' : 'Cannot tell'} (${c.lastAbsenceCheck.checkedAt.slice(0, 10)})`}</span> : <span className="hint">{c.canVerifyAbsence ? 'Not checked' : 'Not a local path'}</span>}</td>
              <td className="destruction-actions-cell">
                <div className="destruction-actions">
                  <button type="button" onClick={() => startRecording({ holding: c.holding, copies: [{ copy: c.copy, pathOrDescription: c.pathOrDescription }] })} aria-label={`Record destruction of ${c.copy.label}`} {...lock}>
                    Record destruction
                  </button>
                  {c.latest ? (
                    <button type="button" onClick={() => void addEvidence(c.latest!.id)} aria-label={`Add evidence for ${c.copy.label}`} {...lock}>
                      Add evidence…
                    </button>
                  ) : null}
                  {c.canVerifyAbsence ? (
                    <button type="button" onClick={() => void verifyAbsence(c.copy.id)} aria-label={`Verify absence of ${c.copy.label}`} {...lock}>
                      Verify absence
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
