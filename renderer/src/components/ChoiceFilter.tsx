import { useId } from 'react';

/** A list filter that picks one of a few values ("Status: Destruction overdue"); the first option keeps everything. */
export function ChoiceFilter({ label, value, choices, onChange }: { label: string; value: string; choices: readonly { value: string; label: string }[]; onChange: (value: string | undefined) => void }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Any</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
