import { useRef, useState, type FormEvent } from 'react';
import { showFirstProblem } from '../../forms/follow-through';
import { incidentFieldsSchema, type IncidentFields, type IncidentFieldsInput, type IncidentLinks } from '../../../../shared/incidents/incident-records';
import {
  breachKindLabels,
  breachKinds,
  cyberKindLabels,
  cyberKinds,
  dataCategories,
  dataCategoryLabels,
  incidentTypeLabels,
  incidentTypes,
  peopleKindLabels,
  peopleKinds,
  specialCategories,
  trainingAnswerLabels,
  trainingAnswers,
  type CyberKind,
  type IncidentType,
  type TrainingAnswer,
} from '../../../../shared/incidents/incident-vocabulary';
import type { ZonedTime } from '../../../../shared/incidents/zoned-time';
import { CheckboxGroup, issuesByPath, NumberField, SelectField, TextAreaField, TextField } from './fields';
import { LinkPicker } from './LinkPicker';
import { ZonedTimeInput } from './ZonedTimeInput';
import { useActionLock } from '../../stores/register-identity-store';

/**
 * The incident form: what the ICO's breach form asks, in its order (what happened, when, who, what
 * data and whose, what it touched in the register, cyber details, consequences and measures).
 * Checked with the same zod schema main uses before it is sent, so every problem shows next to its
 * field; main checks again and names any field it refuses.
 */
const toOptions = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));
const emptyLinks: IncidentLinks = { dsaIds: [], datasetIds: [], holdingIds: [], copyIds: [], locationIds: [] };

interface Draft {
  title: string;
  description: string;
  type: IncidentType | '';
  howDiscovered: string;
  icoCaseReference: string;
  occurredAt: ZonedTime | null;
  discoveredAt: ZonedTime | null;
  becameAwareAt: ZonedTime | null;
  reportedBy: string;
  staff: { role: string; trained: TrainingAnswer }[];
  breachKinds: IncidentFields['breachKinds'];
  dataCategories: IncidentFields['dataCategories'];
  approximateRecords: string;
  approximatePeople: string;
  peopleKinds: IncidentFields['peopleKinds'];
  links: IncidentLinks;
  cyber: boolean;
  cyberKind: CyberKind | '';
  cyberDetails: string;
  reportedToNcsc: boolean;
  likelyConsequences: string;
  measuresBefore: string;
  measuresTaken: string;
  measuresProposed: string;
  otherOrganisationsTold: string;
  lessonsLearned: string;
  findingId: string | null;
}

function draftOf(fields: IncidentFieldsInput | null, defaultZone: string): Draft {
  return {
    title: fields?.title ?? '',
    description: fields?.description ?? '',
    type: fields?.type ?? '',
    howDiscovered: fields?.howDiscovered ?? '',
    icoCaseReference: fields?.icoCaseReference ?? '',
    occurredAt: fields?.occurredAt ?? null,
    discoveredAt: fields?.discoveredAt ?? null,
    becameAwareAt: fields?.becameAwareAt ?? { at: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(), timeZone: defaultZone },
    reportedBy: fields?.reportedBy ?? '',
    staff: (fields?.staffInvolved ?? []).map((s) => ({ role: s.role, trained: s.trainedInLastTwoYears })),
    breachKinds: fields?.breachKinds ?? [],
    dataCategories: fields?.dataCategories ?? [],
    approximateRecords: fields?.approximateRecords?.toString() ?? '',
    approximatePeople: fields?.approximatePeople?.toString() ?? '',
    peopleKinds: fields?.peopleKinds ?? [],
    links: { ...emptyLinks, ...fields?.links },
    cyber: !!fields?.cyber,
    cyberKind: fields?.cyber?.kind ?? '',
    cyberDetails: fields?.cyber?.details ?? '',
    reportedToNcsc: fields?.cyber?.reportedToNcsc ?? false,
    likelyConsequences: fields?.likelyConsequences ?? '',
    measuresBefore: fields?.measuresBefore ?? '',
    measuresTaken: fields?.measuresTaken ?? '',
    measuresProposed: fields?.measuresProposed ?? '',
    otherOrganisationsTold: fields?.otherOrganisationsTold ?? '',
    lessonsLearned: fields?.lessonsLearned ?? '',
    findingId: fields?.findingId ?? null,
  };
}

/** "120,000" → 120000; "" → null; anything else is kept as text for the schema to refuse. */
const countOf = (text: string): unknown => {
  const plain = text.replace(/[\s,]/g, '');
  if (plain === '') return null;
  return /^\d+$/.test(plain) ? Number(plain) : text;
};
const orNull = (text: string): string | null => (text.trim() === '' ? null : text);

