// npm run bench:team — a team register's write throughput: N clients (separate processes, each with
// its own PostgreSQL connection) making 100 changes each at once to one register, against one
// client alone on the same server, and against one client on an SQLite file, all in the same run.
// A change is a register write with its audit entry in one transaction (test/helpers/team-changes.ts).
// Writes are serialised by the register's write lock (as SQLite serialises them), so more clients
// do not write faster: the figure to watch is that 10 clients keep most of one client's
// throughput, with an intact chain, rather than collapsing into lock waits. The test server runs
// with fsync off (a throwaway cluster); SQLite here syncs every commit (synchronous = FULL).
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/open-database';
import { verifyAuditChain } from '../electron/register/audit-verify';
import { startTsProcess } from '../test/helpers/child-process';
import { startPostgres } from '../test/helpers/postgres-server';
import { applyTeamChange } from '../test/helpers/team-changes';
import { makeTempDir } from '../test/helpers/temp-dir';

const CHANGES = 100;

async function runClients(location: string, clients: number, dir: string): Promise<number> {
  const go = join(dir, `go-${clients}-${Date.now()}`);
  const writers = await Promise.all(
    Array.from({ length: clients }, (_, c) => startTsProcess('test/helpers/team-writer-process.ts', [location, String(c), String(CHANGES), go])),
  );
  const exits = writers.map((w) => once(w, 'exit'));
  const started = performance.now();
  writeFileSync(go, '');
  const codes = (await Promise.all(exits)).map(([code]) => code);
  const seconds = (performance.now() - started) / 1000;
  if (codes.some((c) => c !== 0)) throw new Error(`a writer failed: exit codes ${codes.join(', ')}`);
  const { db } = openDatabase(location, { create: false });
  const chain = verifyAuditChain(db);
  db.close();
  if (!chain.intact || chain.entries !== clients * CHANGES) throw new Error(`chain after ${clients} clients: ${JSON.stringify(chain)}`);
  return (clients * CHANGES) / seconds;
}

const temp = makeTempDir('custodian-bench-team-');
const server = startPostgres();
try {
  const fresh = async () => {
    const location = server.url(await server.createDatabase());
    openDatabase(location, { create: true }).db.close();
    return location;
  };
  const sqlitePath = temp.path('register.sqlite');
  const sqlite = openDatabase(sqlitePath, { create: true }).db;
  const sqliteStart = performance.now();
  for (let j = 0; j < CHANGES; j++) applyTeamChange(sqlite, { now: () => new Date(), osUser: 'solo' }, 0, j);
  const sqliteRate = CHANGES / ((performance.now() - sqliteStart) / 1000);
  sqlite.close();

  const one = await runClients(await fresh(), 1, temp.dir);
  const ten = await runClients(await fresh(), 10, temp.dir);
  const row = (name: string, rate: number) => console.log(`${name.padEnd(44)} ${rate.toFixed(0).padStart(6)} changes/s  ${(rate / one).toFixed(2)}× one PostgreSQL client`);
  console.log(`Team register throughput (${CHANGES} changes per client, each with its audit entry; chain verified intact after each run)`);
  row('SQLite file, 1 client (in process)', sqliteRate);
  row('PostgreSQL, 1 client', one);
  row('PostgreSQL, 10 clients at once', ten);
} finally {
  server.stop();
  temp.remove();
}
