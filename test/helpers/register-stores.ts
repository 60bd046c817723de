import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import type { RegisterStore } from '../../electron/db/register-connection';
import { startPostgres, type PostgresServer } from './postgres-server';
import { makeTempDir } from './temp-dir';

/** The stores every register test runs against: `describe.each(registerStores)('%s', (store) => …)`. */
export const registerStores: readonly RegisterStore[] = ['sqlite', 'postgres'];

export interface StoreLocations {
  /** A fresh, migrated register for this test: an SQLite file, or a PostgreSQL URL. */
  location(): string;
  /** A folder for this test's files (evidence, exports). */
  readonly dir: string;
  /** The PostgreSQL server (postgres only). */
  readonly server: PostgresServer | null;
}

/**
 * A fresh register per test in the given store. For PostgreSQL one server is started for the
 * enclosing describe block, one register is migrated once as a template, and each test gets its own
 * database copied from it.
 */
export function useRegisterStore(store: RegisterStore): StoreLocations {
  let server: PostgresServer | null = null;
  let template = '';
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let current = '';
  if (store === 'postgres') {
    beforeAll(async () => {
      server = startPostgres();
      template = await server.createDatabase();
      openDatabase(server.url(template), { create: true }).db.close();
    }, 60_000);
    afterAll(() => server?.stop());
  }
  beforeEach(async () => {
    temp = makeTempDir();
    current = server ? server.url(await server.createDatabase(template)) : temp.path('register.sqlite');
  });
  afterEach(() => {
    temp?.remove();
    temp = null;
  });
  return {
    location: () => current,
    get dir() {
      if (!temp) throw new Error('the store’s folder exists only inside a test');
      return temp.dir;
    },
    get server() {
      return server;
    },
  };
}
