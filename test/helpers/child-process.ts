import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Starts a TypeScript file in its own Node process (this Node, through tsx) and waits for it to print "ready". */
export async function startTsProcess(file: string, args: readonly string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${file} exited ${code} before it was ready: ${stderr}`)));
  });
  return child;
}

/** Ends a process started by a test, and waits until it is gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = once(child, 'exit');
  child.kill('SIGKILL');
  await gone;
}
