import type { Migration } from './migration';

/**
 * Incidents and breaches (shared/incidents/incident-records.ts): the incident with its assessment,
 * what in the register it involves, the notifications sent, the containment and remediation
 * actions, and the incident settings (the DSPT grid, the DARS target, the DPO's contact).
 *
 * Choices, so that a reviewer need not guess:
 * - Every moment is two columns: the UTC instant (`…_at`, ISO 8601 ending in Z, which is what the
 *   clocks are computed from) and the IANA zone it was given in (`…_zone`, how it is shown back).
 * - The assessment is one-to-one with the incident, so it is columns of `incidents`, all set or all
 *   NULL (a CHECK). It keeps the grid's outcome and labels as they were when it was recorded: an
 *   edited grid must not silently rewrite a past decision.
 * - What the incident involves (DSAs, datasets, holdings, copies, locations) is five child tables
 *   with real foreign keys, as the register's own lists are, so "which incidents involve this copy"
 *   is an indexed lookup and a record an incident cites cannot vanish under it.
 * - Lists that nothing refers to or searches inside (the staff involved, the kinds of breach, the
 *   categories of data and of people, the cyber details) are JSON in one column, checked by zod.
 * - Notifications and actions are rows of their own, because they are added one by one over the
 *   life of the incident and each is audited as it is recorded.
 * - Incident settings are one JSON value per key, like the app's settings, so that adding one needs
 *   no migration; zod checks them when read.
 * - Custodian's own vocabularies (type, status, recipient, channel, action kind and status,
 *   decisions) are CHECKed; nothing is ever deleted (ON DELETE RESTRICT, and no code deletes).
 */
const instant = (column: string) =>
  `${column}_at TEXT CHECK (${column}_at IS NULL OR ${column}_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  ${column}_zone TEXT CHECK (${column}_zone IS NULL OR ${column}_zone <> '')`;
/** Table constraint: an instant and its zone are both set or both NULL. */
const paired = (column: string) => `CHECK ((${column}_at IS NULL) = (${column}_zone IS NULL))`;
const utc = (column: string) =>
  `${column} TEXT CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')`;
