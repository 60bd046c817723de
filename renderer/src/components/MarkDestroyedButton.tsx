import type { Copy } from '../../../shared/register/records';
import { RecordDestructionDialog } from '../destruction/RecordDestructionForm';
import { displayValue } from '../format/display';
import { useDestructionStore } from '../stores/destruction-store';

/**
 * "Mark destroyed" on a copy's row or page. There is one way to say a copy is destroyed: this opens
 * the same destruction form as the Destruction screen (method, operator, verification, evidence),
 * here in a dialog where the user is, so the copy's destroyed date always comes with what a
 * certificate of destruction needs to state about it.
 */
export function MarkDestroyedButton({ copy, holdingLabel, locationLabel, inRow = false }: { copy: Copy; holdingLabel?: string; locationLabel?: string; inRow?: boolean }) {
  const startRecording = useDestructionStore((s) => s.startRecording);
  const recordingThis = useDestructionStore((s) => s.recording?.holding === null && s.recording.copies.length === 1 && s.recording.copies[0]!.copy.id === copy.id);
  const kind = displayValue(copy.kind);
  const what = `${kind.toLowerCase()} copy${locationLabel ? ` at ${locationLabel}` : ''}`;
  const label = `${kind} copy${holdingLabel ? ` of ${holdingLabel}` : ''}${locationLabel ? ` at ${locationLabel}` : ''}`;
  return (
    <>
      <button
        type="button"
        className={inRow ? 'small' : undefined}
        onClick={() => startRecording({ holding: null, copies: [{ copy: { kind: 'copy', id: copy.id, label }, pathOrDescription: copy.pathOrDescription ?? null }] })}
        // The name starts with the words on the button (WCAG 2.5.3), then says which copy.
        aria-label={inRow ? `Mark destroyed: the ${what}` : undefined}
      >
        Mark destroyed
      </button>
      {recordingThis ? <RecordDestructionDialog /> : null}
    </>
  );
}
