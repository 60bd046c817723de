import { create } from 'zustand';
import type { CertificateIssueResponse, CertificateVerifyResponse, DestructionOverview } from '../../../shared/destruction/destruction-api';
import type { DestructionInput } from '../../../shared/destruction/destruction-record';
import type { ApiRequest } from '../../../shared/ipc/contract';
import { call } from '../api/client';

type Status = 'idle' | 'loading' | 'ready' | 'error';

export interface ChosenEvidence {
  token: string;
  fileName: string;
}

interface DestructionState {
  overview: DestructionOverview | null;
  status: Status;
  error: string | null;
  /** The copy whose destruction form is open. */
  recordingCopyId: string | null;
  evidence: ChosenEvidence[];
  saving: boolean;
  /** A one-line message of the last thing done, for the screen's status region. */
  notice: string | null;
  formError: string | null;
  /** The answer to the last "Issue certificate" (issued, refused with live copies, or cancelled). */
  issueResult: CertificateIssueResponse | null;
  /** The answer to the last "Verify a certificate file". */
  verification: Extract<CertificateVerifyResponse, { status: 'checked' }> | null;
  load: () => Promise<void>;
  startRecording: (copyId: string | null) => void;
  chooseEvidence: () => Promise<void>;
  removeEvidence: (token: string) => void;
  record: (input: DestructionInput) => Promise<boolean>;
  verifyAbsence: (copyId: string) => Promise<void>;
  /** Chooses a file in the open dialog and attaches it to a destruction already recorded. */
  addEvidence: (destructionId: string) => Promise<void>;
  issue: (request: ApiRequest<'certificate.issue'>) => Promise<void>;
  verifyFile: () => Promise<void>;
  markSent: (certificateId: string, date: string) => Promise<boolean>;
  markAcknowledged: (certificateId: string, date: string, reference: string) => Promise<boolean>;
  /** Says something done outside the store (a certificate signed) in the screen's status line. */
  showNotice: (notice: string) => void;
  reset: () => void;
}

const initialState = {
  overview: null,
  status: 'idle' as Status,
  error: null,
  recordingCopyId: null,
  evidence: [],
  saving: false,
  notice: null,
  formError: null,
  issueResult: null,
  verification: null,
};

export const useDestructionStore = create<DestructionState>()((set, get) => ({
  ...initialState,
  load: async () => {
    set({ status: get().overview ? 'ready' : 'loading', error: null });
    const result = await call('destruction.overview', {});
    if (result.ok) set({ overview: result.value, status: 'ready' });
    else set({ status: 'error', error: result.error.message });
  },
  startRecording: (copyId) => set({ recordingCopyId: copyId, evidence: [], formError: null }),
  chooseEvidence: async () => {
    const result = await call('destruction.chooseEvidence', {});
    if (!result.ok) return set({ formError: result.error.message });
    const file = result.value.file;
    if (file) set({ evidence: [...get().evidence, file] });
  },
  removeEvidence: (token) => set({ evidence: get().evidence.filter((e) => e.token !== token) }),
  record: async (input) => {
    set({ saving: true, formError: null });
    const result = await call('destruction.record', { destruction: input, evidenceTokens: get().evidence.map((e) => e.token) });
    if (!result.ok) {
      set({ saving: false, formError: result.error.message });
      return false;
    }
    const files = result.value.evidence.length ? ` with ${result.value.evidence.length} evidence file${result.value.evidence.length === 1 ? '' : 's'}` : '';
    set({ saving: false, recordingCopyId: null, evidence: [], notice: `Destruction recorded for ${result.value.copy.label}${files}.` });
    await get().load();
    return true;
  },
  verifyAbsence: async (copyId) => {
    const result = await call('destruction.verifyAbsence', { copyId });
    set({ notice: result.ok ? `Absence check: ${result.value.detail}` : null, error: result.ok ? null : result.error.message });
    await get().load();
  },
  addEvidence: async (destructionId) => {
    const chosen = await call('destruction.chooseEvidence', {});
    if (!chosen.ok) return set({ error: chosen.error.message });
    if (!chosen.value.file) return;
    const result = await call('destruction.attachEvidence', { destructionId, token: chosen.value.file.token });
    set({ notice: result.ok ? `Evidence ${result.value.fileName} attached (SHA-256 ${result.value.sha256.slice(0, 12)}…).` : null, error: result.ok ? null : result.error.message });
    await get().load();
  },
  issue: async (request) => {
    set({ saving: true, issueResult: null, error: null });
    const result = await call('certificate.issue', request);
    if (!result.ok) return set({ saving: false, error: result.error.message });
    set({ saving: false, issueResult: result.value, notice: result.value.status === 'issued' ? `Certificate ${result.value.certificate.number} issued: saved as ${result.value.fileName}, with ${result.value.jsonFileName} beside it.` : null });
    if (result.value.status === 'issued') await get().load();
  },
  showNotice: (notice) => set({ notice }),
  verifyFile: async () => {
    const result = await call('certificate.verify', {});
    if (!result.ok) return set({ error: result.error.message, verification: null });
    if (result.value.status === 'checked') set({ verification: result.value, error: null });
  },
  markSent: async (certificateId, date) => {
    const result = await call('certificate.markSent', { certificateId, date });
    if (!result.ok) {
      set({ error: result.error.message });
      return false;
    }
    set({ error: null, notice: `Certificate ${result.value.number} marked as sent to DARS.` });
    await get().load();
    return true;
  },
  markAcknowledged: async (certificateId, date, reference) => {
    const result = await call('certificate.markAcknowledged', { certificateId, date, reference: reference || null });
    if (!result.ok) {
      set({ error: result.error.message });
      return false;
    }
    set({ error: null, notice: `Certificate ${result.value.number} marked as acknowledged.` });
    await get().load();
    return true;
  },
  reset: () => set(initialState),
}));
