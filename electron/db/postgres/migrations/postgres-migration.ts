/**
 * One step of the PostgreSQL schema. PostgreSQL has its own numbered migrations (`number`); each
 * also says which SQLite schema version (`registerVersion`, SQLite's user_version) the register
 * matches after it, so "is this register up to date?" has one answer for both stores.
 */
export interface PostgresMigration {
  number: number;
  name: string;
  registerVersion: number;
  sql: string;
}
