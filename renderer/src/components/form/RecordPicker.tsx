import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ApiRequest } from '../../../../shared/ipc/contract';
import type { RecordKind } from '../../../../shared/register/records';
import { call } from '../../api/client';
import { kindNouns } from '../../format/display';
import type { ListFilters } from '../../stores/record-list-store';

interface Option {
  id: string;
  label: string;
}

interface RecordPickerProps {
  id: string;
  kind: RecordKind;
  value: string;
  /** The label of the chosen record, when known. */
  label: string | undefined;
  onChange: (id: string, label: string) => void;
  filters?: ListFilters;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  /** For a picker without a visible <label for>, e.g. one row of a table of parties. */
  ariaLabel?: string;
}

const SUGGESTIONS = 20;

/**
 * Chooses another record by searching for it (an ARIA combobox over `register.list`): type part of
 * a name or reference, move with the arrow keys, Enter chooses. Only the first matches are fetched,
 * so it works the same with ten locations or ten thousand holdings. Clearing the text clears the choice.
 */
export function RecordPicker({ id, kind, value, label, onChange, filters, describedBy, invalid, required, ariaLabel }: RecordPickerProps) {
  const listId = useId();
  const [text, setText] = useState(label ?? '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Option[]>([]);
  const [total, setTotal] = useState(0);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const [shownChoice, setShownChoice] = useState(`${value}\u0000${label ?? ''}`);
  const [answered, setAnswered] = useState<string | null>(null);
  const filterKey = JSON.stringify(filters ?? {});

  // Show the chosen record's name whenever the choice changes from outside (a form reset).
  const choice = `${value}\u0000${label ?? ''}`;
  if (choice !== shownChoice) {
    setShownChoice(choice);
    setText(label ?? '');
  }

  const search = open && text !== (label ?? '') ? text.trim() : '';
  const question = `${search}\u0000${filterKey}`;
  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(async () => {
      const request = {
        kind,
        limit: SUGGESTIONS,
        ...(search ? { search } : {}),
        filters: { archived: false, ...(JSON.parse(filterKey) as ListFilters) },
      } as ApiRequest<'register.list'>;
      const result = await call('register.list', request);
      if (!current) return;
      setAnswered(question);
      if (!result.ok) {
        setProblem(result.error.message);
        setOptions([]);
        return;
      }
      setProblem(null);
      const page = result.value as { records: { id: string }[]; labels: Record<string, string>; total: number };
      setOptions(page.records.map((r) => ({ id: r.id, label: page.labels[r.id] ?? r.id })));
      setTotal(page.total);
      setActive(page.records.length ? 0 : -1);
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, search, kind, filterKey, question]);

  const choose = (option: Option) => {
    onChange(option.id, option.label);
    setText(option.label);
    setOpen(false);
  };

  const settle = () => {
    setOpen(false);
    if (text.trim() === '') {
      if (value) onChange('', '');
    } else setText(label ?? '');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      else if (options.length) setActive((i) => (event.key === 'ArrowDown' ? Math.min(options.length - 1, i + 1) : Math.max(0, i - 1)));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setText(label ?? '');
    }
  };

  const noun = kindNouns[kind];
  return (
    <div className="picker">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        aria-required={required ? true : undefined}
        aria-label={ariaLabel}
        placeholder={`Type to find a ${noun}`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={settle}
      />
      {open ? (
        <div className="picker-popup">
          {problem ? <p className="picker-note">{problem}</p> : null}
          {answered !== question ? <p className="picker-note">Searching…</p> : null}
          {answered === question && !problem && options.length === 0 ? <p className="picker-note">No {noun} matches “{text}”. Check the spelling, or record it first.</p> : null}
          <ul className="picker-options" role="listbox" id={listId} aria-label={`Matching ${noun}s`}>
            {options.map((option, index) => (
              <li
                key={option.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(option)}
              >
                {option.label}
              </li>
            ))}
          </ul>
          {total > options.length ? <p className="picker-note">{`${total - options.length} more: type more of the name to narrow the list.`}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
