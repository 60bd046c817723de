-- schema version 10
CREATE INDEX absence_checks_by_copy ON absence_checks (copy_id);

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

CREATE UNIQUE INDEX incident_notifications_one_initial ON incident_notifications (incident_id, recipient, CASE WHEN recipient = 'other' THEN lower(trim(coalesce(recipient_detail, ''))) ELSE '' END) WHERE kind = 'initial';

CREATE INDEX incidents_by_became_aware ON incidents (became_aware_at);

CREATE INDEX incidents_by_status ON incidents (status);

CREATE INDEX locations_by_host ON locations (hosted_by_organisation_id) WHERE hosted_by_organisation_id IS NOT NULL;

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
  expiry_date TEXT CHECK (expiry_date IS NULL OR expiry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL, improvement_plan_date TEXT
  CHECK (improvement_plan_date IS NULL OR improvement_plan_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
  CHECK (dspt_status IS NOT 'Not Met - Improvement Plan Approved' OR improvement_plan_date IS NOT NULL),
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
  recorded_by TEXT NOT NULL CHECK (recorded_by <> ''), sanitisation_standard TEXT, cryptographic_erase INTEGER NOT NULL DEFAULT 0 CHECK (cryptographic_erase IN (0, 1)), key_handling TEXT CHECK (key_handling IS NULL OR key_handling <> ''), validation_method TEXT, validation_result TEXT CHECK ((validation_method IS NULL) = (validation_result IS NULL)),
  CHECK (outcome <> 'destroyed-with-exceptions' OR (exception_reason IS NOT NULL AND exception_end_date IS NOT NULL))
) STRICT;

CREATE TABLE disclosure_releases (
  id INTEGER PRIMARY KEY,
  holding_id TEXT NOT NULL REFERENCES holdings(id) ON DELETE RESTRICT,
  audit_seq INTEGER NOT NULL UNIQUE REFERENCES audit_log(seq) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  output_sha256 TEXT NOT NULL CHECK (length(output_sha256) = 64),
  release_json TEXT NOT NULL CHECK (json_valid(release_json))
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
  dsfc_id TEXT REFERENCES dsfcs (id) ON DELETE RESTRICT, archiving_for_research INTEGER NOT NULL DEFAULT 0 CHECK (archiving_for_research IN (0, 1)), destruction_rule_is_default INTEGER NOT NULL DEFAULT 0 CHECK (destruction_rule_is_default IN (0, 1)),
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

CREATE TABLE finding_statuses (
  finding_id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('acknowledged', 'risk-accepted')),
  fingerprint TEXT NOT NULL,
  owner TEXT,
  target_date TEXT,
  reason TEXT,
  review_date TEXT,
  accepted_by TEXT,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL,
  CHECK (state <> 'acknowledged' OR (owner IS NOT NULL AND target_date IS NOT NULL)),
  CHECK (state <> 'risk-accepted' OR (reason IS NOT NULL AND review_date IS NOT NULL AND accepted_by IS NOT NULL))
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

CREATE TABLE incident_actions (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  kind TEXT CHECK (kind IS NULL OR kind IN ('containment', 'remediation')) NOT NULL,
  description TEXT NOT NULL CHECK (description <> ''),
  owner TEXT NOT NULL CHECK (owner <> ''),
  due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status TEXT CHECK (status IS NULL OR status IN ('open', 'in-progress', 'done', 'cancelled')) NOT NULL,
  completed_date TEXT CHECK (completed_date IS NULL OR completed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  CHECK (status <> 'done' OR completed_date IS NOT NULL)
) STRICT;

CREATE TABLE incident_copies (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  copy_id TEXT NOT NULL REFERENCES copies (id) ON DELETE RESTRICT,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, copy_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE incident_datasets (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE RESTRICT,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, dataset_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE incident_dsas (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  dsa_id TEXT NOT NULL REFERENCES dsas (id) ON DELETE RESTRICT,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, dsa_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE incident_holdings (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  holding_id TEXT NOT NULL REFERENCES holdings (id) ON DELETE RESTRICT,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, holding_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE incident_locations (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  location_id TEXT NOT NULL REFERENCES locations (id) ON DELETE RESTRICT,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, location_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE incident_notifications (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  recipient TEXT CHECK (recipient IS NULL OR recipient IN ('ico', 'dars', 'dhsc', 'individuals', 'other')) NOT NULL,
  recipient_detail TEXT,
  sent_at TEXT CHECK (sent_at IS NULL OR sent_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  sent_zone TEXT CHECK (sent_zone IS NULL OR sent_zone <> ''),
  channel TEXT CHECK (channel IS NULL OR channel IN ('dspt-incident-tool', 'email', 'phone', 'letter', 'web-form', 'in-person', 'other')) NOT NULL,
  reference TEXT,
  acknowledged_at TEXT CHECK (acknowledged_at IS NULL OR acknowledged_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  acknowledged_zone TEXT CHECK (acknowledged_zone IS NULL OR acknowledged_zone <> ''),
  acknowledgement_reference TEXT,
  late_reason TEXT,
  note TEXT, kind TEXT NOT NULL DEFAULT 'initial' CHECK (kind IN ('initial', 'follow-up')),
  CHECK ((sent_at IS NULL) = (sent_zone IS NULL)),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_zone IS NULL)),
  CHECK (sent_at IS NOT NULL),
  CHECK (recipient <> 'other' OR coalesce(recipient_detail, '') <> '')
) STRICT;

CREATE TABLE incident_settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE incidents (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  reference TEXT NOT NULL UNIQUE CHECK (reference <> ''),
  title TEXT NOT NULL CHECK (title <> ''),
  description TEXT NOT NULL CHECK (description <> ''),
  type TEXT CHECK (type IS NULL OR type IN ('unauthorised-disclosure', 'loss-or-theft', 'undeclared-location', 'unauthorised-alteration-or-deletion', 'cyber-attack', 'human-error', 'other')) NOT NULL,
  occurred_at TEXT CHECK (occurred_at IS NULL OR occurred_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  occurred_zone TEXT CHECK (occurred_zone IS NULL OR occurred_zone <> ''),
  discovered_at TEXT CHECK (discovered_at IS NULL OR discovered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  discovered_zone TEXT CHECK (discovered_zone IS NULL OR discovered_zone <> ''),
  became_aware_at TEXT CHECK (became_aware_at IS NULL OR became_aware_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  became_aware_zone TEXT CHECK (became_aware_zone IS NULL OR became_aware_zone <> ''),
  reported_by TEXT,
  staff_involved TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(staff_involved) AND json_type(staff_involved) = 'array'),
  breach_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(breach_kinds) AND json_type(breach_kinds) = 'array'),
  data_categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(data_categories) AND json_type(data_categories) = 'array'),
  approximate_records INTEGER CHECK (approximate_records IS NULL OR approximate_records >= 0),
  approximate_people INTEGER CHECK (approximate_people IS NULL OR approximate_people >= 0),
  people_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(people_kinds) AND json_type(people_kinds) = 'array'),
  cyber TEXT CHECK (cyber IS NULL OR (json_valid(cyber) AND json_type(cyber) = 'object')),
  likely_consequences TEXT,
  measures_before TEXT,
  measures_taken TEXT,
  measures_proposed TEXT,
  other_organisations_told TEXT,
  lessons_learned TEXT,
  finding_id TEXT,
  status TEXT CHECK (status IS NULL OR status IN ('open', 'contained', 'closed')) NOT NULL DEFAULT 'open',
  contained_at TEXT CHECK (contained_at IS NULL OR contained_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  closed_at TEXT CHECK (closed_at IS NULL OR closed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  created_at TEXT CHECK (created_at IS NULL OR created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z') NOT NULL,
  likelihood INTEGER CHECK (likelihood IS NULL OR likelihood BETWEEN 1 AND 5),
  severity INTEGER CHECK (severity IS NULL OR severity BETWEEN 1 AND 5),
  ico_reportable INTEGER CHECK (ico_reportable IS NULL OR ico_reportable IN (0, 1)),
  dhsc_reportable INTEGER CHECK (dhsc_reportable IS NULL OR dhsc_reportable IN (0, 1)),
  outcome TEXT,
  likelihood_label TEXT,
  severity_label TEXT,
  assessed_at TEXT CHECK (assessed_at IS NULL OR assessed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  assessed_by TEXT,
  ico_decision TEXT CHECK (ico_decision IS NULL OR ico_decision IN ('notify', 'do-not-notify')),
  ico_decision_reason TEXT,
  individuals_decision TEXT CHECK (individuals_decision IS NULL OR individuals_decision IN ('tell', 'do-not-tell')),
  individuals_decision_reason TEXT, how_discovered TEXT, ico_case_reference TEXT,
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
, hosted_by_organisation_id TEXT REFERENCES organisations(id) ON DELETE RESTRICT) STRICT;

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

CREATE TRIGGER destruction_records_key_handling BEFORE INSERT ON destruction_records
  WHEN NEW.cryptographic_erase = 1 AND NEW.key_handling IS NULL
  BEGIN SELECT RAISE(ABORT, 'a cryptographic erase must record how its key was handled'); END;