const date = (column: string) =>
  `${column} TEXT CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
const requiredText = (column: string) => `${column} TEXT NOT NULL CHECK (${column} <> '')`;
const oneOf = (column: string, values: readonly string[]) =>
  `${column} TEXT CHECK (${column} IS NULL OR ${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;
const jsonArray = (column: string) => `${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`;
const flag = (column: string) => `${column} INTEGER CHECK (${column} IS NULL OR ${column} IN (0, 1))`;
const score = (column: string) => `${column} INTEGER CHECK (${column} IS NULL OR ${column} BETWEEN 1 AND 5)`;
const count = (column: string) => `${column} INTEGER CHECK (${column} IS NULL OR ${column} >= 0)`;

// The vocabularies as they were when this migration was written (never import them: a later change
// to the TypeScript lists must come with its own migration).
const incidentTypes = [
  'unauthorised-disclosure',
  'loss-or-theft',
  'undeclared-location',
  'unauthorised-alteration-or-deletion',
  'cyber-attack',
  'human-error',
  'other',
];
const recipients = ['ico', 'dars', 'dhsc', 'individuals', 'other'];
const channels = ['dspt-incident-tool', 'email', 'phone', 'letter', 'web-form', 'in-person', 'other'];

const linkTable = (name: string, column: string, target: string) => `
CREATE TABLE incident_${name} (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL CHECK (position >= 0),
  ${column} TEXT NOT NULL REFERENCES ${target} (id) ON DELETE RESTRICT,
  PRIMARY KEY (incident_id, position),
  UNIQUE (incident_id, ${column})
) STRICT, WITHOUT ROWID;
CREATE INDEX incident_${name}_by_target ON incident_${name} (${column});`;

const schema = `
CREATE TABLE incidents (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  reference TEXT NOT NULL UNIQUE CHECK (reference <> ''),
  ${requiredText('title')},
  ${requiredText('description')},
  ${oneOf('type', incidentTypes)} NOT NULL,
  ${instant('occurred')},
  ${instant('discovered')},
  ${instant('became_aware')},
  reported_by TEXT,
  ${jsonArray('staff_involved')},
  ${jsonArray('breach_kinds')},
  ${jsonArray('data_categories')},
  ${count('approximate_records')},
  ${count('approximate_people')},
  ${jsonArray('people_kinds')},
  cyber TEXT CHECK (cyber IS NULL OR (json_valid(cyber) AND json_type(cyber) = 'object')),
  likely_consequences TEXT,
  measures_before TEXT,
  measures_taken TEXT,
  measures_proposed TEXT,
  other_organisations_told TEXT,
  lessons_learned TEXT,
  finding_id TEXT,
  ${oneOf('status', ['open', 'contained', 'closed'])} NOT NULL DEFAULT 'open',
  ${utc('contained_at')},
  ${utc('closed_at')},
  ${utc('created_at')} NOT NULL,
  ${score('likelihood')},
  ${score('severity')},
  ${flag('ico_reportable')},
  ${flag('dhsc_reportable')},
  outcome TEXT,
  likelihood_label TEXT,
  severity_label TEXT,
  ${utc('assessed_at')},
  assessed_by TEXT,
  ${oneOf('ico_decision', ['notify', 'do-not-notify'])},
  ico_decision_reason TEXT,
  ${oneOf('individuals_decision', ['tell', 'do-not-tell'])},
  individuals_decision_reason TEXT,
  ${paired('occurred')},
  ${paired('discovered')},
  ${paired('became_aware')},
  CHECK (became_aware_at IS NOT NULL),
  CHECK (status <> 'closed' OR closed_at IS NOT NULL),
  CHECK ((likelihood IS NULL) = (severity IS NULL) AND (likelihood IS NULL) = (assessed_at IS NULL)
     AND (likelihood IS NULL) = (ico_reportable IS NULL) AND (likelihood IS NULL) = (dhsc_reportable IS NULL)
     AND (likelihood IS NULL) = (outcome IS NULL)),
  CHECK (likelihood IS NOT NULL OR (ico_decision IS NULL AND individuals_decision IS NULL)),
  CHECK (ico_decision IS NULL OR coalesce(ico_decision_reason, '') <> ''),
  CHECK (individuals_decision IS NULL OR coalesce(individuals_decision_reason, '') <> '')
) STRICT;
CREATE INDEX incidents_by_status ON incidents (status);
CREATE INDEX incidents_by_became_aware ON incidents (became_aware_at);
${linkTable('dsas', 'dsa_id', 'dsas')}
${linkTable('datasets', 'dataset_id', 'datasets')}
${linkTable('holdings', 'holding_id', 'holdings')}
${linkTable('copies', 'copy_id', 'copies')}
${linkTable('locations', 'location_id', 'locations')}

CREATE TABLE incident_notifications (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  ${oneOf('recipient', recipients)} NOT NULL,
  recipient_detail TEXT,
  ${instant('sent')},
  ${oneOf('channel', channels)} NOT NULL,
  reference TEXT,
  ${instant('acknowledged')},
  acknowledgement_reference TEXT,
  late_reason TEXT,
  note TEXT,
  ${paired('sent')},
  ${paired('acknowledged')},
  CHECK (sent_at IS NOT NULL),
  CHECK (recipient <> 'other' OR coalesce(recipient_detail, '') <> '')
) STRICT;
CREATE INDEX incident_notifications_by_incident ON incident_notifications (incident_id, sent_at);

CREATE TABLE incident_actions (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE RESTRICT,
  ${oneOf('kind', ['containment', 'remediation'])} NOT NULL,
  ${requiredText('description')},
  ${requiredText('owner')},
  ${date('due_date')},
  ${oneOf('status', ['open', 'in-progress', 'done', 'cancelled'])} NOT NULL,
  ${date('completed_date')},
  CHECK (status <> 'done' OR completed_date IS NOT NULL)
) STRICT;
CREATE INDEX incident_actions_by_incident ON incident_actions (incident_id);

CREATE TABLE incident_settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
`;

export const migration004Incidents: Migration = {
  version: 4,
  name: 'incidents',
  up(db) {
    db.exec(schema);
  },
};
