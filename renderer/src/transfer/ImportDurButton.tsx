import { useTransferStore } from '../stores/transfer-store';

/** Imports NHS England's Data Uses Register: main shows the open dialog and imports in one transaction. */
export function ImportDurButton() {
  const busy = useTransferStore((s) => s.busy);
  const importDur = useTransferStore((s) => s.importDur);
  return (
    <button type="button" disabled={busy !== null} onClick={() => void importDur()} title="The monthly workbook (.xlsx), or its sheets saved as CSV">
      Import Data Uses Register…
    </button>
  );
}
