import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const repositoryRoot = join(import.meta.dirname, '..', '..');
export const custodianBin = join(repositoryRoot, 'bin', 'custodian.mjs');

/**
 * Compiles dist-cli/ as `npm ci` does (the prepare script), so tests that start `custodian` as a
 * process run the current sources, even where dist-cli/ is missing or older than a change.
 * The build renames its files into place, so test files building at once do not disturb each other.
 */
export function buildCli(): void {
  execFileSync(process.execPath, [join(repositoryRoot, 'scripts', 'build-cli.mjs')], { cwd: repositoryRoot, stdio: 'pipe' });
}

export interface SpawnedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `custodian ARGS...` as a process; `started` may act on it (close its output, send a signal…). */
export function spawnCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[]; bin?: string; started?: (child: ChildProcess) => void } = {},
): Promise<SpawnedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? custodianBin, ...args], {
      env: { ...process.env, CUSTODIAN_FROM_SOURCE: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.started?.(child);
  });
}
