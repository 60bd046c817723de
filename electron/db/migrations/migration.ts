import type { Database } from 'better-sqlite3';

/** One step of the schema. `version` is the `user_version` the database has after it runs. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}
