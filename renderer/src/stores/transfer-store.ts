import { create } from 'zustand';
import type { ExportFormat, ExportKind } from '../../../shared/exports/exports-api';
import type { DurImportSummary } from '../../../shared/imports/imports-api';
import { call } from '../api/client';
import { useRegisterChanges } from './register-changes-store';

/**
 * Imports and exports started from the screens' headers. One at a time: while a file is being
 * written or read, the buttons are disabled and say so. The last outcome is kept as a message the
 * header shows (a status for success, an alert for a problem, saying what to do).
 */
export type TransferMessage = { kind: 'ok' | 'error'; text: string };

interface TransferState {
  busy: string | null;
  message: TransferMessage | null;
  exportFile: (request: { what: ExportKind; format: ExportFormat; dsaId?: string; label: string }) => Promise<void>;
  importDur: () => Promise<void>;
  reset: () => void;
}

export const initialState = { busy: null, message: null } satisfies Pick<TransferState, 'busy' | 'message'>;

const kindNames: Record<keyof DurImportSummary['counts'], [string, string]> = {
  dsa: ['agreement', 'agreements'],
  dsaVersion: ['version', 'versions'],
  organisation: ['organisation', 'organisations'],
  dataset: ['dataset', 'datasets'],
  holding: ['holding', 'holdings'],
};

/** "3 agreements and 7 holdings created; 1 version updated", or that nothing changed. */
export function describeImport(summary: DurImportSummary): string {
  const part = (which: 'created' | 'updated') =>
    (Object.keys(kindNames) as (keyof typeof kindNames)[])
      .filter((k) => summary.counts[k][which] > 0)
      .map((k) => `${summary.counts[k][which]} ${kindNames[k][summary.counts[k][which] === 1 ? 0 : 1]}`);
  const created = part('created');
  const updated = part('updated');
  const changes = [created.length ? `${created.join(', ')} created` : '', updated.length ? `${updated.join(', ')} updated` : ''].filter(Boolean);
  const from = `Imported ${summary.files.join(', ')}`;
  return changes.length ? `${from}: ${changes.join('; ')}.` : `${from}: the register already matched it; nothing changed.`;
}

export const useTransferStore = create<TransferState>()((set, get) => ({
  ...initialState,
  async exportFile({ what, format, dsaId, label }) {
    if (get().busy) return;
    set({ busy: `Writing the ${label}…`, message: null });
    const result = await call('exports.save', { what, format, ...(dsaId ? { dsaId } : {}) });
    if (!result.ok) set({ busy: null, message: { kind: 'error', text: `The ${label} was not saved: ${result.error.message}` } });
    else if (result.value.cancelled) set({ busy: null });
    else set({ busy: null, message: { kind: 'ok', text: `Saved the ${label} to ${result.value.path}.` } });
  },
  async importDur() {
    if (get().busy) return;
    set({ busy: 'Importing the Data Uses Register…', message: null });
    const result = await call('imports.dur', {});
    if (!result.ok) {
      set({ busy: null, message: { kind: 'error', text: result.error.message } });
      return;
    }
    if (result.value.cancelled) {
      set({ busy: null });
      return;
    }
    set({ busy: null, message: { kind: 'ok', text: describeImport(result.value.summary) } });
    useRegisterChanges.getState().changed();
  },
  reset: () => set(initialState),
}));
