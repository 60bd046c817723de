import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscloseFileResult, DisclosureProgress } from './disclose-file';
import type { WorkerJob, WorkerMessage } from './worker-protocol';

/**
 * Starts the disclosure worker. In the packaged app the worker is its own bundle beside main.cjs;
 * from source (the CLI, the tests) it is the TypeScript file, run through tsx.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs') || here.endsWith('.js')) return { file: join(dirname(here), 'disclosure-worker.cjs'), execArgv: [] };
  return { file: join(dirname(here), 'disclosure-worker.ts'), execArgv: ['--import', 'tsx'] };
}

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

export function runDisclosureInWorker(job: WorkerJob, onProgress: (progress: DisclosureProgress) => void): RunningDisclosure {
  const { file, execArgv } = workerEntry();
  const worker = new Worker(file, { workerData: job, execArgv });
  let cancelled = false;
  const result = new Promise<DiscloseFileResult>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') resolve(message.result);
      else reject(new DisclosureWorkerError(message.error.kind, message.error.message));
    });
    worker.on('error', (error) => reject(new DisclosureWorkerError('internal', error.name)));
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
