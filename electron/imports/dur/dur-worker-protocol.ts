import type { DurPlace } from './dur-import-error';
import type { DurRead } from './import-dur';
import type { DurFilter } from './parse-dur';

/** What main sends the Data Uses Register worker, and what comes back: plain data, copied across threads. */
export interface DurWorkerJob {
  paths: readonly string[];
  filter: DurFilter;
}

export type DurWorkerMessage =
  | { type: 'done'; read: DurRead }
  | { type: 'failed'; error: { kind: 'input'; place: DurPlace; problem: string } | { kind: 'internal'; name: string } };
