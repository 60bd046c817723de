import { useState, type FormEvent } from 'react';
import { assessmentFieldsSchema, type Assessment } from '../../../../shared/incidents/incident-records';
import { icoDecisionLabels, icoDecisions, individualsDecisionLabels, individualsDecisions, type IcoDecision, type IndividualsDecision } from '../../../../shared/incidents/incident-vocabulary';
import { assessOnGrid, scores, type RiskGrid } from '../../../../shared/incidents/risk-grid';
import { formatZoned } from '../../../../shared/incidents/zoned-time';
import { issuesByPath, RadioGroup, TextAreaField } from './fields';
import { useActionLock } from '../../stores/register-identity-store';

/**
 * The assessment: pick the cell of the DSPT grid (likelihood across, severity down; each cell is a
 * button that says what it means), see the outcome in words, and record the two decisions, each
 * with its reason whichever way it goes.
 */
export function AssessmentPanel({
  grid,
  assessment,
  timeZone,
  busy,
  onSave,
}: {
  grid: RiskGrid;
  assessment: Assessment | null;
  timeZone: string;
  busy: boolean;
  onSave: (fields: unknown) => Promise<boolean>;
}) {
  const lock = useActionLock('changeIncident');
  const [likelihood, setLikelihood] = useState<number | null>(assessment?.likelihood ?? null);
  const [severity, setSeverity] = useState<number | null>(assessment?.severity ?? null);
  const [icoDecision, setIcoDecision] = useState<IcoDecision | null>(assessment?.icoDecision ?? null);
  const [icoReason, setIcoReason] = useState(assessment?.icoDecisionReason ?? '');
  const [individualsDecision, setIndividualsDecision] = useState<IndividualsDecision | null>(assessment?.individualsDecision ?? null);
  const [individualsReason, setIndividualsReason] = useState(assessment?.individualsDecisionReason ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const outcome = likelihood && severity ? assessOnGrid(grid, likelihood, severity) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = assessmentFieldsSchema.safeParse({
      likelihood: likelihood ?? undefined,
      severity: severity ?? undefined,
      icoDecision,
      icoDecisionReason: icoReason.trim() || null,
      individualsDecision,
      individualsDecisionReason: individualsReason.trim() || null,
    });
    if (!parsed.success) {
      const found = issuesByPath(parsed.error.issues);
      if (found.likelihood || found.severity) found.grid = 'Choose the cell of the grid: how likely, and how severe.';
      if (found.icoDecisionReason) found.icoDecisionReason = 'Give the reason for the decision on the ICO: it is recorded whichever way the decision goes.';
      if (found.individualsDecisionReason) found.individualsDecisionReason = 'Give the reason for the decision on the individuals: it is recorded whichever way the decision goes.';
      setErrors(found);
      return;
    }
    setErrors({});
    await onSave(parsed.data);
  };

  const cellText = (l: number, s: number) => {
    const o = assessOnGrid(grid, l, s);
    return o.icoReportable && o.dhscReportable ? 'ICO + DHSC' : o.icoReportable ? 'ICO' : o.dhscReportable ? 'DHSC' : 'Not reportable';
  };

  return (
    <form className="assessment" onSubmit={submit} noValidate aria-label="Assessment">
      <p className="check-note" role="note">
        <span aria-hidden="true">⚠ </span>
        {grid.checkNote} The DHSC cells are not confirmed by a primary source <span className="check-mark">(check)</span>. (The grid is edited in Incident settings.)
      </p>
      <div className="table-wrap">
        <table className="risk-grid">
          <caption>
            DSPT breach assessment grid: choose the cell for this incident. Likelihood that people’s rights are affected runs across; severity runs down.
          </caption>
          <thead>
            <tr>
              <td />
              {scores.map((l) => (
                <th scope="col" key={l}>
                  {l}. {grid.likelihoodLabels[l - 1]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...scores].reverse().map((s) => (
              <tr key={s}>
                <th scope="row">
                  {s}. {grid.severityLabels[s - 1]}
                </th>
                {scores.map((l) => {
                  const chosen = l === likelihood && s === severity;
                  const o = assessOnGrid(grid, l, s);
                  return (
                    <td key={l} className={`grid-cell ${o.icoReportable || o.dhscReportable ? 'reportable' : 'not-reportable'}`}>
                      <button
                        type="button"
                        aria-pressed={chosen}
                        aria-label={`Likelihood ${l}, severity ${s}: ${o.label}`}
                        onClick={() => {
                          setLikelihood(l);
                          setSeverity(s);
                        }}
                      >
                        {chosen ? <span aria-hidden="true">● </span> : null}
                        {cellText(l, s)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.grid ? <p className="field-error">{errors.grid}</p> : null}
      <p className="outcome" aria-live="polite">
        {outcome ? (
          <>
            Likelihood {likelihood}, severity {severity}: <strong>{outcome.label}</strong>.
          </>
        ) : (
          'No cell chosen yet.'
        )}
      </p>
      {assessment ? (
        <p className="muted small">
          Last recorded {formatZoned({ at: assessment.assessedAt, timeZone })} by {assessment.assessedBy || 'unknown'}: {assessment.outcome}.
        </p>
      ) : null}
      <div className="decision">
        <RadioGroup legend="Decision on notifying the ICO" options={icoDecisions.map((d) => ({ value: d, label: icoDecisionLabels[d] }))} value={icoDecision} onChange={setIcoDecision} />
        <TextAreaField label="Reason for the ICO decision" rows={2} value={icoReason} onChange={setIcoReason} error={errors.icoDecisionReason} hint="Required whichever way it goes: Art 33(5) asks for the reasons for not notifying too." />
      </div>
      <div className="decision">
        <RadioGroup legend="Decision on telling the individuals affected" options={individualsDecisions.map((d) => ({ value: d, label: individualsDecisionLabels[d] }))} value={individualsDecision} onChange={setIndividualsDecision} />
        <TextAreaField label="Reason for the decision on individuals" rows={2} value={individualsReason} onChange={setIndividualsReason} error={errors.individualsDecisionReason} hint="Art 34: tell them without undue delay when the risk to them is high." />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} {...lock}>
          Save assessment
        </button>
      </div>
    </form>
  );
}
