import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { isWorkerOutOfMemory, workerEntry, workerResourceLimits } from '../workers/worker-limits';
import type { DiscloseFileResult, DisclosureProgress } from './disclose-file';
import type { FirstRows } from '../../shared/disclosure/first-rows';
import type { WorkerJob, WorkerMessage } from './worker-protocol';

/** The worker's code: its own bundle beside main.cjs in the app, the TypeScript file from source. */
const workerFile = () => workerEntry(fileURLToPath(import.meta.url), 'disclosure-worker.ts', 'disclosure-worker.cjs');

export interface RunningDisclosure {
  result: Promise<DiscloseFileResult>;
  cancel(): Promise<void>;
}

export class DisclosureWorkerError extends Error {
  constructor(
    readonly kind: 'input' | 'internal' | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'DisclosureWorkerError';
  }
}

export function runDisclosureInWorker(
  job: WorkerJob,
  onProgress: (progress: DisclosureProgress) => void,
  resourceLimits: ResourceLimits = workerResourceLimits,
  onFirstRows: (rows: FirstRows) => void = () => {},
): RunningDisclosure {
  const { file, execArgv } = workerFile();
  const worker = new Worker(file, { workerData: job, execArgv, resourceLimits });
  let cancelled = false;
  const result = new Promise<DiscloseFileResult>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'first-rows') onFirstRows(message.rows);
      else if (message.type === 'done') resolve(message.result);
      else reject(new DisclosureWorkerError(message.error.kind, message.error.message));
    });
    worker.on('error', (error) => {
      if (isWorkerOutOfMemory(error)) {
        reject(new DisclosureWorkerError('input', `the table needs more than the ${resourceLimits.maxOldGenerationSizeMb} MB of memory a disclosure may use; split it into smaller tables`));
      } else reject(new DisclosureWorkerError('internal', error.name));
    });
    worker.on('exit', (code) => {
      if (cancelled) reject(new DisclosureWorkerError('cancelled', 'Cancelled.'));
      else if (code !== 0) reject(new DisclosureWorkerError('internal', `the worker stopped (exit ${code})`));
    });
  });
  return {
    result,
    async cancel() {
      cancelled = true;
      await worker.terminate();
    },
  };
}
