import type { PostgresMigration } from './postgres-migration';

/**
 * A number that moves with every transaction that writes to the register, whoever makes it (the
 * app, the CLI, another member, someone with psql): what the app's register cache watches
 * (register-cache.ts), as it watches SQLite's `data_version` and `total_changes()`. A statement
 * trigger on every table records the writing transaction's id once per transaction; the function
 * runs as its owner, so the roles need no grant on the counter.
 */
export const postgresMigration003Revision: PostgresMigration = {
  number: 3,
  name: 'revision',
  registerVersion: 9,
  sql: `
CREATE TABLE custodian_revision (id integer PRIMARY KEY CHECK (id = 1), xid bigint NOT NULL);
INSERT INTO custodian_revision (id, xid) VALUES (1, 0);
GRANT SELECT ON custodian_revision TO custodian_ig_lead, custodian_analyst, custodian_destruction_officer, custodian_dpo, custodian_auditor;
REVOKE INSERT, UPDATE, DELETE ON custodian_revision FROM custodian_ig_lead;

CREATE FUNCTION custodian_revision_moves() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  revision regclass := format('%I.custodian_revision', TG_TABLE_SCHEMA)::regclass;
BEGIN
  EXECUTE format('UPDATE %s SET xid = txid_current() WHERE id = 1 AND xid <> txid_current()', revision);
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('custodian_schema', 'custodian_revision') LOOP
    EXECUTE format('CREATE TRIGGER custodian_revision_moves AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION custodian_revision_moves()', t);
  END LOOP;
END $$;
`,
};
