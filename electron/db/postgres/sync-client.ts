import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ClientConfig } from 'pg';
import { postgresWorkerSource } from './postgres-worker-source';

export interface QueryReply {
  rows: unknown[];
  rowCount: number;
}

interface ErrorReply {
  error: { message: string; code?: string; detail?: string; constraint?: string; table?: string };
}

/** An error from PostgreSQL, with its SQLSTATE in `code` (42501: permission denied, 23505: unique...). */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    readonly table: string | undefined,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}

/** How long one statement may take before the caller gives up waiting (a lock held by a stuck client). */
const REPLY_TIMEOUT_MS = 5 * 60_000;

function pgModulePath(): string {
  // The CLI bundle and the app's main bundle define `require`; the TypeScript sources (tests) do not.
  if (typeof require === 'function') return require.resolve('pg');
  return createRequire(import.meta.url).resolve('pg');
}

/**
 * A PostgreSQL client used synchronously: a worker thread owns the `pg` client, and each call posts
 * the query and blocks on a shared flag until the worker has answered (the pattern of the synckit
 * library). The services were written against better-sqlite3's synchronous API; this lets them run
 * unchanged against PostgreSQL, one statement at a time, like SQLite.
 */
export class SyncPostgresClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private closed = false;

  constructor(config: ClientConfig) {
    const shared = new SharedArrayBuffer(4);
    this.flag = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(postgresWorkerSource, {
      eval: true,
      workerData: { pgPath: pgModulePath(), shared, port: port2 },
      transferList: [port2],
    });
    // The thread must not keep a finished command alive; the caller closes the connection anyway.
    this.worker.unref();
    this.port.unref();
    this.call({ op: 'connect', config });
  }

  query(sql: string, params: readonly unknown[] = [], rowMode?: 'array'): QueryReply {
    return this.call({ op: 'query', sql, params, rowMode }) as QueryReply;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.call({ op: 'end' });
    } finally {
      void this.worker.terminate();
      this.port.close();
    }
  }

  private call(request: object): unknown {
    if (this.closed && (request as { op: string }).op !== 'end') throw new Error('The PostgreSQL connection is closed.');
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    const waited = Atomics.wait(this.flag, 0, 0, REPLY_TIMEOUT_MS);
    const message = receiveMessageOnPort(this.port);
    if (!message) {
      throw new Error(waited === 'timed-out' ? 'PostgreSQL did not answer within 5 minutes.' : 'The PostgreSQL worker stopped without answering.');
    }
    const reply = message.message as QueryReply | ErrorReply;
    if ('error' in reply) throw new PostgresError(reply.error.message, reply.error.code, reply.error.detail, reply.error.table);
    return reply;
  }
}
