import type { PostgresMigration } from './postgres-migration';

/**
 * The register as SQLite has it after its migrations 001–009 (test/integration/__snapshots__/schema.sql),
 * in PostgreSQL: the same tables, columns, checks, references and indexes, with these differences:
 * INTEGER is BIGINT; text compares byte by byte (COLLATE "C", as SQLite's BINARY); a date check's
 * GLOB is a regular expression; references are DEFERRABLE (a snapshot import defers them, as SQLite's
 * `defer_foreign_keys`); tables with a rowid in SQLite get a `rowid` identity column, so "in the order
 * written" is `ORDER BY rowid` in both; the append-only audit log and the key-handling rule are
 * PL/pgSQL triggers.
 */
export const postgresMigration001Register: PostgresMigration = {
  number: 1,
  name: 'register',
  registerVersion: 9,
  sql: `
-- SQLite's JSON checks and json_each, and its NOCASE collation, under names the schema and the
-- dialect (postgres-sql.ts) use, so that every CHECK reads as in the SQLite migrations.
CREATE OR REPLACE FUNCTION json_valid(value text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM value::jsonb;
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END $$;

CREATE OR REPLACE FUNCTION json_type(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT jsonb_typeof(value::jsonb) $$;

CREATE OR REPLACE FUNCTION custodian_json_each(value text) RETURNS TABLE (value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_array_elements_text(custodian_json_each.value::jsonb)
$$;

CREATE COLLATION IF NOT EXISTS custodian_nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE TABLE dsas (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  nic_reference TEXT COLLATE "C" NOT NULL UNIQUE CHECK (nic_reference <> ''),
  title TEXT COLLATE "C"
);

CREATE TABLE organisations (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  legal_name TEXT COLLATE "C" NOT NULL CHECK (legal_name <> ''),
  ods_code TEXT COLLATE "C",
  roles TEXT COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
  ico_registration_number TEXT COLLATE "C",
  ico_renewal_date TEXT COLLATE "C" CHECK (ico_renewal_date IS NULL OR ico_renewal_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  predecessor_id TEXT COLLATE "C" REFERENCES organisations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  CHECK (predecessor_id <> id)
);

CREATE TABLE dsfcs (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  reference TEXT COLLATE "C" NOT NULL UNIQUE CHECK (reference <> ''),
  controller_organisation_id TEXT COLLATE "C" REFERENCES organisations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  signed_date TEXT COLLATE "C" CHECK (signed_date IS NULL OR signed_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT NULL
);

CREATE TABLE dsa_versions (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  dsa_id TEXT COLLATE "C" REFERENCES dsas (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  version TEXT COLLATE "C" NOT NULL CHECK (version <> ''),
  status TEXT COLLATE "C" CHECK (status IS NULL OR status IN ('draft', 'active', 'superseded', 'expired', 'terminated')) NOT NULL,
  start_date TEXT COLLATE "C" CHECK (start_date IS NULL OR start_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT NULL,
  end_date TEXT COLLATE "C" CHECK (end_date IS NULL OR end_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT NULL,
  signed_date TEXT COLLATE "C" CHECK (signed_date IS NULL OR signed_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  predecessor_version_id TEXT COLLATE "C" REFERENCES dsa_versions (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  territory TEXT COLLATE "C" CHECK (territory IS NULL OR territory IN ('England', 'England and Wales', 'UK', 'UK and EEA')) NOT NULL,
  commercial BIGINT NOT NULL DEFAULT 0 CHECK (commercial IN (0, 1)),
  sublicensing BIGINT NOT NULL DEFAULT 0 CHECK (sublicensing IN (0, 1)),
  objective TEXT COLLATE "C",
  processing_activities TEXT COLLATE "C",
  expected_outputs TEXT COLLATE "C",
  expected_benefits TEXT COLLATE "C",
  article6 TEXT COLLATE "C",
  article9 TEXT COLLATE "C",
  common_law_basis TEXT COLLATE "C",
  s251_reference TEXT COLLATE "C",
  s251_expiry TEXT COLLATE "C" CHECK (s251_expiry IS NULL OR s251_expiry ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  ethics_reference TEXT COLLATE "C",
  destruction_rule TEXT COLLATE "C" CHECK (destruction_rule IS NULL OR destruction_rule IN ('days-after-end', 'fixed-date', 'rolling')) NOT NULL,
  destruction_days BIGINT CHECK (destruction_days >= 0),
  destruction_date TEXT COLLATE "C" CHECK (destruction_date IS NULL OR destruction_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  destruction_weeks BIGINT CHECK (destruction_weeks >= 0),
  dsfc_id TEXT COLLATE "C" REFERENCES dsfcs (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE, archiving_for_research BIGINT NOT NULL DEFAULT 0 CHECK (archiving_for_research IN (0, 1)),
  UNIQUE (dsa_id, version),
  CHECK (end_date >= start_date),
  CHECK (predecessor_version_id <> id),
  CHECK (CASE destruction_rule
    WHEN 'days-after-end' THEN destruction_days IS NOT NULL AND destruction_date IS NULL AND destruction_weeks IS NULL
    WHEN 'fixed-date' THEN destruction_date IS NOT NULL AND destruction_days IS NULL AND destruction_weeks IS NULL
    ELSE destruction_weeks IS NOT NULL AND destruction_days IS NULL AND destruction_date IS NULL
  END)
);

CREATE TABLE datasets (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version_id TEXT COLLATE "C" REFERENCES dsa_versions (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  name TEXT COLLATE "C" NOT NULL CHECK (name <> ''),
  type_of_data TEXT COLLATE "C",
  sensitivity TEXT COLLATE "C",
  frequency TEXT COLLATE "C",
  legal_basis_for_provision TEXT COLLATE "C",
  opt_outs_applied TEXT COLLATE "C",
  period_from TEXT COLLATE "C" CHECK (period_from IS NULL OR period_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  period_to TEXT COLLATE "C" CHECK (period_to IS NULL OR period_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  disclosure_profile_id TEXT COLLATE "C"
);

CREATE TABLE holdings (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version_id TEXT COLLATE "C" REFERENCES dsa_versions (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  dataset_id TEXT COLLATE "C" REFERENCES datasets (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  dars_file_reference TEXT COLLATE "C" NOT NULL CHECK (dars_file_reference <> ''),
  period_from TEXT COLLATE "C" CHECK (period_from IS NULL OR period_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  period_to TEXT COLLATE "C" CHECK (period_to IS NULL OR period_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  received_date TEXT COLLATE "C" CHECK (received_date IS NULL OR received_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT NULL,
  record_count BIGINT CHECK (record_count >= 0),
  checksum TEXT COLLATE "C",
  data_year TEXT COLLATE "C"
);

CREATE TABLE locations (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  name TEXT COLLATE "C" NOT NULL CHECK (name <> ''),
  operator_organisation_id TEXT COLLATE "C" REFERENCES organisations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  kind TEXT COLLATE "C" CHECK (kind IS NULL OR kind IN ('on-premises-server', 'cloud-region', 'trusted-research-environment', 'backup', 'disaster-recovery', 'end-user-device', 'paper-store')) NOT NULL,
  address TEXT COLLATE "C",
  cloud_provider TEXT COLLATE "C",
  cloud_region TEXT COLLATE "C",
  country TEXT COLLATE "C" NOT NULL CHECK (country <> '')
, hosted_by_organisation_id TEXT COLLATE "C" REFERENCES organisations(id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE);

CREATE TABLE copies (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  holding_id TEXT COLLATE "C" REFERENCES holdings (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  location_id TEXT COLLATE "C" REFERENCES locations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  kind TEXT COLLATE "C" CHECK (kind IS NULL OR kind IN ('primary', 'backup', 'derived', 'processor-copy')) NOT NULL,
  path_or_description TEXT COLLATE "C",
  created_date TEXT COLLATE "C" CHECK (created_date IS NULL OR created_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT NULL,
  destroyed_date TEXT COLLATE "C" CHECK (destroyed_date IS NULL OR destroyed_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);

CREATE TABLE absence_checks (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  copy_id TEXT COLLATE "C" NOT NULL REFERENCES copies (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  path_checked TEXT COLLATE "C" NOT NULL CHECK (path_checked <> ''),
  checked_at TEXT COLLATE "C" NOT NULL CHECK (checked_at <> ''),
  result TEXT COLLATE "C" NOT NULL CHECK (result IN ('absent', 'present', 'unreadable')),
  detail TEXT COLLATE "C" NOT NULL CHECK (detail <> ''),
  checked_by TEXT COLLATE "C" NOT NULL CHECK (checked_by <> '')
);

CREATE TABLE approved_locations (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version_id TEXT COLLATE "C" REFERENCES dsa_versions (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  location_id TEXT COLLATE "C" REFERENCES locations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  role TEXT COLLATE "C" CHECK (role IS NULL OR role IN ('storage', 'processing', 'backup', 'remote-access')) NOT NULL,
  approved_from TEXT COLLATE "C" CHECK (approved_from IS NULL OR approved_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  approved_to TEXT COLLATE "C" CHECK (approved_to IS NULL OR approved_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);

CREATE TABLE assurances (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  organisation_id TEXT COLLATE "C" REFERENCES organisations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  kind TEXT COLLATE "C" CHECK (kind IS NULL OR kind IN ('DSPT', 'ISO27001')) NOT NULL,
  dspt_year TEXT COLLATE "C",
  dspt_status TEXT COLLATE "C",
  improvement_plan_agreed BIGINT NOT NULL DEFAULT 0 CHECK (improvement_plan_agreed IN (0, 1)),
  certificate_number TEXT COLLATE "C",
  scope TEXT COLLATE "C",
  published_date TEXT COLLATE "C" CHECK (published_date IS NULL OR published_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  expiry_date TEXT COLLATE "C" CHECK (expiry_date IS NULL OR expiry_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT NULL,
  CHECK (kind <> 'DSPT' OR dspt_status IS NOT NULL),
  CHECK (kind <> 'ISO27001' OR certificate_number IS NOT NULL)
);

CREATE TABLE assurance_locations (
  assurance_id TEXT COLLATE "C" NOT NULL REFERENCES assurances (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  position BIGINT NOT NULL CHECK (position >= 0),
  location_id TEXT COLLATE "C" REFERENCES locations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  PRIMARY KEY (assurance_id, position),
  UNIQUE (assurance_id, location_id)
);

CREATE TABLE audit_head (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL CHECK (last_seq >= 0),
  last_hash TEXT COLLATE "C" NOT NULL
);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY CHECK (seq >= 1),
  at TEXT COLLATE "C" NOT NULL,
  os_user TEXT COLLATE "C" NOT NULL,
  display_name TEXT COLLATE "C" NOT NULL,
  action TEXT COLLATE "C" NOT NULL CHECK (action <> ''),
  record_kind TEXT COLLATE "C",
  record_id TEXT COLLATE "C",
  before_json TEXT COLLATE "C" CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT COLLATE "C" CHECK (after_json IS NULL OR json_valid(after_json)),
  detail_json TEXT COLLATE "C" CHECK (detail_json IS NULL OR json_valid(detail_json)),
  prev_hash TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C" NOT NULL
);

CREATE TABLE certificates (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  number TEXT COLLATE "C" NOT NULL UNIQUE CHECK (number <> ''),
  version_id TEXT COLLATE "C" REFERENCES dsa_versions (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  issued_date TEXT COLLATE "C" CHECK (issued_date IS NULL OR issued_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT NULL,
  status TEXT COLLATE "C" CHECK (status IS NULL OR status IN ('issued', 'sent', 'acknowledged')) NOT NULL,
  sent_date TEXT COLLATE "C" CHECK (sent_date IS NULL OR sent_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  acknowledged_date TEXT COLLATE "C" CHECK (acknowledged_date IS NULL OR acknowledged_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  acknowledgement_reference TEXT COLLATE "C"
);

CREATE TABLE certificate_contents (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  certificate_id TEXT COLLATE "C" PRIMARY KEY NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  canonical_json TEXT COLLATE "C" NOT NULL CHECK (json_valid(canonical_json)),
  content_hash TEXT COLLATE "C" NOT NULL CHECK (length(content_hash) = 64 AND content_hash !~ '[^0-9a-f]'),
  pdf_sha256 TEXT COLLATE "C" NOT NULL CHECK (length(pdf_sha256) = 64 AND pdf_sha256 !~ '[^0-9a-f]'),
  issued_at TEXT COLLATE "C" NOT NULL CHECK (issued_at <> ''),
  UNIQUE (content_hash)
);

CREATE TABLE certificate_holdings (
  certificate_id TEXT COLLATE "C" NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  position BIGINT NOT NULL CHECK (position >= 0),
  holding_id TEXT COLLATE "C" REFERENCES holdings (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  PRIMARY KEY (certificate_id, position),
  UNIQUE (certificate_id, holding_id)
);

CREATE TABLE destruction_records (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  copy_id TEXT COLLATE "C" NOT NULL REFERENCES copies (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  method_type TEXT COLLATE "C" NOT NULL CHECK (method_type IN ('Clear', 'Purge', 'Destroy')),
  method TEXT COLLATE "C" NOT NULL CHECK (method <> ''),
  tool TEXT COLLATE "C",
  tool_version TEXT COLLATE "C",
  performed_at TEXT COLLATE "C" NOT NULL CHECK (performed_at <> ''),
  operator TEXT COLLATE "C" NOT NULL CHECK (operator <> ''),
  verification_method TEXT COLLATE "C" NOT NULL CHECK (verification_method <> ''),
  verification_result TEXT COLLATE "C" NOT NULL CHECK (verification_result <> ''),
  outcome TEXT COLLATE "C" NOT NULL CHECK (outcome IN ('destroyed', 'destroyed-with-exceptions', 'not-destroyed')),
  exception_reason TEXT COLLATE "C",
  exception_end_date TEXT COLLATE "C" CHECK (exception_end_date IS NULL OR exception_end_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  notes TEXT COLLATE "C",
  recorded_at TEXT COLLATE "C" NOT NULL CHECK (recorded_at <> ''),
  recorded_by TEXT COLLATE "C" NOT NULL CHECK (recorded_by <> ''), sanitisation_standard TEXT COLLATE "C", cryptographic_erase BIGINT NOT NULL DEFAULT 0 CHECK (cryptographic_erase IN (0, 1)), key_handling TEXT COLLATE "C" CHECK (key_handling IS NULL OR key_handling <> ''), validation_method TEXT COLLATE "C", validation_result TEXT COLLATE "C" CHECK ((validation_method IS NULL) = (validation_result IS NULL)),
  CHECK (outcome <> 'destroyed-with-exceptions' OR (exception_reason IS NOT NULL AND exception_end_date IS NOT NULL))
);

CREATE TABLE destruction_evidence (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  destruction_id TEXT COLLATE "C" NOT NULL REFERENCES destruction_records (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  stored_path TEXT COLLATE "C" NOT NULL CHECK (stored_path <> ''),
  original_name TEXT COLLATE "C" NOT NULL CHECK (original_name <> ''),
  sha256 TEXT COLLATE "C" NOT NULL CHECK (length(sha256) = 64 AND sha256 !~ '[^0-9a-f]'),
  size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
  attached_at TEXT COLLATE "C" NOT NULL CHECK (attached_at <> '')
);

CREATE TABLE destruction_notices (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  key TEXT COLLATE "C" PRIMARY KEY NOT NULL,
  holding_id TEXT COLLATE "C" NOT NULL REFERENCES holdings (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  deadline TEXT COLLATE "C" CHECK (deadline IS NULL OR deadline ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT NULL,
  days_before BIGINT NOT NULL CHECK (days_before >= 0),
  shown_at TEXT COLLATE "C" NOT NULL CHECK (shown_at <> '')
);

CREATE TABLE disclosure_releases (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  holding_id TEXT COLLATE "C" NOT NULL REFERENCES holdings(id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  audit_seq BIGINT NOT NULL UNIQUE REFERENCES audit_log(seq) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  created_at TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL CHECK (name <> ''),
  output_sha256 TEXT COLLATE "C" NOT NULL CHECK (length(output_sha256) = 64),
  release_json TEXT COLLATE "C" NOT NULL CHECK (json_valid(release_json))
);

CREATE TABLE finding_statuses (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  finding_id TEXT COLLATE "C" PRIMARY KEY,
  state TEXT COLLATE "C" NOT NULL CHECK (state IN ('acknowledged', 'risk-accepted')),
  fingerprint TEXT COLLATE "C" NOT NULL,
  owner TEXT COLLATE "C",
  target_date TEXT COLLATE "C",
  reason TEXT COLLATE "C",
  review_date TEXT COLLATE "C",
  accepted_by TEXT COLLATE "C",
  set_at TEXT COLLATE "C" NOT NULL,
  set_by TEXT COLLATE "C" NOT NULL,
  CHECK (state <> 'acknowledged' OR (owner IS NOT NULL AND target_date IS NOT NULL)),
  CHECK (state <> 'risk-accepted' OR (reason IS NOT NULL AND review_date IS NOT NULL AND accepted_by IS NOT NULL))
);

CREATE TABLE incidents (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  reference TEXT COLLATE "C" NOT NULL UNIQUE CHECK (reference <> ''),
  title TEXT COLLATE "C" NOT NULL CHECK (title <> ''),
  description TEXT COLLATE "C" NOT NULL CHECK (description <> ''),
  type TEXT COLLATE "C" CHECK (type IS NULL OR type IN ('unauthorised-disclosure', 'loss-or-theft', 'undeclared-location', 'unauthorised-alteration-or-deletion', 'cyber-attack', 'human-error', 'other')) NOT NULL,
  occurred_at TEXT COLLATE "C" CHECK (occurred_at IS NULL OR occurred_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$'),
  occurred_zone TEXT COLLATE "C" CHECK (occurred_zone IS NULL OR occurred_zone <> ''),
  discovered_at TEXT COLLATE "C" CHECK (discovered_at IS NULL OR discovered_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$'),
  discovered_zone TEXT COLLATE "C" CHECK (discovered_zone IS NULL OR discovered_zone <> ''),
  became_aware_at TEXT COLLATE "C" CHECK (became_aware_at IS NULL OR became_aware_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$'),
  became_aware_zone TEXT COLLATE "C" CHECK (became_aware_zone IS NULL OR became_aware_zone <> ''),
  reported_by TEXT COLLATE "C",
  staff_involved TEXT COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(staff_involved) AND json_type(staff_involved) = 'array'),
  breach_kinds TEXT COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(breach_kinds) AND json_type(breach_kinds) = 'array'),
  data_categories TEXT COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(data_categories) AND json_type(data_categories) = 'array'),
  approximate_records BIGINT CHECK (approximate_records IS NULL OR approximate_records >= 0),
  approximate_people BIGINT CHECK (approximate_people IS NULL OR approximate_people >= 0),
  people_kinds TEXT COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(people_kinds) AND json_type(people_kinds) = 'array'),
  cyber TEXT COLLATE "C" CHECK (cyber IS NULL OR (json_valid(cyber) AND json_type(cyber) = 'object')),
  likely_consequences TEXT COLLATE "C",
  measures_before TEXT COLLATE "C",
  measures_taken TEXT COLLATE "C",
  measures_proposed TEXT COLLATE "C",
  other_organisations_told TEXT COLLATE "C",
  lessons_learned TEXT COLLATE "C",
  finding_id TEXT COLLATE "C",
  status TEXT COLLATE "C" CHECK (status IS NULL OR status IN ('open', 'contained', 'closed')) NOT NULL DEFAULT 'open',
  contained_at TEXT COLLATE "C" CHECK (contained_at IS NULL OR contained_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$'),
  closed_at TEXT COLLATE "C" CHECK (closed_at IS NULL OR closed_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$'),
  created_at TEXT COLLATE "C" CHECK (created_at IS NULL OR created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$') NOT NULL,
  likelihood BIGINT CHECK (likelihood IS NULL OR likelihood BETWEEN 1 AND 5),
  severity BIGINT CHECK (severity IS NULL OR severity BETWEEN 1 AND 5),
  ico_reportable BIGINT CHECK (ico_reportable IS NULL OR ico_reportable IN (0, 1)),
  dhsc_reportable BIGINT CHECK (dhsc_reportable IS NULL OR dhsc_reportable IN (0, 1)),
  outcome TEXT COLLATE "C",
  likelihood_label TEXT COLLATE "C",
  severity_label TEXT COLLATE "C",
  assessed_at TEXT COLLATE "C" CHECK (assessed_at IS NULL OR assessed_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$'),
  assessed_by TEXT COLLATE "C",
  ico_decision TEXT COLLATE "C" CHECK (ico_decision IS NULL OR ico_decision IN ('notify', 'do-not-notify')),
  ico_decision_reason TEXT COLLATE "C",
  individuals_decision TEXT COLLATE "C" CHECK (individuals_decision IS NULL OR individuals_decision IN ('tell', 'do-not-tell')),
  individuals_decision_reason TEXT COLLATE "C", how_discovered TEXT COLLATE "C", ico_case_reference TEXT COLLATE "C",
  CHECK ((occurred_at IS NULL) = (occurred_zone IS NULL)),
  CHECK ((discovered_at IS NULL) = (discovered_zone IS NULL)),
  CHECK ((became_aware_at IS NULL) = (became_aware_zone IS NULL)),
  CHECK (became_aware_at IS NOT NULL),
  CHECK (status <> 'closed' OR closed_at IS NOT NULL),
  CHECK ((likelihood IS NULL) = (severity IS NULL) AND (likelihood IS NULL) = (assessed_at IS NULL)
     AND (likelihood IS NULL) = (ico_reportable IS NULL) AND (likelihood IS NULL) = (dhsc_reportable IS NULL)
     AND (likelihood IS NULL) = (outcome IS NULL)),
  CHECK (likelihood IS NOT NULL OR (ico_decision IS NULL AND individuals_decision IS NULL)),
  CHECK (ico_decision IS NULL OR coalesce(ico_decision_reason, '') <> ''),
  CHECK (individuals_decision IS NULL OR coalesce(individuals_decision_reason, '') <> '')
);

CREATE TABLE incident_actions (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  kind TEXT COLLATE "C" CHECK (kind IS NULL OR kind IN ('containment', 'remediation')) NOT NULL,
  description TEXT COLLATE "C" NOT NULL CHECK (description <> ''),
  owner TEXT COLLATE "C" NOT NULL CHECK (owner <> ''),
  due_date TEXT COLLATE "C" CHECK (due_date IS NULL OR due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  status TEXT COLLATE "C" CHECK (status IS NULL OR status IN ('open', 'in-progress', 'done', 'cancelled')) NOT NULL,
  completed_date TEXT COLLATE "C" CHECK (completed_date IS NULL OR completed_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  CHECK (status <> 'done' OR completed_date IS NOT NULL)
);

CREATE TABLE incident_copies (
  incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  position BIGINT NOT NULL CHECK (position >= 0),
  copy_id TEXT COLLATE "C" NOT NULL REFERENCES copies (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, copy_id)
);

CREATE TABLE incident_datasets (
  incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  position BIGINT NOT NULL CHECK (position >= 0),
  dataset_id TEXT COLLATE "C" NOT NULL REFERENCES datasets (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, dataset_id)
);

CREATE TABLE incident_dsas (
  incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  position BIGINT NOT NULL CHECK (position >= 0),
  dsa_id TEXT COLLATE "C" NOT NULL REFERENCES dsas (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, dsa_id)
);

CREATE TABLE incident_holdings (
  incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  position BIGINT NOT NULL CHECK (position >= 0),
  holding_id TEXT COLLATE "C" NOT NULL REFERENCES holdings (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, holding_id)
);

CREATE TABLE incident_locations (
  incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  position BIGINT NOT NULL CHECK (position >= 0),
  location_id TEXT COLLATE "C" NOT NULL REFERENCES locations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, location_id)
);

CREATE TABLE incident_notifications (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  recipient TEXT COLLATE "C" CHECK (recipient IS NULL OR recipient IN ('ico', 'dars', 'dhsc', 'individuals', 'other')) NOT NULL,
  recipient_detail TEXT COLLATE "C",
  sent_at TEXT COLLATE "C" CHECK (sent_at IS NULL OR sent_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$'),
  sent_zone TEXT COLLATE "C" CHECK (sent_zone IS NULL OR sent_zone <> ''),
  channel TEXT COLLATE "C" CHECK (channel IS NULL OR channel IN ('dspt-incident-tool', 'email', 'phone', 'letter', 'web-form', 'in-person', 'other')) NOT NULL,
  reference TEXT COLLATE "C",
  acknowledged_at TEXT COLLATE "C" CHECK (acknowledged_at IS NULL OR acknowledged_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.*Z$'),
  acknowledged_zone TEXT COLLATE "C" CHECK (acknowledged_zone IS NULL OR acknowledged_zone <> ''),
  acknowledgement_reference TEXT COLLATE "C",
  late_reason TEXT COLLATE "C",
  note TEXT COLLATE "C", kind TEXT COLLATE "C" NOT NULL DEFAULT 'initial' CHECK (kind IN ('initial', 'follow-up')),
  CHECK ((sent_at IS NULL) = (sent_zone IS NULL)),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_zone IS NULL)),
  CHECK (sent_at IS NOT NULL),
  CHECK (recipient <> 'other' OR coalesce(recipient_detail, '') <> '')
);

CREATE TABLE incident_settings (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  key TEXT COLLATE "C" PRIMARY KEY NOT NULL,
  value TEXT COLLATE "C" NOT NULL CHECK (json_valid(value))
);

CREATE TABLE obligations (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  kind TEXT COLLATE "C" CHECK (kind IS NULL OR kind IN ('special-condition', 'renewal', 'annual-confirmation', 'improvement-plan', 'other')) NOT NULL,
  version_id TEXT COLLATE "C" REFERENCES dsa_versions (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  organisation_id TEXT COLLATE "C" REFERENCES organisations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  text TEXT COLLATE "C" NOT NULL CHECK (text <> ''),
  due_date TEXT COLLATE "C" CHECK (due_date IS NULL OR due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  recurrence TEXT COLLATE "C" CHECK (recurrence IS NULL OR recurrence IN ('none', 'monthly', 'quarterly', 'annually')) NOT NULL,
  owner TEXT COLLATE "C",
  evidence TEXT COLLATE "C",
  status TEXT COLLATE "C" CHECK (status IS NULL OR status IN ('open', 'in-progress', 'met', 'waived')) NOT NULL
);

CREATE TABLE settings (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  key   TEXT COLLATE "C" PRIMARY KEY NOT NULL,
        value TEXT COLLATE "C" NOT NULL
      );

CREATE TABLE version_parties (
  version_id TEXT COLLATE "C" NOT NULL REFERENCES dsa_versions (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE,
  position BIGINT NOT NULL CHECK (position >= 0),
  organisation_id TEXT COLLATE "C" REFERENCES organisations (id) ON DELETE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT NULL,
  role TEXT COLLATE "C" CHECK (role IS NULL OR role IN ('controller', 'processor')) NOT NULL,
  controller_type TEXT COLLATE "C" CHECK (controller_type IS NULL OR controller_type IN ('sole', 'joint')),
  PRIMARY KEY (version_id, position),
  UNIQUE (version_id, organisation_id, role)
);

CREATE INDEX approved_locations_by_location ON approved_locations (location_id);

CREATE INDEX approved_locations_by_version ON approved_locations (version_id);

CREATE INDEX assurance_locations_by_location ON assurance_locations (location_id);

CREATE INDEX assurances_by_organisation ON assurances (organisation_id);

CREATE INDEX audit_log_by_record_id ON audit_log (record_id);

CREATE INDEX certificate_holdings_by_holding ON certificate_holdings (holding_id);

CREATE INDEX certificates_by_version ON certificates (version_id);

CREATE INDEX copies_by_holding ON copies (holding_id);

CREATE INDEX copies_by_location ON copies (location_id);

CREATE INDEX datasets_by_version ON datasets (version_id);

CREATE INDEX destruction_evidence_by_record ON destruction_evidence (destruction_id);

CREATE INDEX destruction_records_by_copy ON destruction_records (copy_id);

CREATE INDEX disclosure_releases_by_holding ON disclosure_releases (holding_id, id);

CREATE INDEX dsa_versions_by_dsfc ON dsa_versions (dsfc_id);

CREATE INDEX dsa_versions_by_end_date ON dsa_versions (end_date);

CREATE INDEX dsa_versions_by_predecessor ON dsa_versions (predecessor_version_id);

CREATE INDEX dsfcs_by_controller ON dsfcs (controller_organisation_id);

CREATE INDEX holdings_by_dataset ON holdings (dataset_id);

CREATE INDEX holdings_by_version ON holdings (version_id);

CREATE INDEX incident_actions_by_incident ON incident_actions (incident_id);

CREATE INDEX incident_copies_by_target ON incident_copies (copy_id);

CREATE INDEX incident_datasets_by_target ON incident_datasets (dataset_id);

CREATE INDEX incident_dsas_by_target ON incident_dsas (dsa_id);

CREATE INDEX incident_holdings_by_target ON incident_holdings (holding_id);

CREATE INDEX incident_locations_by_target ON incident_locations (location_id);

CREATE INDEX incident_notifications_by_incident ON incident_notifications (incident_id, sent_at);

CREATE UNIQUE INDEX incident_notifications_one_initial ON incident_notifications (incident_id, recipient, (CASE WHEN recipient = 'other' THEN lower(trim(coalesce(recipient_detail, ''))) ELSE '' END)) WHERE kind = 'initial';

CREATE INDEX incidents_by_became_aware ON incidents (became_aware_at);

CREATE INDEX incidents_by_status ON incidents (status);

CREATE INDEX locations_by_host ON locations (hosted_by_organisation_id) WHERE hosted_by_organisation_id IS NOT NULL;

CREATE INDEX locations_by_operator ON locations (operator_organisation_id);

CREATE INDEX obligations_by_due_date ON obligations (due_date);

CREATE INDEX obligations_by_organisation ON obligations (organisation_id);

CREATE INDEX obligations_by_version ON obligations (version_id);

CREATE INDEX organisations_by_name ON organisations (legal_name COLLATE custodian_nocase);

CREATE INDEX organisations_by_predecessor ON organisations (predecessor_id);

CREATE INDEX version_parties_by_organisation ON version_parties (organisation_id);


CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

CREATE FUNCTION destruction_records_key_handling() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.cryptographic_erase = 1 AND NEW.key_handling IS NULL THEN
    RAISE EXCEPTION 'a cryptographic erase must record how its key was handled' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER destruction_records_key_handling BEFORE INSERT ON destruction_records
  FOR EACH ROW EXECUTE FUNCTION destruction_records_key_handling();
`,
};
