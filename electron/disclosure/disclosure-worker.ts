import { parentPort, workerData } from 'node:worker_threads';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { discloseFile } from './disclose-file';
import { loadHighsSolver } from './highs-solver';
import type { WorkerJob, WorkerMessage } from './worker-protocol';

/**
 * The disclosure worker: reading, protecting, the attacker's linear programs and writing all run
 * here, off the main process's event loop, so the window stays responsive. Cancelling terminates
 * the thread; the writers' temporary files are removed by the caller.
 */
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

async function run(job: WorkerJob): Promise<void> {
  let last = 0;
  try {
    const result = await discloseFile({
      ...job,
      loadSolver: loadHighsSolver,
      onFirstRows: (rows) => post({ type: 'first-rows', rows }),
      onProgress: (progress) => {
        // At most a few messages a second: progress is for a bar, not a log.
        const now = Date.now();
        if (now - last < 100 && progress.phase !== 'writing') return;
        last = now;
        post({ type: 'progress', progress });
      },
    });
    post({ type: 'done', result });
  } catch (error) {
    if (error instanceof DisclosureInputError) post({ type: 'failed', error: { kind: 'input', message: error.message } });
    // Only the error's class leaves the worker: a message could quote the table.
    else post({ type: 'failed', error: { kind: 'internal', message: (error as Error)?.name ?? 'Error' } });
  }
}

void run(workerData as WorkerJob);
