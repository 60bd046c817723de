import type { CliIo } from './runtime';

/**
 * The CLI's output on a real terminal or pipe. When the reader goes away (`custodian findings |
 * head -1`), Node reports EPIPE as an 'error' event on the stream, which with no listener is thrown
 * as an uncaught exception with a stack trace. Here the stream's errors are caught, and once the
 * reader has gone further output is dropped: the command still finishes and exits with its own
 * code, so a script that checks it (`set -o pipefail`) still learns whether a check found problems.
 */
export function processIo(proc: NodeJS.Process = process): CliIo {
  return { stdout: writerFor(proc.stdout), stderr: writerFor(proc.stderr), env: proc.env, stdin: () => readAll(proc.stdin) };
}

/** Read without blocking, so Ctrl-C is still heard while waiting for input. */
async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function writerFor(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw error;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/**
 * Ctrl-C: one line and the shell's usual exit code (128 + SIGINT). better-sqlite3 writes
 * synchronously, so this handler runs between statements, never inside a transaction: a change is
 * either wholly written with its audit entry or not at all. Files are written under a temporary
 * name and renamed, so an interrupted export leaves no half-written file in place.
 */
export function exitQuietlyOnInterrupt(proc: NodeJS.Process = process): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    proc.once(signal, () => {
      try {
        proc.stderr.write(`\ncustodian: interrupted (${signal}); nothing more was written\n`);
      } catch {
        // The terminal may already be gone; the exit code still says what happened.
      }
      proc.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}
