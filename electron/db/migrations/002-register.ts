import type { Migration } from './migration';

/**
 * The register's records (shared/register/records.ts) and the tamper-evident audit log.
 *
 * Choices, so that a reviewer need not guess:
 * - Every table is STRICT, ids are TEXT (crypto.randomUUID() for records made in the app, any
 *   1–64 characters for imported ones), and `archived` is 0/1: records are archived, never deleted.
 * - Foreign keys are ON DELETE RESTRICT everywhere: nothing in Custodian deletes a record, and a
 *   hand-made DELETE must not silently take history with it.
 * - Lists that point at other records (a version's parties, the locations an assurance covers, the
 *   holdings a certificate covers) are child tables with a `position`, so SQLite enforces each
 *   reference, "which versions is this organisation party to" is an indexed lookup, and the order
 *   the user gave survives a round trip. A list of plain words (an organisation's roles) is a JSON
 *   array in one column: nothing refers to it and nothing searches inside it.
 * - Nested values are flattened into columns: a version's lawful bases, and its destruction rule
 *   (`destruction_rule` names the variant; a CHECK makes sure exactly that variant's value is set).
 * - CHECK constraints repeat what zod already checks and is cheap for SQLite: booleans, dates shaped
 *   YYYY-MM-DD, non-empty required text, and Custodian's own vocabularies. Vocabularies copied from
 *   NHS England's publications (type of data, sensitivity, frequency, opt-outs, DSPT statuses) are
 *   left to zod, because SQLite can only widen a CHECK by rebuilding the table and NHS England adds
 *   values. No CHECK here is stricter than the zod schema, so anything zod accepts can be stored.
 * - Indexes cover each foreign key and the lookups the lists and findings make: copies by holding
 *   and by location, holdings by version and dataset, versions by DSA (the unique (dsa, version)),
 *   the unique NIC reference, DSFC reference and certificate number.
 * - The audit log refuses UPDATE and DELETE by trigger (a mistake in code cannot rewrite history),
 *   and `audit_head` remembers the last entry so that deleting the newest entries is detected too.
 */
