import { dirname, join } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';

/**
 * The memory a worker thread may use. Readers bound what they accept, but a worker also gets a
 * ceiling of its own, so that anything the bounds missed ends that thread with
 * ERR_WORKER_OUT_OF_MEMORY instead of taking the whole app (or CLI) down with it.
 */
export const workerResourceLimits: ResourceLimits = {
  maxOldGenerationSizeMb: 1536,
  maxYoungGenerationSizeMb: 64,
  stackSizeMb: 8,
};

export const isWorkerOutOfMemory = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * Where a worker's code is: in the packaged app its own bundle beside main.cjs (`bundle`); from
 * source (the CLI, the tests) the TypeScript file beside the caller, run through tsx.
 */
export function workerEntry(callerUrlPath: string, source: string, bundle: string): { file: string; execArgv: string[] } {
  if (callerUrlPath.endsWith('.cjs') || callerUrlPath.endsWith('.js')) return { file: join(dirname(callerUrlPath), bundle), execArgv: [] };
  return { file: join(dirname(callerUrlPath), source), execArgv: ['--import', 'tsx'] };
}
