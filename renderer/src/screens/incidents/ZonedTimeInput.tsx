import { useId, useState } from 'react';
import { FieldsetShell } from './fields';
import { commonTimeZones, isValidTimeZone, localInputValue, offsetLabel, zonedFromLocal, type ZonedTime } from '../../../../shared/incidents/zoned-time';

/**
 * A moment as a person gives it: the date and time on their clock, and the time zone that clock
 * is in (Europe/London by default). What is stored is the instant plus the zone; the offset chosen
 * (BST or GMT) is shown next to the field, so a time in the hour the clocks change is unambiguous.
 */
export function ZonedTimeInput({
  label,
  value,
  onChange,
  defaultZone,
  hint,
  error,
  required = false,
}: {
  label: string;
  value: ZonedTime | null;
  onChange: (value: ZonedTime | null) => void;
  defaultZone: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(value ? localInputValue(value) : '');
  const [zone, setZone] = useState(value?.timeZone ?? defaultZone);
  const [shown, setShown] = useState(value);
  // A value set from outside (a pre-filled form) replaces what is typed.
  if (value !== shown && !(value && shown && value.at === shown.at && value.timeZone === shown.timeZone)) {
    setShown(value);
    if (value) {
      setText(localInputValue(value));
      setZone(value.timeZone);
    }
  }
  const zones = (commonTimeZones as readonly string[]).includes(zone) ? commonTimeZones : [zone, ...commonTimeZones];
  const update = (nextText: string, nextZone: string) => {
    setText(nextText);
    setZone(nextZone);
    const next = nextText === '' || !isValidTimeZone(nextZone) ? null : zonedFromLocal(nextText, nextZone);
    setShown(next);
    onChange(next);
  };
  const described = [hint ? `${id}-hint` : null, value ? `${id}-offset` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <FieldsetShell id={id} legend={label} hint={hint} error={error} required={required} className="zoned-time">
      <div className="zoned-time-row">
        <label htmlFor={`${id}-time`} className="visually-hidden">
          {label}: date and time
        </label>
        <input id={`${id}-time`} type="datetime-local" value={text} aria-invalid={error ? true : undefined} aria-describedby={described} onChange={(e) => update(e.target.value, zone)} />
        <label htmlFor={`${id}-zone`} className="visually-hidden">
          {label}: time zone
        </label>
        <select id={`${id}-zone`} value={zone} onChange={(e) => update(text, e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        {value ? (
          <span className="muted small" id={`${id}-offset`}>
            {offsetLabel(value)}
          </span>
        ) : null}
      </div>
    </FieldsetShell>
  );
}