const date = (column: string) =>
  `${column} TEXT CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
const requiredDate = (column: string) => `${date(column)} NOT NULL`;
const flag = (column: string) => `${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`;
const requiredText = (column: string) => `${column} TEXT NOT NULL CHECK (${column} <> '')`;
const oneOf = (column: string, values: readonly string[]) =>
  `${column} TEXT CHECK (${column} IS NULL OR ${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;
const reference = (column: string, table: string) => `${column} TEXT REFERENCES ${table} (id) ON DELETE RESTRICT`;
const recordKey = `id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  ${flag('archived')}`;

// The vocabularies as they were when this migration was written; never import them here, because a
// later change to the TypeScript lists must come with its own migration.
const locationKinds = [
  'on-premises-server',
  'cloud-region',
  'trusted-research-environment',
  'backup',
  'disaster-recovery',
  'end-user-device',
  'paper-store',
];

const schema = `
CREATE TABLE organisations (
  ${recordKey},
  ${requiredText('legal_name')},
  ods_code TEXT,
  roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
  ico_registration_number TEXT,
  ${date('ico_renewal_date')},
  ${reference('predecessor_id', 'organisations')},
  CHECK (predecessor_id <> id)
) STRICT;
CREATE INDEX organisations_by_name ON organisations (legal_name COLLATE NOCASE);
CREATE INDEX organisations_by_predecessor ON organisations (predecessor_id);

CREATE TABLE locations (
  ${recordKey},
  ${requiredText('name')},
  ${reference('operator_organisation_id', 'organisations')} NOT NULL,
  ${oneOf('kind', locationKinds)} NOT NULL,
  address TEXT,
  cloud_provider TEXT,
  cloud_region TEXT,
  ${requiredText('country')}
) STRICT;
CREATE INDEX locations_by_operator ON locations (operator_organisation_id);

CREATE TABLE assurances (
  ${recordKey},
  ${reference('organisation_id', 'organisations')} NOT NULL,
  ${oneOf('kind', ['DSPT', 'ISO27001'])} NOT NULL,
  dspt_year TEXT,
  dspt_status TEXT,
  ${flag('improvement_plan_agreed')},
  certificate_number TEXT,
  scope TEXT,
  ${date('published_date')},
  ${requiredDate('expiry_date')},
  CHECK (kind <> 'DSPT' OR dspt_status IS NOT NULL),
  CHECK (kind <> 'ISO27001' OR certificate_number IS NOT NULL)
) STRICT;
CREATE INDEX assurances_by_organisation ON assurances (organisation_id);

CREATE TABLE assurance_locations (
  assurance_id TEXT NOT NULL REFERENCES assurances (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  ${reference('location_id', 'locations')} NOT NULL,
  PRIMARY KEY (assurance_id, position),
  UNIQUE (assurance_id, location_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX assurance_locations_by_location ON assurance_locations (location_id);

CREATE TABLE dsfcs (
  ${recordKey},
  reference TEXT NOT NULL UNIQUE CHECK (reference <> ''),
  ${reference('controller_organisation_id', 'organisations')} NOT NULL,
  ${requiredDate('signed_date')}
) STRICT;
CREATE INDEX dsfcs_by_controller ON dsfcs (controller_organisation_id);

CREATE TABLE dsas (
  ${recordKey},
  nic_reference TEXT NOT NULL UNIQUE CHECK (nic_reference <> ''),
  title TEXT
) STRICT;

CREATE TABLE dsa_versions (
  ${recordKey},
  ${reference('dsa_id', 'dsas')} NOT NULL,
  ${requiredText('version')},
  ${oneOf('status', ['draft', 'active', 'superseded', 'expired', 'terminated'])} NOT NULL,
  ${requiredDate('start_date')},
  ${requiredDate('end_date')},
  ${date('signed_date')},
  ${reference('predecessor_version_id', 'dsa_versions')},
  ${oneOf('territory', ['England', 'England and Wales', 'UK', 'UK and EEA'])} NOT NULL,
  ${flag('commercial')},
  ${flag('sublicensing')},
  objective TEXT,
  processing_activities TEXT,
  expected_outputs TEXT,
  expected_benefits TEXT,
  article6 TEXT,
  article9 TEXT,
  common_law_basis TEXT,
  s251_reference TEXT,
  ${date('s251_expiry')},
  ethics_reference TEXT,
  ${oneOf('destruction_rule', ['days-after-end', 'fixed-date', 'rolling'])} NOT NULL,
  destruction_days INTEGER CHECK (destruction_days >= 0),
  ${date('destruction_date')},
  destruction_weeks INTEGER CHECK (destruction_weeks >= 0),
  ${reference('dsfc_id', 'dsfcs')},
  UNIQUE (dsa_id, version),
  CHECK (end_date >= start_date),
  CHECK (predecessor_version_id <> id),
  CHECK (CASE destruction_rule
    WHEN 'days-after-end' THEN destruction_days IS NOT NULL AND destruction_date IS NULL AND destruction_weeks IS NULL
    WHEN 'fixed-date' THEN destruction_date IS NOT NULL AND destruction_days IS NULL AND destruction_weeks IS NULL
    ELSE destruction_weeks IS NOT NULL AND destruction_days IS NULL AND destruction_date IS NULL
  END)
) STRICT;
CREATE INDEX dsa_versions_by_predecessor ON dsa_versions (predecessor_version_id);
CREATE INDEX dsa_versions_by_dsfc ON dsa_versions (dsfc_id);
CREATE INDEX dsa_versions_by_end_date ON dsa_versions (end_date);

CREATE TABLE version_parties (
  version_id TEXT NOT NULL REFERENCES dsa_versions (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  ${reference('organisation_id', 'organisations')} NOT NULL,
  ${oneOf('role', ['controller', 'processor'])} NOT NULL,
  ${oneOf('controller_type', ['sole', 'joint'])},
  PRIMARY KEY (version_id, position),
  UNIQUE (version_id, organisation_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX version_parties_by_organisation ON version_parties (organisation_id);

CREATE TABLE datasets (
  ${recordKey},
  ${reference('version_id', 'dsa_versions')} NOT NULL,
  ${requiredText('name')},
  type_of_data TEXT,
  sensitivity TEXT,
  frequency TEXT,
  legal_basis_for_provision TEXT,
  opt_outs_applied TEXT,
  ${date('period_from')},
  ${date('period_to')},
  disclosure_profile_id TEXT
) STRICT;
CREATE INDEX datasets_by_version ON datasets (version_id);

CREATE TABLE approved_locations (
  ${recordKey},
  ${reference('version_id', 'dsa_versions')} NOT NULL,
  ${reference('location_id', 'locations')} NOT NULL,
  ${oneOf('role', ['storage', 'processing', 'backup', 'remote-access'])} NOT NULL,
  ${date('approved_from')},
  ${date('approved_to')}
) STRICT;
CREATE INDEX approved_locations_by_version ON approved_locations (version_id);
CREATE INDEX approved_locations_by_location ON approved_locations (location_id);

CREATE TABLE holdings (
  ${recordKey},
  ${reference('version_id', 'dsa_versions')} NOT NULL,
  ${reference('dataset_id', 'datasets')} NOT NULL,
  ${requiredText('dars_file_reference')},
  ${date('period_from')},
  ${date('period_to')},
  ${requiredDate('received_date')},
  record_count INTEGER CHECK (record_count >= 0),
  checksum TEXT,
  data_year TEXT
) STRICT;
CREATE INDEX holdings_by_version ON holdings (version_id);
CREATE INDEX holdings_by_dataset ON holdings (dataset_id);

CREATE TABLE copies (
  ${recordKey},
  ${reference('holding_id', 'holdings')} NOT NULL,
  ${reference('location_id', 'locations')} NOT NULL,
  ${oneOf('kind', ['primary', 'backup', 'derived', 'processor-copy'])} NOT NULL,
  path_or_description TEXT,
  ${requiredDate('created_date')},
  ${date('destroyed_date')}
) STRICT;
CREATE INDEX copies_by_holding ON copies (holding_id);
CREATE INDEX copies_by_location ON copies (location_id);

CREATE TABLE obligations (
  ${recordKey},
  ${oneOf('kind', ['special-condition', 'renewal', 'annual-confirmation', 'improvement-plan', 'other'])} NOT NULL,
  ${reference('version_id', 'dsa_versions')},
  ${reference('organisation_id', 'organisations')},
  ${requiredText('text')},
  ${date('due_date')},
  ${oneOf('recurrence', ['none', 'monthly', 'quarterly', 'annually'])} NOT NULL,
  owner TEXT,
  evidence TEXT,
  ${oneOf('status', ['open', 'in-progress', 'met', 'waived'])} NOT NULL
) STRICT;
CREATE INDEX obligations_by_version ON obligations (version_id);
CREATE INDEX obligations_by_organisation ON obligations (organisation_id);
CREATE INDEX obligations_by_due_date ON obligations (due_date);

CREATE TABLE certificates (
  ${recordKey},
  number TEXT NOT NULL UNIQUE CHECK (number <> ''),
  ${reference('version_id', 'dsa_versions')} NOT NULL,
  ${requiredDate('issued_date')},
  ${oneOf('status', ['issued', 'sent', 'acknowledged'])} NOT NULL,
  ${date('sent_date')},
  ${date('acknowledged_date')},
  acknowledgement_reference TEXT
) STRICT;
CREATE INDEX certificates_by_version ON certificates (version_id);

CREATE TABLE certificate_holdings (
  certificate_id TEXT NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  ${reference('holding_id', 'holdings')} NOT NULL,
  PRIMARY KEY (certificate_id, position),
  UNIQUE (certificate_id, holding_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX certificate_holdings_by_holding ON certificate_holdings (holding_id);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  display_name TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action <> ''),
  record_kind TEXT,
  record_id TEXT,
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  detail_json TEXT CHECK (detail_json IS NULL OR json_valid(detail_json)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
-- One index: "the history of this record" is the lookup that must be fast; ids are unique across
-- kinds in practice, and a second index on (kind, id) doubled the cost of writing each entry.
CREATE INDEX audit_log_by_record_id ON audit_log (record_id);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
  last_hash TEXT NOT NULL
) STRICT;
`;

export const migration002Register: Migration = {
  version: 2,
  name: 'register',
  up(db) {
    db.exec(schema);
  },
};
