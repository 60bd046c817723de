import { parentPort, workerData } from 'node:worker_threads';
import { DurImportError } from './dur-import-error';
import { readDur } from './import-dur';
import type { DurWorkerJob, DurWorkerMessage } from './dur-worker-protocol';

/**
 * Reads and checks the Data Uses Register off the main process: a workbook is unpacked and parsed
 * whole, and a hostile one that slipped past the readers' bounds ends this thread (which has its
 * own memory ceiling), not the app. Writing stays in main, on the register's connection.
 */
const post = (message: DurWorkerMessage) => parentPort!.postMessage(message);

async function run(job: DurWorkerJob): Promise<void> {
  try {
    post({ type: 'done', read: await readDur(job.paths, job.filter) });
  } catch (error) {
    if (error instanceof DurImportError) post({ type: 'failed', error: { kind: 'input', place: error.place, problem: error.problem } });
    // Only the error's class leaves the worker: a message could quote the file.
    else post({ type: 'failed', error: { kind: 'internal', name: (error as Error)?.name ?? 'Error' } });
  }
}

void run(workerData as DurWorkerJob);
