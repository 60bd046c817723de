import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended it (9 for SIGKILL), or null if it exited. */
  signal: number | null;
  /** The child's peak resident memory, in bytes, as GNU time measured it. */
  peakRssBytes: number;
}

/**
 * Runs `custodian ARGS` as its own process, as a user would from a shell, under GNU time so the
 * test sees the peak memory a hostile file made it use (and a crash shows as a crash, not as a
 * dead test runner).
 */
export function runCliProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliProcessRun> {
  const report = join(tmpdir(), `custodian-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const child = spawn('/usr/bin/time', ['-v', '-o', report, process.execPath, 'bin/custodian.mjs', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const timing = readFileSync(report, 'utf8');
      rmSync(report, { force: true });
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(timing);
      const exit = /Exit status: (\d+)/.exec(timing);
      // Killed by a signal, GNU time still says "Exit status: 0": the signal line is what counts.
      const signal = /Command terminated by signal (\d+)/.exec(timing);
      resolve({
        code: signal ? null : exit ? Number(exit[1]) : code,
        signal: signal ? Number(signal[1]) : null,
        stdout,
        stderr,
        peakRssBytes: kb ? Number(kb[1]) * 1024 : NaN,
      });
    });
  });
}
