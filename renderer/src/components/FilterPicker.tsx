import { useId, useState } from 'react';
import type { RecordKind } from '../../../shared/register/records';
import { RecordPicker } from './form/RecordPicker';

/** A list filter that names one record (holdings at a location, agreements an organisation is party to). */
export function FilterPicker({ label, kind, value, onChange }: { label: string; kind: RecordKind; value: string; onChange: (id: string | undefined) => void }) {
  const id = useId();
  const [chosenLabel, setChosenLabel] = useState('');
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <RecordPicker
        id={id}
        kind={kind}
        value={value}
        label={value ? chosenLabel : ''}
        onChange={(picked, pickedLabel) => {
          setChosenLabel(pickedLabel);
          onChange(picked || undefined);
        }}
      />
    </div>
  );
}
