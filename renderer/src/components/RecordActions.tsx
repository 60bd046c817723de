import { useState } from 'react';
import type { RecordKind } from '../../../shared/register/records';
import { setArchived } from '../api/register-writes';
import { kindNouns } from '../format/display';
import { ConfirmDialog } from './ConfirmDialog';
import { RecordFormDialog } from './form/RecordFormDialog';
import { useActionLock } from '../stores/register-identity-store';

type AnyRecord = { id: string; archived: boolean } & Record<string, unknown>;

/**
 * Edit, archive and restore for one record. Archiving asks first and says what it means: the record
 * stays in the register and the audit log, lists hide it, and the checks stop counting it.
 */
export function RecordActions({ kind, record, label, labels, editable = true }: { kind: RecordKind; record: AnyRecord; label: string; labels: Record<string, string>; editable?: boolean }) {
  const [open, setOpen] = useState<'edit' | 'archive' | 'restore' | null>(null);
  const noun = kindNouns[kind];
  const locked = useActionLock('changeRecords');
  return (
    <>
      {editable && !record.archived ? (
        <button type="button" onClick={() => setOpen('edit')} {...locked}>
          Edit {noun}
        </button>
      ) : null}
      {editable ? (
        <button type="button" onClick={() => setOpen(record.archived ? 'restore' : 'archive')} {...locked}>
          {record.archived ? `Restore ${noun}` : `Archive ${noun}`}
        </button>
      ) : null}
      {open === 'edit' ? (
        <RecordFormDialog request={{ kind, record, labels, title: `Edit ${noun} ${label}` }} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'archive' || open === 'restore' ? (
        <ConfirmDialog
          title={`${open === 'archive' ? 'Archive' : 'Restore'} ${noun} ${label}?`}
          confirmLabel={`${open === 'archive' ? 'Archive' : 'Restore'} ${noun}`}
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const result = await setArchived(kind, record.id, open === 'archive');
            return result.ok ? null : result.error.message;
          }}
        >
          {open === 'archive' ? (
            <p>
              The {noun} stays in the register and in the audit log, but lists hide it and the compliance checks no longer count it, nor
              anything recorded under it. You can restore it at any time.
            </p>
          ) : (
            <p>The {noun} returns to the lists and the compliance checks count it again.</p>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
