-- schema version 3
CREATE INDEX absence_checks_by_copy ON absence_checks (copy_id);

CREATE INDEX approved_locations_by_location ON approved_locations (location_id);

CREATE INDEX approved_locations_by_version ON approved_locations (version_id);

CREATE INDEX assurance_locations_by_location ON assurance_locations (location_id);

CREATE INDEX assurances_by_organisation ON assurances (organisation_id);

CREATE INDEX audit_log_by_record ON audit_log (record_kind, record_id);

CREATE INDEX audit_log_by_record_id ON audit_log (record_id);

CREATE INDEX certificate_holdings_by_holding ON certificate_holdings (holding_id);

CREATE INDEX certificates_by_version ON certificates (version_id);

CREATE INDEX copies_by_holding ON copies (holding_id);

CREATE INDEX copies_by_location ON copies (location_id);

CREATE INDEX datasets_by_version ON datasets (version_id);

CREATE INDEX destruction_evidence_by_record ON destruction_evidence (destruction_id);

CREATE INDEX destruction_records_by_copy ON destruction_records (copy_id);

CREATE INDEX dsa_versions_by_dsfc ON dsa_versions (dsfc_id);

CREATE INDEX dsa_versions_by_end_date ON dsa_versions (end_date);

CREATE INDEX dsa_versions_by_predecessor ON dsa_versions (predecessor_version_id);

CREATE INDEX dsfcs_by_controller ON dsfcs (controller_organisation_id);

CREATE INDEX holdings_by_dataset ON holdings (dataset_id);

CREATE INDEX holdings_by_version ON holdings (version_id);

CREATE INDEX locations_by_operator ON locations (operator_organisation_id);

CREATE INDEX obligations_by_due_date ON obligations (due_date);

CREATE INDEX obligations_by_organisation ON obligations (organisation_id);

CREATE INDEX obligations_by_version ON obligations (version_id);

CREATE INDEX organisations_by_name ON organisations (legal_name COLLATE NOCASE);

CREATE INDEX organisations_by_predecessor ON organisations (predecessor_id);

CREATE INDEX version_parties_by_organisation ON version_parties (organisation_id);

CREATE TABLE absence_checks (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  copy_id TEXT NOT NULL REFERENCES copies (id) ON DELETE RESTRICT,
  path_checked TEXT NOT NULL CHECK (path_checked <> ''),
  checked_at TEXT NOT NULL CHECK (checked_at <> ''),
  result TEXT NOT NULL CHECK (result IN ('absent', 'present', 'unreadable')),
  detail TEXT NOT NULL CHECK (detail <> ''),
  checked_by TEXT NOT NULL CHECK (checked_by <> '')
) STRICT;

