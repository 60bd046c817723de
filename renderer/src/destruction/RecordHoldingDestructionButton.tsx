import { useState } from 'react';
import { call } from '../api/client';
import { useDestructionStore } from '../stores/destruction-store';
import { useActionLock } from '../stores/register-identity-store';
import { RecordDestructionDialog } from './RecordDestructionForm';

/**
 * On a holding's page: record the destruction of all its live copies in one form (the same dialog
 * as the Destruction screen's worklist). The live copies are asked of main when the button is
 * pressed, so the form names exactly the copies that exist then.
 */
export function RecordHoldingDestructionButton({ holdingId }: { holdingId: string }) {
  const startRecording = useDestructionStore((s) => s.startRecording);
  const recordingThis = useDestructionStore((s) => s.recording?.holding?.id === holdingId);
  const [message, setMessage] = useState<string | null>(null);
  const lock = useActionLock('recordDestruction');
  const open = async () => {
    const result = await call('destruction.worklist', { holdingId, limit: 1 });
    if (!result.ok) return setMessage(result.error.message);
    const item = result.value.items[0];
    if (!item) return setMessage('This holding has no live copies: nothing is left to destroy.');
    setMessage(null);
    startRecording({ holding: item.holding, copies: item.liveCopies.map((c) => ({ copy: c.copy, pathOrDescription: c.pathOrDescription })) });
  };
  return (
    <>
      <button type="button" onClick={() => void open()} {...lock}>
        Record destruction of its live copies…
      </button>
      {message ? (
        <p role="status" className="muted">
          {message}
        </p>
      ) : null}
      {recordingThis ? <RecordDestructionDialog /> : null}
    </>
  );
}
