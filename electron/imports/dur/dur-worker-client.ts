import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { isWorkerOutOfMemory, workerEntry, workerResourceLimits } from '../../workers/worker-limits';
import { DurImportError } from './dur-import-error';
import type { DurWorkerJob, DurWorkerMessage } from './dur-worker-protocol';
import type { DurRead } from './import-dur';
import { basename } from 'node:path';

const workerFile = () => workerEntry(fileURLToPath(import.meta.url), 'dur-worker.ts', 'dur-worker.cjs');

/**
 * Reads the Data Uses Register in a worker thread with a memory ceiling (the app's import: main
 * keeps answering the window, and survives a file that would exhaust memory). Problems in the
 * file come back as the same DurImportError the CLI gives.
 */
export function readDurInWorker(job: DurWorkerJob, resourceLimits: ResourceLimits = workerResourceLimits): Promise<DurRead> {
  const { file, execArgv } = workerFile();
  const worker = new Worker(file, { workerData: job, execArgv, resourceLimits });
  const name = job.paths.length === 1 ? basename(job.paths[0]!) : 'the Data Uses Register';
  return new Promise<DurRead>((resolve, reject) => {
    worker.on('message', (message: DurWorkerMessage) => {
      if (message.type === 'done') resolve(message.read);
      else if (message.error.kind === 'input') reject(new DurImportError(message.error.place, message.error.problem));
      else reject(new Error(`reading ${name} failed (${message.error.name})`));
      void worker.terminate();
    });
    worker.on('error', (error) => {
      if (isWorkerOutOfMemory(error)) {
        reject(new DurImportError({ file: name }, `needs more than the ${resourceLimits.maxOldGenerationSizeMb} MB of memory an import may use; it is not an ordinary Data Uses Register`));
      } else reject(new Error(`reading ${name} failed (${error.name})`));
    });
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`reading ${name} failed (the worker stopped, exit ${code})`));
    });
  });
}
