import type { RegisterConnection, RegisterStatement } from './register-connection';

const caches = new WeakMap<RegisterConnection, Map<string, RegisterStatement>>();

/**
 * A prepared statement for this connection, prepared once. Services run the same few statements
 * thousands of times (an import of 100,000 copies); preparing each time would dominate the cost.
 * Everyone who prepares the same SQL shares the statement, so its output mode is reset to plain
 * objects each time: call `.raw(true)` or `.pluck(true)` on what you get if you want those.
 */
export function prepared(db: RegisterConnection, sql: string): RegisterStatement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  } else if (statement.reader) {
    statement.raw(false).pluck(false).expand(false);
  }
  return statement;
}
