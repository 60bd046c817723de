import type { RecordKind } from '../../shared/register/records';

/**
 * How each kind of record maps onto the tables of migration 002: which column holds which field,
 * which list fields live in child tables, which fields refer to other records, and which values must
 * be unique. The repository, the loader and the snapshot import all work from this one description,
 * so a field added to a record schema is added here once.
 */
export type ColumnType = 'text' | 'integer' | 'boolean' | 'json';

export interface ColumnMapping {
  column: string;
  /** The field, or for nested values the field and the property (`['lawfulBases', 'article6']`). */
  path: readonly [string] | readonly [string, string];
  type: ColumnType;
  /** For a variant of a nested union (the destruction rule): leave the property out when NULL. */
  omitWhenNull?: boolean;
}

/** A list field stored as rows of a child table, in order. */
export interface ListMapping {
  field: string;
  table: string;
  parentColumn: string;
  /** For a list of ids: the column holding the id. For a list of objects: the columns of each item. */
  item: { valueColumn: string } | { columns: readonly ColumnMapping[] };
}

/** A field holding the id of another record (for a list, each item's id, or each item's `itemField`). */
export interface ReferenceMapping {
  field: string;
  kind: RecordKind;
  itemField?: string;
  list?: boolean;
  /** For a list: another item field that, with the id, must not repeat (a party's role). */
  distinctWith?: string;
}

/** Values that must be unique across the register, and how to say so. */
export interface UniqueKey {
  fields: readonly string[];
  describe: (values: readonly unknown[]) => string;
}

export interface RecordTable {
  kind: RecordKind;
  table: string;
  /** What a person calls one of these: "location", "DSA version". */
  noun: string;
  /** Id and archived first, then each field in the order of its schema. */
  columns: readonly ColumnMapping[];
  lists: readonly ListMapping[];
  references: readonly ReferenceMapping[];
  uniques: readonly UniqueKey[];
}

const text = (field: string, column: string): ColumnMapping => ({ column, path: [field], type: 'text' });
const integer = (field: string, column: string): ColumnMapping => ({ column, path: [field], type: 'integer' });
const bool = (field: string, column: string): ColumnMapping => ({ column, path: [field], type: 'boolean' });
const nested = (field: string, property: string, column: string, type: ColumnType, omitWhenNull = false): ColumnMapping => ({
  column,
  path: [field, property],
  type,
  omitWhenNull,
});
const recordBase = [text('id', 'id'), bool('archived', 'archived')];

