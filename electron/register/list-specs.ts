import type { ListFilterName } from '../../shared/register/register-api';
import type { RecordKind } from '../../shared/register/records';

/**
 * What each list searches, how each filter is written in SQL, and how each kind of record is named.
 * The table is always aliased `t`; a filter's value is bound as `@value`.
 *
 * Searching copies and holdings also looks at the names people know them by (the location's name,
 * the DARS file reference), through `IN (SELECT …)` on the small tables so the large one is scanned
 * once; with 100,000 copies a search stays in the tens of milliseconds (npm run bench:register).
 */
export interface ListSpec {
  /** SQL expressions (over `t`) whose text a search looks in; `@word` is the LIKE pattern. */
  search: readonly string[];
  filters: Partial<Record<ListFilterName, string>>;
  /** SQL expression naming one record of this kind, as lists and detail screens show it. */
  label: string;
}

const like = (expression: string) => `${expression} LIKE @word ESCAPE '\\'`;
const column = (name: string) => like(`t.${name}`);
const inNamed = (idColumn: string, table: string, nameColumn: string) =>
  `t.${idColumn} IN (SELECT id FROM ${table} WHERE ${like(nameColumn)})`;

const organisationName = (idColumn: string) => `(SELECT legal_name FROM organisations WHERE id = t.${idColumn})`;
const versionLabel = (idColumn: string) =>
  `(SELECT (SELECT nic_reference FROM dsas WHERE id = v.dsa_id) || ' v' || v.version FROM dsa_versions v WHERE v.id = t.${idColumn})`;

export const listSpecs: Record<RecordKind, ListSpec> = {
  organisation: {
    search: [column('legal_name'), column('ods_code'), column('ico_registration_number'), column('id')],
    filters: {},
    label: 't.legal_name',
  },
  assurance: {
    search: [column('dspt_year'), column('dspt_status'), column('certificate_number'), column('scope'), inNamed('organisation_id', 'organisations', 'legal_name')],
    filters: {
      organisationId: 't.organisation_id = @value',
      locationId: 't.id IN (SELECT assurance_id FROM assurance_locations WHERE location_id = @value)',
    },
    label: `${organisationName('organisation_id')} || ': ' || CASE t.kind
      WHEN 'DSPT' THEN 'DSPT' || COALESCE(' ' || t.dspt_year, '') || ' (' || COALESCE(t.dspt_status, 'no status') || ')'
      ELSE 'ISO 27001 certificate ' || COALESCE(t.certificate_number, '') END`,
  },
  dsfc: {
    search: [column('reference'), inNamed('controller_organisation_id', 'organisations', 'legal_name')],
    filters: { organisationId: 't.controller_organisation_id = @value' },
    label: 't.reference',
  },
  dsa: {
    search: [column('nic_reference'), column('title')],
    filters: {
      organisationId:
        't.id IN (SELECT v.dsa_id FROM dsa_versions v JOIN version_parties p ON p.version_id = v.id WHERE p.organisation_id = @value)',
    },
    label: 't.nic_reference',
  },
  dsaVersion: {
    search: [column('version'), column('status'), column('objective'), column('ethics_reference'), inNamed('dsa_id', 'dsas', 'nic_reference')],
    filters: {
      dsaId: 't.dsa_id = @value',
      organisationId: 't.id IN (SELECT version_id FROM version_parties WHERE organisation_id = @value)',
    },
    label: versionLabel('id'),
  },
  dataset: {
    search: [column('name'), column('type_of_data'), column('legal_basis_for_provision')],
    filters: { versionId: 't.version_id = @value' },
    label: 't.name',
  },
  location: {
    search: [column('name'), column('address'), column('cloud_provider'), column('cloud_region'), column('country'), column('kind')],
    filters: { organisationId: 't.operator_organisation_id = @value' },
    label: 't.name',
  },
  approvedLocation: {
    search: [column('role'), inNamed('location_id', 'locations', 'name')],
    filters: { versionId: 't.version_id = @value', locationId: 't.location_id = @value' },
    label: `(SELECT name FROM locations WHERE id = t.location_id) || ' (' || t.role || ')'`,
  },
  holding: {
    search: [column('dars_file_reference'), column('checksum'), column('data_year'), inNamed('dataset_id', 'datasets', 'name')],
    filters: {
      dsaId: 't.version_id IN (SELECT id FROM dsa_versions WHERE dsa_id = @value)',
      versionId: 't.version_id = @value',
      datasetId: 't.dataset_id = @value',
      locationId: 't.id IN (SELECT holding_id FROM copies WHERE location_id = @value)',
    },
    label: 't.dars_file_reference',
  },
  copy: {
    search: [
      column('path_or_description'),
      column('kind'),
      inNamed('location_id', 'locations', 'name'),
      inNamed('holding_id', 'holdings', 'dars_file_reference'),
    ],
    filters: {
      live: '(t.destroyed_date IS NULL) = @value',
      dsaId: 't.holding_id IN (SELECT h.id FROM holdings h JOIN dsa_versions v ON v.id = h.version_id WHERE v.dsa_id = @value)',
      versionId: 't.holding_id IN (SELECT id FROM holdings WHERE version_id = @value)',
      holdingId: 't.holding_id = @value',
      locationId: 't.location_id = @value',
    },
    label: `CASE t.kind WHEN 'primary' THEN 'Primary copy' WHEN 'backup' THEN 'Backup copy' WHEN 'derived' THEN 'Derived copy'
      ELSE 'Processor copy' END || ' of ' || (SELECT dars_file_reference FROM holdings WHERE id = t.holding_id)
      || ' at ' || (SELECT name FROM locations WHERE id = t.location_id)`,
  },
  obligation: {
    search: [column('text'), column('owner'), column('evidence'), column('kind'), column('status')],
    filters: { versionId: 't.version_id = @value', organisationId: 't.organisation_id = @value' },
    label: `CASE WHEN length(t.text) > 60 THEN substr(t.text, 1, 59) || '…' ELSE t.text END`,
  },
  certificate: {
    search: [column('number'), column('acknowledgement_reference'), column('status')],
    filters: {
      versionId: 't.version_id = @value',
      holdingId: 't.id IN (SELECT certificate_id FROM certificate_holdings WHERE holding_id = @value)',
    },
    label: `'Certificate ' || t.number`,
  },
};

/** The filter that finds the records belonging to a record of this kind (for "related" on a detail screen). */
export const filterNamingKind: Partial<Record<RecordKind, ListFilterName>> = {
  organisation: 'organisationId',
  dsa: 'dsaId',
  dsaVersion: 'versionId',
  dataset: 'datasetId',
  location: 'locationId',
  holding: 'holdingId',
};
