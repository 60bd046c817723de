import { useTransferStore } from '../stores/transfer-store';
import { useActionLock } from '../stores/register-identity-store';

/** Imports NHS England's Data Uses Register: main shows the open dialog and imports in one transaction. */
export function ImportDurButton() {
  const busy = useTransferStore((s) => s.busy);
  const importDur = useTransferStore((s) => s.importDur);
  const lock = useActionLock('changeRecords');
  return (
    <button type="button" disabled={busy !== null} onClick={() => void importDur()} title="The monthly workbook (.xlsx), or its sheets saved as CSV" {...lock}>
      Import Data Uses Register…
    </button>
  );
}