export const recordTables: { readonly [K in RecordKind]: RecordTable & { kind: K } } = {
  organisation: {
    kind: 'organisation',
    table: 'organisations',
    noun: 'organisation',
    columns: [
      ...recordBase,
      text('legalName', 'legal_name'),
      text('odsCode', 'ods_code'),
      { column: 'roles', path: ['roles'], type: 'json' },
      text('icoRegistrationNumber', 'ico_registration_number'),
      text('icoRenewalDate', 'ico_renewal_date'),
      text('predecessorId', 'predecessor_id'),
    ],
    lists: [],
    references: [{ field: 'predecessorId', kind: 'organisation' }],
    uniques: [],
  },
  assurance: {
    kind: 'assurance',
    table: 'assurances',
    noun: 'security assurance',
    columns: [
      ...recordBase,
      text('organisationId', 'organisation_id'),
      text('kind', 'kind'),
      text('dsptYear', 'dspt_year'),
      text('dsptStatus', 'dspt_status'),
      bool('improvementPlanAgreed', 'improvement_plan_agreed'),
      text('improvementPlanDate', 'improvement_plan_date'),
      text('certificateNumber', 'certificate_number'),
      text('scope', 'scope'),
      text('publishedDate', 'published_date'),
      text('expiryDate', 'expiry_date'),
    ],
    lists: [
      { field: 'coveredLocationIds', table: 'assurance_locations', parentColumn: 'assurance_id', item: { valueColumn: 'location_id' } },
    ],
    references: [
      { field: 'organisationId', kind: 'organisation' },
      { field: 'coveredLocationIds', kind: 'location', list: true },
    ],
    uniques: [],
  },
  dsfc: {
    kind: 'dsfc',
    table: 'dsfcs',
    noun: 'DSFC',
    columns: [
      ...recordBase,
      text('reference', 'reference'),
      text('controllerOrganisationId', 'controller_organisation_id'),
      text('signedDate', 'signed_date'),
    ],
    lists: [],
    references: [{ field: 'controllerOrganisationId', kind: 'organisation' }],
    uniques: [{ fields: ['reference'], describe: ([reference]) => `DSFC reference ${String(reference)} is already recorded` }],
  },
  dsa: {
    kind: 'dsa',
    table: 'dsas',
    noun: 'DSA',
    columns: [...recordBase, text('nicReference', 'nic_reference'), text('title', 'title')],
    lists: [],
    references: [],
    uniques: [{ fields: ['nicReference'], describe: ([nic]) => `a DSA with NIC reference ${String(nic)} is already recorded` }],
  },
  dsaVersion: {
    kind: 'dsaVersion',
    table: 'dsa_versions',
    noun: 'DSA version',
    columns: [
      ...recordBase,
      text('dsaId', 'dsa_id'),
      text('version', 'version'),
      text('status', 'status'),
      text('startDate', 'start_date'),
      text('endDate', 'end_date'),
      text('signedDate', 'signed_date'),
      text('predecessorVersionId', 'predecessor_version_id'),
      text('territory', 'territory'),
      bool('commercial', 'commercial'),
      bool('sublicensing', 'sublicensing'),
      bool('archivingForResearch', 'archiving_for_research'),
      text('objective', 'objective'),
      text('processingActivities', 'processing_activities'),
      text('expectedOutputs', 'expected_outputs'),
      text('expectedBenefits', 'expected_benefits'),
      nested('lawfulBases', 'article6', 'article6', 'text'),
      nested('lawfulBases', 'article9', 'article9', 'text'),
      nested('lawfulBases', 'commonLawBasis', 'common_law_basis', 'text'),
      nested('lawfulBases', 's251Reference', 's251_reference', 'text'),
      nested('lawfulBases', 's251Expiry', 's251_expiry', 'text'),
      text('ethicsReference', 'ethics_reference'),
      nested('destructionRule', 'kind', 'destruction_rule', 'text'),
      nested('destructionRule', 'days', 'destruction_days', 'integer', true),
      nested('destructionRule', 'date', 'destruction_date', 'text', true),
      nested('destructionRule', 'weeks', 'destruction_weeks', 'integer', true),
      bool('destructionRuleIsDefault', 'destruction_rule_is_default'),
      text('dsfcId', 'dsfc_id'),
    ],
    lists: [
      {
        field: 'parties',
        table: 'version_parties',
        parentColumn: 'version_id',
        item: {
          columns: [
            text('organisationId', 'organisation_id'),
            text('role', 'role'),
            text('controllerType', 'controller_type'),
          ],
        },
      },
    ],
    references: [
      { field: 'dsaId', kind: 'dsa' },
      { field: 'predecessorVersionId', kind: 'dsaVersion' },
      { field: 'parties', kind: 'organisation', list: true, itemField: 'organisationId', distinctWith: 'role' },
      { field: 'dsfcId', kind: 'dsfc' },
    ],
    uniques: [
      {
        fields: ['dsaId', 'version'],
        describe: ([, version]) => `version ${String(version)} of this DSA is already recorded`,
      },
    ],
  },
  dataset: {
    kind: 'dataset',
    table: 'datasets',
    noun: 'dataset',
    columns: [
      ...recordBase,
      text('versionId', 'version_id'),
      text('name', 'name'),
      text('typeOfData', 'type_of_data'),
      text('sensitivity', 'sensitivity'),
      text('frequency', 'frequency'),
      text('legalBasisForProvision', 'legal_basis_for_provision'),
      text('optOutsApplied', 'opt_outs_applied'),
      text('periodFrom', 'period_from'),
      text('periodTo', 'period_to'),
      text('disclosureProfileId', 'disclosure_profile_id'),
    ],
    lists: [],
    references: [{ field: 'versionId', kind: 'dsaVersion' }],
    uniques: [],
  },
  location: {
    kind: 'location',
    table: 'locations',
    noun: 'location',
    columns: [
      ...recordBase,
      text('name', 'name'),
      text('operatorOrganisationId', 'operator_organisation_id'),
      text('hostedByOrganisationId', 'hosted_by_organisation_id'),
      text('kind', 'kind'),
      text('address', 'address'),
      text('cloudProvider', 'cloud_provider'),
      text('cloudRegion', 'cloud_region'),
      text('country', 'country'),
    ],
    lists: [],
    references: [
      { field: 'operatorOrganisationId', kind: 'organisation' },
      { field: 'hostedByOrganisationId', kind: 'organisation' },
    ],
    uniques: [],
  },
  approvedLocation: {
    kind: 'approvedLocation',
    table: 'approved_locations',
    noun: 'approved location',
    columns: [
      ...recordBase,
      text('versionId', 'version_id'),
      text('locationId', 'location_id'),
      text('role', 'role'),
      text('approvedFrom', 'approved_from'),
      text('approvedTo', 'approved_to'),
    ],
    lists: [],
    references: [
      { field: 'versionId', kind: 'dsaVersion' },
      { field: 'locationId', kind: 'location' },
    ],
    uniques: [],
  },
  holding: {
    kind: 'holding',
    table: 'holdings',
    noun: 'holding',
    columns: [
      ...recordBase,
      text('versionId', 'version_id'),
      text('datasetId', 'dataset_id'),
      text('darsFileReference', 'dars_file_reference'),
      text('periodFrom', 'period_from'),
      text('periodTo', 'period_to'),
      text('receivedDate', 'received_date'),
      integer('recordCount', 'record_count'),
      text('checksum', 'checksum'),
      text('dataYear', 'data_year'),
    ],
    lists: [],
    references: [
      { field: 'versionId', kind: 'dsaVersion' },
      { field: 'datasetId', kind: 'dataset' },
    ],
    uniques: [],
  },
  copy: {
    kind: 'copy',
    table: 'copies',
    noun: 'copy',
    columns: [
      ...recordBase,
      text('holdingId', 'holding_id'),
      text('locationId', 'location_id'),
      text('kind', 'kind'),
      text('pathOrDescription', 'path_or_description'),
      text('createdDate', 'created_date'),
      text('destroyedDate', 'destroyed_date'),
    ],
    lists: [],
    references: [
      { field: 'holdingId', kind: 'holding' },
      { field: 'locationId', kind: 'location' },
    ],
    uniques: [],
  },
  obligation: {
    kind: 'obligation',
    table: 'obligations',
    noun: 'obligation',
    columns: [
      ...recordBase,
      text('kind', 'kind'),
      text('versionId', 'version_id'),
      text('organisationId', 'organisation_id'),
      text('text', 'text'),
      text('dueDate', 'due_date'),
      text('recurrence', 'recurrence'),
      text('owner', 'owner'),
      text('evidence', 'evidence'),
      text('status', 'status'),
    ],
    lists: [],
    references: [
      { field: 'versionId', kind: 'dsaVersion' },
      { field: 'organisationId', kind: 'organisation' },
    ],
    uniques: [],
  },
  certificate: {
    kind: 'certificate',
    table: 'certificates',
    noun: 'certificate',
    columns: [
      ...recordBase,
      text('number', 'number'),
      text('versionId', 'version_id'),
      text('issuedDate', 'issued_date'),
      text('status', 'status'),
      text('sentDate', 'sent_date'),
      text('acknowledgedDate', 'acknowledged_date'),
      text('acknowledgementReference', 'acknowledgement_reference'),
    ],
    lists: [
      { field: 'holdingIds', table: 'certificate_holdings', parentColumn: 'certificate_id', item: { valueColumn: 'holding_id' } },
    ],
    references: [
      { field: 'versionId', kind: 'dsaVersion' },
      { field: 'holdingIds', kind: 'holding', list: true },
    ],
    uniques: [{ fields: ['number'], describe: ([number]) => `certificate number ${String(number)} is already used` }],
  },
};
