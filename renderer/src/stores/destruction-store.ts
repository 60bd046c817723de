import { create } from 'zustand';
import { DESTRUCTION_PAGE, type CertificateIssueResponse, type CertificateVerifyResponse, type DestructionOverview } from '../../../shared/destruction/destruction-api';
import type { RecordRef } from '../../../shared/register/record-labels';
import type { ApiRequest } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { useRegisterChanges } from './register-changes-store';

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** The copies one destruction form records: one copy, a holding's live copies, or a selection of them. */
export interface RecordingTarget {
  /** Names the form when it records several copies of one holding. */
  holding: RecordRef | null;
  copies: { copy: RecordRef; pathOrDescription: string | null }[];
}

/** A destruction's fields as the form sends them (destructionInputSchema without copyId). */
export type DestructionFields = Record<string, string | boolean | null>;

export interface ChosenEvidence {
  token: string;
  fileName: string;
}

interface DestructionState {
  overview: DestructionOverview | null;
  /** The first row of the page shown of "Copies and their destruction", and of "Certificates issued". */
  copiesOffset: number;
  certificatesOffset: number;
  status: Status;
  error: string | null;
  /** The copies whose destruction form is open (a dialog, wherever the user asked for it). */
  recording: RecordingTarget | null;
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
  showCopiesPage: (offset: number) => Promise<void>;
  showCertificatesPage: (offset: number) => Promise<void>;
  startRecording: (target: RecordingTarget | null) => void;
  chooseEvidence: () => Promise<void>;
  removeEvidence: (token: string) => void;
  /** Records the destruction of every copy of `recording`: `common` for all, `overrides` by copy id. */
  record: (common: DestructionFields, overrides: Record<string, DestructionFields>) => Promise<boolean>;
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
  copiesOffset: 0,
  certificatesOffset: 0,
  status: 'idle' as Status,
  error: null,
  recording: null,
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
    const result = await call('destruction.overview', { copiesOffset: get().copiesOffset, certificatesOffset: get().certificatesOffset });
    if (!result.ok) return set({ status: 'error', error: result.error.message });
    const { copies, certificates } = result.value;
    // Recording or certifying can shorten a list under the page shown: show its last page instead.
    const lastPage = (total: number) => Math.max(0, Math.floor((total - 1) / DESTRUCTION_PAGE) * DESTRUCTION_PAGE);
    if ((copies.offset > 0 && copies.offset >= copies.total) || (certificates.offset > 0 && certificates.offset >= certificates.total)) {
      set({ copiesOffset: Math.min(copies.offset, lastPage(copies.total)), certificatesOffset: Math.min(certificates.offset, lastPage(certificates.total)) });
      return get().load();
    }
    set({ overview: result.value, status: 'ready' });
  },
  showCopiesPage: async (offset) => {
    set({ copiesOffset: offset });
    await get().load();
  },
  showCertificatesPage: async (offset) => {
    set({ certificatesOffset: offset });
    await get().load();
  },
  startRecording: (target) => set({ recording: target, evidence: [], formError: null }),
  chooseEvidence: async () => {
    const result = await call('destruction.chooseEvidence', {});
    if (!result.ok) return set({ formError: result.error.message });
    const file = result.value.file;
    if (file) set({ evidence: [...get().evidence, file] });
  },
  removeEvidence: (token) => set({ evidence: get().evidence.filter((e) => e.token !== token) }),
  record: async (common, overrides) => {
    const target = get().recording;
    if (!target) return false;
    set({ saving: true, formError: null });
    const copies = target.copies.map(({ copy }) => (overrides[copy.id] ? { copyId: copy.id, overrides: overrides[copy.id] } : { copyId: copy.id }));
    const result = await call('destruction.recordMany', { common, copies, evidenceTokens: get().evidence.map((e) => e.token) });
    if (!result.ok) {
      set({ saving: false, formError: result.error.message });
      return false;
    }
    const { recorded, evidence } = result.value;
    const files = evidence.length ? ` with ${evidence.length} evidence file${evidence.length === 1 ? '' : 's'}` : '';
    const what = recorded.length === 1 ? recorded[0]!.copy.label : `${recorded.length} copies${target.holding ? ` of ${target.holding.label}` : ''}`;
    set({ saving: false, recording: null, evidence: [], notice: `Destruction recorded for ${what}${files}.` });
    // Every view of the register (the holding page, the worklist, the dashboard) shows the copies destroyed.
    useRegisterChanges.getState().changed();
    if (get().overview) await get().load();
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