function candidateOf(d: Draft): unknown {
  return {
    title: d.title,
    description: d.description,
    type: d.type || undefined,
    howDiscovered: orNull(d.howDiscovered),
    icoCaseReference: orNull(d.icoCaseReference),
    occurredAt: d.occurredAt,
    discoveredAt: d.discoveredAt,
    becameAwareAt: d.becameAwareAt ?? undefined,
    reportedBy: orNull(d.reportedBy),
    staffInvolved: d.staff.map((s) => ({ role: s.role, trainedInLastTwoYears: s.trained })),
    breachKinds: d.breachKinds,
    dataCategories: d.dataCategories,
    approximateRecords: countOf(d.approximateRecords),
    approximatePeople: countOf(d.approximatePeople),
    peopleKinds: d.peopleKinds,
    links: d.links,
    cyber: d.cyber ? { kind: d.cyberKind || null, details: orNull(d.cyberDetails), reportedToNcsc: d.reportedToNcsc } : null,
    likelyConsequences: orNull(d.likelyConsequences),
    measuresBefore: orNull(d.measuresBefore),
    measuresTaken: orNull(d.measuresTaken),
    measuresProposed: orNull(d.measuresProposed),
    otherOrganisationsTold: orNull(d.otherOrganisationsTold),
    lessonsLearned: orNull(d.lessonsLearned),
    findingId: d.findingId,
  };
}

const friendly: Record<string, string> = {
  type: 'Choose the kind of incident',
  becameAwareAt: 'Give the date and time the organisation became aware (the ICO\u2019s 72 hours start then)',
  approximateRecords: 'Give a whole number such as 1200, or leave it empty if not known',
  approximatePeople: 'Give a whole number such as 1200, or leave it empty if not known',
};

