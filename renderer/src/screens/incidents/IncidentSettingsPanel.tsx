import { useState, type FormEvent } from 'react';
import { incidentSettingsSchema, type IncidentSettings } from '../../../../shared/incidents/incident-settings';
import { defaultRiskGrid, scores, type RiskGrid } from '../../../../shared/incidents/risk-grid';
import { commonTimeZones } from '../../../../shared/incidents/zoned-time';
import { issuesByPath, SelectField, TextAreaField, TextField } from './fields';
import { useActionLock } from '../../stores/register-identity-store';

/**
 * The incident settings: the DARS target, the DPO's contact for the report, the time zone new
 * incidents start in, and the DSPT grid itself (its labels and which cells are reportable to the
 * ICO and to DHSC), which the organisation must check against the current DSPT guidance.
 */
export function IncidentSettingsPanel({ settings, busy, onSave, onClose }: { settings: IncidentSettings; busy: boolean; onSave: (s: IncidentSettings) => Promise<boolean>; onClose: () => void }) {
  const lock = useActionLock('changeSettings');
  const [darsHours, setDarsHours] = useState(String(settings.darsTargetHours));
  const [zone, setZone] = useState(settings.defaultTimeZone);
  const [dpo, setDpo] = useState(settings.dpo);
  const [grid, setGrid] = useState<RiskGrid>(settings.grid);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const text = (value: string | null) => value ?? '';
  const orNull = (value: string) => (value.trim() === '' ? null : value);

  const setCell = (likelihood: number, severity: number, key: 'icoReportable' | 'dhscReportable', value: boolean) =>
    setGrid((g) => ({ ...g, cells: g.cells.map((c) => (c.likelihood === likelihood && c.severity === severity ? { ...c, [key]: value } : c)) }));
  const setLabel = (axis: 'likelihoodLabels' | 'severityLabels', index: number, value: string) =>
    setGrid((g) => ({ ...g, [axis]: g[axis].map((l, i) => (i === index ? value : l)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = incidentSettingsSchema.safeParse({ grid, darsTargetHours: /^\d+$/.test(darsHours.trim()) ? Number(darsHours.trim()) : darsHours, dpo, defaultTimeZone: zone });
    if (!parsed.success) {
      const found = issuesByPath(parsed.error.issues);
      if (found.darsTargetHours && !/^\d+$/.test(darsHours.trim())) found.darsTargetHours = 'Give a whole number of hours, such as 24';
      setErrors(found);
      return;
    }
    setErrors({});
    await onSave(parsed.data);
  };

  return (
    <form className="incident-settings" onSubmit={submit} noValidate aria-label="Incident settings">
      <div className="field-pair">
        <TextField label="Target for telling NHS England (DARS), in hours" value={darsHours} onChange={setDarsHours} error={errors.darsTargetHours} hint="The agreement says “as soon as possible”; the clock turns red after this many hours from becoming aware. Default 24." />
        <SelectField label="Time zone for new incidents" value={zone} onChange={(v) => setZone(v || 'Europe/London')} options={[...new Set([zone, ...commonTimeZones])].map((z) => ({ value: z, label: z }))} error={errors.defaultTimeZone} />
      </div>
      <fieldset className="field">
        <legend>Data protection officer (printed in every incident report, Art 33(3)(b))</legend>
        <div className="field-pair">
          <TextField label="DPO name" value={text(dpo.name)} onChange={(v) => setDpo({ ...dpo, name: orNull(v) })} />
          <TextField label="DPO role" value={text(dpo.role)} onChange={(v) => setDpo({ ...dpo, role: orNull(v) })} />
        </div>
        <div className="field-pair">
          <TextField label="DPO email" type="email" value={text(dpo.email)} onChange={(v) => setDpo({ ...dpo, email: orNull(v) })} error={errors['dpo.email']} />
          <TextField label="DPO phone" type="tel" value={text(dpo.phone)} onChange={(v) => setDpo({ ...dpo, phone: orNull(v) })} />
        </div>
        <TextAreaField label="DPO address" rows={2} value={text(dpo.address)} onChange={(v) => setDpo({ ...dpo, address: orNull(v) })} />
      </fieldset>

      <fieldset className="field">
        <legend>DSPT breach assessment grid</legend>
        <p className="check-note" role="note">
          <span aria-hidden="true">⚠ </span>
          {grid.checkNote}
        </p>
        <TextField label="Source of the grid" maxLength={500} value={grid.source} onChange={(v) => setGrid({ ...grid, source: v })} error={errors['grid.source']} />
        <div className="field-pair">
          <div>
            {scores.map((l) => (
              <TextField key={l} label={`Likelihood ${l}`} value={grid.likelihoodLabels[l - 1] ?? ''} onChange={(v) => setLabel('likelihoodLabels', l - 1, v)} error={errors[`grid.likelihoodLabels.${l - 1}`]} />
            ))}
          </div>
          <div>
            {scores.map((s) => (
              <TextField key={s} label={`Severity ${s}`} value={grid.severityLabels[s - 1] ?? ''} onChange={(v) => setLabel('severityLabels', s - 1, v)} error={errors[`grid.severityLabels.${s - 1}`]} />
            ))}
          </div>
        </div>
        <div className="table-wrap">
          <table className="risk-grid editable">
            <caption>
              Which cells are reportable: tick ICO and DHSC for each likelihood (across) and severity (down). The ICO cells follow NHS Digital’s DSPT guidance (likely or above, minor effect or above); the DHSC cells are Custodian’s reading and not confirmed: <span className="check-mark">(check)</span>.
            </caption>
            <thead>
              <tr>
                <td />
                {scores.map((l) => (
                  <th key={l} scope="col">
                    Likelihood {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...scores].reverse().map((s) => (
                <tr key={s}>
                  <th scope="row">Severity {s}</th>
                  {scores.map((l) => {
                    const cell = grid.cells.find((c) => c.likelihood === l && c.severity === s);
                    return (
                      <td key={l}>
                        <label className="checkbox">
                          <input type="checkbox" checked={!!cell?.icoReportable} onChange={(e) => setCell(l, s, 'icoReportable', e.target.checked)} />
                          <span aria-hidden="true"> ICO</span>
                          <span className="visually-hidden"> Likelihood {l}, severity {s}: reportable to the ICO</span>
                        </label>
                        <label className="checkbox">
                          <input type="checkbox" checked={!!cell?.dhscReportable} onChange={(e) => setCell(l, s, 'dhscReportable', e.target.checked)} />
                          <span aria-hidden="true">
                            {' '}
                            DHSC <span className="check-mark">(check)</span>
                          </span>
                          <span className="visually-hidden"> Likelihood {l}, severity {s}: reportable to DHSC (check)</span>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" onClick={() => setGrid(defaultRiskGrid())}>
          Put back the shipped grid
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} {...lock}>
          Save incident settings
        </button>
        <button type="button" onClick={onClose}>
          Close settings
        </button>
      </div>
    </form>
  );
}
