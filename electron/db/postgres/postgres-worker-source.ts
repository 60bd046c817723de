/**
 * The code of the thread that owns the PostgreSQL client. It is plain CommonJS run with
 * `new Worker(source, { eval: true })`, so it needs no bundle of its own in the CLI, the app or the
 * tests. It answers each request on its port, then wakes the caller, which is blocked in
 * `Atomics.wait` (sync-client.ts).
 *
 * Integers come back as numbers and booleans as 0/1, as better-sqlite3 gives them, so the services
 * read rows from either store the same way.
 */
export const postgresWorkerSource = String.raw`
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { userInfo } = require('node:os');
const pg = require(workerData.pgPath);
const fromPg = createRequire(workerData.pgPath);
const pgpass = fromPg('pgpass');
const { parse } = fromPg('pg-connection-string');
const flag = new Int32Array(workerData.shared);
const port = workerData.port;
pg.types.setTypeParser(20, (v) => { const n = Number(v); return Number.isSafeInteger(n) ? n : v; });
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(16, (v) => (v === 't' ? 1 : 0));
let client = null;
const names = new Map();
function reply(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
function failure(error) {
  return { error: { message: String(error && error.message || error), code: error && error.code, detail: error && error.detail, constraint: error && error.constraint, table: error && error.table } };
}
port.on('message', async (request) => {
  try {
    if (request.op === 'connect') {
      // The URL taken apart here, so that its fields (and not pg's merge of them) decide the password.
      const { connectionString, ...rest } = request.config;
      const url = parse(connectionString);
      const config = { ...url, ...rest };
      // The password of a URL without one comes from the PGPASSFILE (~/.pgpass), looked up here
      // rather than by pg's own lookup, which is deprecated; it is asked for only if the server wants one.
      if (!url.password && !rest.password) {
        const user = url.user || process.env.PGUSER || userInfo().username;
        const where = { host: url.host || process.env.PGHOST || 'localhost', port: String(url.port || process.env.PGPORT || 5432), database: url.database || user, user };
        config.password = () => new Promise((resolve) => pgpass(where, (found) => resolve(found === undefined ? '' : found)));
      }
      client = new pg.Client(config);
      client.on('error', () => {});
      await client.connect();
      reply({ ok: true });
    } else if (request.op === 'query') {
      const query = { text: request.sql, values: request.params };
      if (request.rowMode) query.rowMode = request.rowMode;
      // Statements with parameters are prepared once per connection, like better-sqlite3's; past a
      // thousand distinct ones (IN lists of every length, copy batches) the rest run unprepared.
      if (request.params.length > 0) {
        let name = names.get(request.sql);
        if (!name && names.size < 1000) { name = 's' + names.size; names.set(request.sql, name); }
        if (name) query.name = name;
      }
      const result = await client.query(query);
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      reply({ rows: last ? last.rows : [], rowCount: last && last.rowCount || 0 });
    } else if (request.op === 'end') {
      if (client) await client.end().catch(() => {});
      client = null;
      reply({ ok: true });
    }
  } catch (error) {
    reply(failure(error));
  }
});
`;