export function IncidentForm({
  initial,
  initialLabels,
  defaultZone,
  submitLabel,
  busy,
  onSave,
  onCancel,
}: {
  initial: IncidentFieldsInput | null;
  initialLabels: Record<string, string>;
  defaultZone: string;
  submitLabel: string;
  busy: boolean;
  onSave: (fields: IncidentFields) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const lock = useActionLock('changeIncident');
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial, defaultZone));
  const [labels, setLabels] = useState(initialLabels);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (path: string) => errors[path];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = incidentFieldsSchema.safeParse(candidateOf(draft));
    if (!parsed.success) {
      const found = issuesByPath(parsed.error.issues);
      for (const key of Object.keys(found)) if (friendly[key]) found[key] = friendly[key];
      setErrors(found);
      showFirstProblem(form);
      return;
    }
    setErrors({});
    await onSave(parsed.data);
  };

  const link = (field: keyof IncidentLinks) => (ids: string[], nextLabels: Record<string, string>) => {
    set('links', { ...draft.links, [field]: ids });
    setLabels(nextLabels);
  };
  const errorCount = Object.keys(errors).length;

  return (
    <form ref={form} className="incident-form" onSubmit={submit} noValidate aria-label="Incident details">
      {errorCount > 0 ? (
        <p role="alert" className="error-banner">
          {errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} attention: see the message{errorCount === 1 ? '' : 's'} below each.
        </p>
      ) : null}
      <section aria-labelledby="what-heading">
        <h3 id="what-heading">What happened</h3>
        <TextField label="Title" required value={draft.title} onChange={(v) => set('title', v)} error={error('title')} hint="A short name people will recognise, e.g. “HES extract in an unapproved bucket”." />
        <SelectField label="Type of incident" required value={draft.type} onChange={(v) => set('type', v)} options={toOptions(incidentTypes, incidentTypeLabels)} placeholder="Choose…" error={error('type')} />
        <TextAreaField label="Description" required rows={4} value={draft.description} onChange={(v) => set('description', v)} error={error('description')} hint="What happened, as far as is known. No patient details: describe the data, do not copy it." />
        <TextAreaField label="How it was discovered" rows={2} value={draft.howDiscovered} onChange={(v) => set('howDiscovered', v)} error={error('howDiscovered')} hint="The ICO asks: an audit, a complaint, a member of staff, a finding in Custodian…" />
        <TextField label="ICO case reference" value={draft.icoCaseReference} onChange={(v) => set('icoCaseReference', v)} error={error('icoCaseReference')} hint="Given by the ICO once it has the initial report; its form asks for it on every follow-up." />
        <CheckboxGroup legend="Kind of breach" options={toOptions(breachKinds, breachKindLabels)} value={draft.breachKinds} onChange={(v) => set('breachKinds', v)} error={error('breachKinds')} />
      </section>

      <section aria-labelledby="when-heading">
        <h3 id="when-heading">When</h3>
        <ZonedTimeInput label="Became aware" required value={draft.becameAwareAt} onChange={(v) => set('becameAwareAt', v)} defaultZone={defaultZone} error={error('becameAwareAt') ?? error('becameAwareAt.at') ?? error('becameAwareAt.timeZone')} hint="When the organisation was reasonably certain it happened: the ICO’s 72 hours run from here." />
        <ZonedTimeInput label="Discovered" value={draft.discoveredAt} onChange={(v) => set('discoveredAt', v)} defaultZone={defaultZone} error={error('discoveredAt')} />
        <ZonedTimeInput label="Occurred" value={draft.occurredAt} onChange={(v) => set('occurredAt', v)} defaultZone={defaultZone} error={error('occurredAt')} hint="Leave empty if not known." />
      </section>

      <section aria-labelledby="who-heading">
        <h3 id="who-heading">Who</h3>
        <TextField label="Reported by" value={draft.reportedBy} onChange={(v) => set('reportedBy', v)} error={error('reportedBy')} hint="A role or a name." />
        <fieldset className="field">
          <legend>Staff involved and their data protection training</legend>
          {draft.staff.length === 0 ? <p className="hint">None recorded.</p> : null}
          {draft.staff.map((s, i) => (
            <div className="staff-row" key={i}>
              <TextField label={`Staff member ${i + 1}: role`} value={s.role} onChange={(v) => set('staff', draft.staff.map((x, j) => (j === i ? { ...x, role: v } : x)))} error={error(`staffInvolved.${i}.role`)} />
              <SelectField label={`Staff member ${i + 1}: training in the last two years`} value={s.trained} onChange={(v) => set('staff', draft.staff.map((x, j) => (j === i ? { ...x, trained: (v || 'unknown') as TrainingAnswer } : x)))} options={toOptions(trainingAnswers, trainingAnswerLabels)} />
              <button type="button" onClick={() => set('staff', draft.staff.filter((_, j) => j !== i))}>
                Remove staff member {i + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set('staff', [...draft.staff, { role: '', trained: 'unknown' }])}>
            Add a staff member
          </button>
        </fieldset>
      </section>

      <section aria-labelledby="data-heading">
        <h3 id="data-heading">Whose data, and how much</h3>
        <CheckboxGroup legend="Categories of data" options={toOptions(dataCategories, dataCategoryLabels)} value={draft.dataCategories} onChange={(v) => set('dataCategories', v)} highlight={specialCategories} hint="Special category data (health first) is flagged in the report and the breach log." error={error('dataCategories')} />
        <div className="field-pair">
          <NumberField label="Approximate number of records" value={draft.approximateRecords} onChange={(v) => set('approximateRecords', v)} error={error('approximateRecords')} />
          <NumberField label="Approximate number of people" value={draft.approximatePeople} onChange={(v) => set('approximatePeople', v)} error={error('approximatePeople')} />
        </div>
        <CheckboxGroup legend="Kinds of people" options={toOptions(peopleKinds, peopleKindLabels)} value={draft.peopleKinds} onChange={(v) => set('peopleKinds', v)} error={error('peopleKinds')} />
      </section>

      <section aria-labelledby="register-heading">
        <h3 id="register-heading">What it involves in the register</h3>
        <div className="link-grid">
          <LinkPicker kind="dsa" legend="DSAs" ids={draft.links.dsaIds} labels={labels} onChange={link('dsaIds')} />
          <LinkPicker kind="dataset" legend="Datasets" ids={draft.links.datasetIds} labels={labels} onChange={link('datasetIds')} />
          <LinkPicker kind="holding" legend="Holdings" ids={draft.links.holdingIds} labels={labels} onChange={link('holdingIds')} />
          <LinkPicker kind="copy" legend="Copies" ids={draft.links.copyIds} labels={labels} onChange={link('copyIds')} />
          <LinkPicker kind="location" legend="Locations" ids={draft.links.locationIds} labels={labels} onChange={link('locationIds')} />
        </div>
      </section>

      <section aria-labelledby="cyber-heading">
        <h3 id="cyber-heading">Cyber</h3>
        <label className="checkbox">
          <input type="checkbox" checked={draft.cyber} onChange={(e) => set('cyber', e.target.checked)} /> This is a cyber incident
        </label>
        {draft.cyber ? (
          <>
            <SelectField label="Kind of cyber incident" value={draft.cyberKind} onChange={(v) => set('cyberKind', v)} options={toOptions(cyberKinds, cyberKindLabels)} placeholder="Not known yet" />
            <TextAreaField label="Cyber details" value={draft.cyberDetails} onChange={(v) => set('cyberDetails', v)} hint="Systems affected, how it was detected, whether data was exfiltrated." />
            <label className="checkbox">
              <input type="checkbox" checked={draft.reportedToNcsc} onChange={(e) => set('reportedToNcsc', e.target.checked)} /> Reported to the National Cyber Security Centre
            </label>
          </>
        ) : null}
      </section>

      <section aria-labelledby="measures-heading">
        <h3 id="measures-heading">Consequences and measures</h3>
        <TextAreaField label="Likely consequences" value={draft.likelyConsequences} onChange={(v) => set('likelyConsequences', v)} />
        <TextAreaField label="Measures in place before" value={draft.measuresBefore} onChange={(v) => set('measuresBefore', v)} />
        <TextAreaField label="Measures taken" value={draft.measuresTaken} onChange={(v) => set('measuresTaken', v)} />
        <TextAreaField label="Measures proposed" value={draft.measuresProposed} onChange={(v) => set('measuresProposed', v)} />
        <TextAreaField label="Other organisations told" rows={2} value={draft.otherOrganisationsTold} onChange={(v) => set('otherOrganisationsTold', v)} hint="The police, a processor, another controller…" />
      </section>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} {...lock}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