CREATE TABLE approved_locations (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version_id TEXT REFERENCES dsa_versions (id) ON DELETE RESTRICT NOT NULL,
  location_id TEXT REFERENCES locations (id) ON DELETE RESTRICT NOT NULL,
  role TEXT CHECK (role IS NULL OR role IN ('storage', 'processing', 'backup', 'remote-access')) NOT NULL,
  approved_from TEXT CHECK (approved_from IS NULL OR approved_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  approved_to TEXT CHECK (approved_to IS NULL OR approved_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

CREATE TABLE assurance_locations (
  assurance_id TEXT NOT NULL REFERENCES assurances (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  location_id TEXT REFERENCES locations (id) ON DELETE RESTRICT NOT NULL,
  PRIMARY KEY (assurance_id, position),
  UNIQUE (assurance_id, location_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE assurances (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  organisation_id TEXT REFERENCES organisations (id) ON DELETE RESTRICT NOT NULL,
  kind TEXT CHECK (kind IS NULL OR kind IN ('DSPT', 'ISO27001')) NOT NULL,
  dspt_year TEXT,
  dspt_status TEXT,
  improvement_plan_agreed INTEGER NOT NULL DEFAULT 0 CHECK (improvement_plan_agreed IN (0, 1)),
  certificate_number TEXT,
  scope TEXT,
  published_date TEXT CHECK (published_date IS NULL OR published_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  expiry_date TEXT CHECK (expiry_date IS NULL OR expiry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,
  CHECK (kind <> 'DSPT' OR dspt_status IS NOT NULL),
  CHECK (kind <> 'ISO27001' OR certificate_number IS NOT NULL)
) STRICT;

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
  last_hash TEXT NOT NULL
) STRICT;

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

CREATE TABLE certificate_contents (
  certificate_id TEXT PRIMARY KEY NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT,
  canonical_json TEXT NOT NULL CHECK (json_valid(canonical_json)),
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
  pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*'),
  issued_at TEXT NOT NULL CHECK (issued_at <> ''),
  UNIQUE (content_hash)
) STRICT;

CREATE TABLE certificate_holdings (
  certificate_id TEXT NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  holding_id TEXT REFERENCES holdings (id) ON DELETE RESTRICT NOT NULL,
  PRIMARY KEY (certificate_id, position),
  UNIQUE (certificate_id, holding_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE certificates (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  number TEXT NOT NULL UNIQUE CHECK (number <> ''),
  version_id TEXT REFERENCES dsa_versions (id) ON DELETE RESTRICT NOT NULL,
  issued_date TEXT CHECK (issued_date IS NULL OR issued_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,
  status TEXT CHECK (status IS NULL OR status IN ('issued', 'sent', 'acknowledged')) NOT NULL,
  sent_date TEXT CHECK (sent_date IS NULL OR sent_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  acknowledged_date TEXT CHECK (acknowledged_date IS NULL OR acknowledged_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  acknowledgement_reference TEXT
) STRICT;

CREATE TABLE copies (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  holding_id TEXT REFERENCES holdings (id) ON DELETE RESTRICT NOT NULL,
  location_id TEXT REFERENCES locations (id) ON DELETE RESTRICT NOT NULL,
  kind TEXT CHECK (kind IS NULL OR kind IN ('primary', 'backup', 'derived', 'processor-copy')) NOT NULL,
  path_or_description TEXT,
  created_date TEXT CHECK (created_date IS NULL OR created_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,
  destroyed_date TEXT CHECK (destroyed_date IS NULL OR destroyed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

CREATE TABLE datasets (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version_id TEXT REFERENCES dsa_versions (id) ON DELETE RESTRICT NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  type_of_data TEXT,
  sensitivity TEXT,
  frequency TEXT,
  legal_basis_for_provision TEXT,
  opt_outs_applied TEXT,
  period_from TEXT CHECK (period_from IS NULL OR period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  period_to TEXT CHECK (period_to IS NULL OR period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  disclosure_profile_id TEXT
) STRICT;

CREATE TABLE destruction_evidence (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  destruction_id TEXT NOT NULL REFERENCES destruction_records (id) ON DELETE RESTRICT,
  stored_path TEXT NOT NULL CHECK (stored_path <> ''),
  original_name TEXT NOT NULL CHECK (original_name <> ''),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  attached_at TEXT NOT NULL CHECK (attached_at <> '')
) STRICT;

CREATE TABLE destruction_notices (
  key TEXT PRIMARY KEY NOT NULL,
  holding_id TEXT NOT NULL REFERENCES holdings (id) ON DELETE RESTRICT,
  deadline TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,
  days_before INTEGER NOT NULL CHECK (days_before >= 0),
  shown_at TEXT NOT NULL CHECK (shown_at <> '')
) STRICT;

CREATE TABLE destruction_records (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  copy_id TEXT NOT NULL REFERENCES copies (id) ON DELETE RESTRICT,
  method_type TEXT NOT NULL CHECK (method_type IN ('Clear', 'Purge', 'Destroy')),
  method TEXT NOT NULL CHECK (method <> ''),
  tool TEXT,
  tool_version TEXT,
  performed_at TEXT NOT NULL CHECK (performed_at <> ''),
  operator TEXT NOT NULL CHECK (operator <> ''),
  verification_method TEXT NOT NULL CHECK (verification_method <> ''),
  verification_result TEXT NOT NULL CHECK (verification_result <> ''),
  outcome TEXT NOT NULL CHECK (outcome IN ('destroyed', 'destroyed-with-exceptions', 'not-destroyed')),
  exception_reason TEXT,
  exception_end_date TEXT CHECK (exception_end_date IS NULL OR exception_end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  notes TEXT,
  recorded_at TEXT NOT NULL CHECK (recorded_at <> ''),
  recorded_by TEXT NOT NULL CHECK (recorded_by <> ''),
  CHECK (outcome <> 'destroyed-with-exceptions' OR (exception_reason IS NOT NULL AND exception_end_date IS NOT NULL))
) STRICT;

CREATE TABLE dsa_versions (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  dsa_id TEXT REFERENCES dsas (id) ON DELETE RESTRICT NOT NULL,
  version TEXT NOT NULL CHECK (version <> ''),
  status TEXT CHECK (status IS NULL OR status IN ('draft', 'active', 'superseded', 'expired', 'terminated')) NOT NULL,
  start_date TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,
  end_date TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,
  signed_date TEXT CHECK (signed_date IS NULL OR signed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  predecessor_version_id TEXT REFERENCES dsa_versions (id) ON DELETE RESTRICT,
  territory TEXT CHECK (territory IS NULL OR territory IN ('England', 'England and Wales', 'UK', 'UK and EEA')) NOT NULL,
  commercial INTEGER NOT NULL DEFAULT 0 CHECK (commercial IN (0, 1)),
  sublicensing INTEGER NOT NULL DEFAULT 0 CHECK (sublicensing IN (0, 1)),
  objective TEXT,
  processing_activities TEXT,
  expected_outputs TEXT,
  expected_benefits TEXT,
  article6 TEXT,
  article9 TEXT,
  common_law_basis TEXT,
  s251_reference TEXT,
  s251_expiry TEXT CHECK (s251_expiry IS NULL OR s251_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  ethics_reference TEXT,
  destruction_rule TEXT CHECK (destruction_rule IS NULL OR destruction_rule IN ('days-after-end', 'fixed-date', 'rolling')) NOT NULL,
  destruction_days INTEGER CHECK (destruction_days >= 0),
  destruction_date TEXT CHECK (destruction_date IS NULL OR destruction_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  destruction_weeks INTEGER CHECK (destruction_weeks >= 0),
  dsfc_id TEXT REFERENCES dsfcs (id) ON DELETE RESTRICT,
  UNIQUE (dsa_id, version),
  CHECK (end_date >= start_date),
  CHECK (predecessor_version_id <> id),
  CHECK (CASE destruction_rule
    WHEN 'days-after-end' THEN destruction_days IS NOT NULL AND destruction_date IS NULL AND destruction_weeks IS NULL
    WHEN 'fixed-date' THEN destruction_date IS NOT NULL AND destruction_days IS NULL AND destruction_weeks IS NULL
    ELSE destruction_weeks IS NOT NULL AND destruction_days IS NULL AND destruction_date IS NULL
  END)
) STRICT;

CREATE TABLE dsas (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  nic_reference TEXT NOT NULL UNIQUE CHECK (nic_reference <> ''),
  title TEXT
) STRICT;

CREATE TABLE dsfcs (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  reference TEXT NOT NULL UNIQUE CHECK (reference <> ''),
  controller_organisation_id TEXT REFERENCES organisations (id) ON DELETE RESTRICT NOT NULL,
  signed_date TEXT CHECK (signed_date IS NULL OR signed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL
) STRICT;

CREATE TABLE holdings (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version_id TEXT REFERENCES dsa_versions (id) ON DELETE RESTRICT NOT NULL,
  dataset_id TEXT REFERENCES datasets (id) ON DELETE RESTRICT NOT NULL,
  dars_file_reference TEXT NOT NULL CHECK (dars_file_reference <> ''),
  period_from TEXT CHECK (period_from IS NULL OR period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  period_to TEXT CHECK (period_to IS NULL OR period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  received_date TEXT CHECK (received_date IS NULL OR received_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,
  record_count INTEGER CHECK (record_count >= 0),
  checksum TEXT,
  data_year TEXT
) STRICT;

CREATE TABLE locations (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  name TEXT NOT NULL CHECK (name <> ''),
  operator_organisation_id TEXT REFERENCES organisations (id) ON DELETE RESTRICT NOT NULL,
  kind TEXT CHECK (kind IS NULL OR kind IN ('on-premises-server', 'cloud-region', 'trusted-research-environment', 'backup', 'disaster-recovery', 'end-user-device', 'paper-store')) NOT NULL,
  address TEXT,
  cloud_provider TEXT,
  cloud_region TEXT,
  country TEXT NOT NULL CHECK (country <> '')
) STRICT;

CREATE TABLE obligations (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  kind TEXT CHECK (kind IS NULL OR kind IN ('special-condition', 'renewal', 'annual-confirmation', 'improvement-plan', 'other')) NOT NULL,
  version_id TEXT REFERENCES dsa_versions (id) ON DELETE RESTRICT,
  organisation_id TEXT REFERENCES organisations (id) ON DELETE RESTRICT,
  text TEXT NOT NULL CHECK (text <> ''),
  due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recurrence TEXT CHECK (recurrence IS NULL OR recurrence IN ('none', 'monthly', 'quarterly', 'annually')) NOT NULL,
  owner TEXT,
  evidence TEXT,
  status TEXT CHECK (status IS NULL OR status IN ('open', 'in-progress', 'met', 'waived')) NOT NULL
) STRICT;

CREATE TABLE organisations (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  legal_name TEXT NOT NULL CHECK (legal_name <> ''),
  ods_code TEXT,
  roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
  ico_registration_number TEXT,
  ico_renewal_date TEXT CHECK (ico_renewal_date IS NULL OR ico_renewal_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  predecessor_id TEXT REFERENCES organisations (id) ON DELETE RESTRICT,
  CHECK (predecessor_id <> id)
) STRICT;

CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

CREATE TABLE version_parties (
  version_id TEXT NOT NULL REFERENCES dsa_versions (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  organisation_id TEXT REFERENCES organisations (id) ON DELETE RESTRICT NOT NULL,
  role TEXT CHECK (role IS NULL OR role IN ('controller', 'processor')) NOT NULL,
  controller_type TEXT CHECK (controller_type IS NULL OR controller_type IN ('sole', 'joint')),
  PRIMARY KEY (version_id, position),
  UNIQUE (version_id, organisation_id, role)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
