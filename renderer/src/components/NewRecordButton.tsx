import { useState } from 'react';
import type { RecordKind } from '../../../shared/register/records';
import { navigate } from '../hooks/useHashRoute';
import { kindNouns } from '../format/display';
import { recordHref } from '../navigation/record-route';
import { RecordFormDialog } from './form/RecordFormDialog';
import { useActionLock } from '../stores/register-identity-store';

/** "New DSA" and the like: opens the record's form and, once saved, the new record's detail. */
export function NewRecordButton({ kind, label, primary = true }: { kind: RecordKind; label?: string; primary?: boolean }) {
  const [open, setOpen] = useState(false);
  const text = label ?? `New ${kindNouns[kind]}`;
  const lock = useActionLock('changeRecords');
  return (
    <>
      <button type="button" className={primary ? 'primary' : undefined} onClick={() => setOpen(true)} {...lock}>
        {text}
      </button>
      {open ? (
        <RecordFormDialog
          request={{ kind, record: null, title: text }}
          onClose={() => setOpen(false)}
          onSaved={(saved) => {
            const href = recordHref(kind, saved.id);
            if (href) navigate(href);
          }}
        />
      ) : null}
    </>
  );
}
