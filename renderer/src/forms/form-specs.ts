import type { ListFilters } from '../stores/record-list-store';
import { knownCountries } from '../../../shared/register/territory';
import type { RecordKind } from '../../../shared/register/records';

/**
 * What each record's form shows, in order, and how. The zod schemas in shared/register/records.ts
 * decide everything they can: which fields are required, the choices of every vocabulary, whether
 * a field is a yes/no or a list of choices, and every validation message. These specs add what a
 * schema cannot say: the words on screen, which fields are dates or references to other records,
 * and which fields only apply to one variant (a DSPT assessment's status, an ISO certificate's scope).
 */
export type Draft = Record<string, unknown>;

export type FieldWidget =
  | { type: 'text'; multiline?: boolean; suggestions?: readonly string[] }
  | { type: 'date' }
  | { type: 'number' }
  | { type: 'select' }
  | { type: 'checkbox' }
  | { type: 'checkboxes' }
  | { type: 'reference'; kind: RecordKind; filters?: (draft: Draft) => ListFilters }
  | { type: 'references'; kind: RecordKind }
  | { type: 'parties' }
  | { type: 'lawfulBases' }
  | { type: 'destructionRule' };

export interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  /** Left out when the schema alone says what the field is (a vocabulary, a yes/no, a number). */
  widget?: FieldWidget;
  /** Shown (and sent) only when this holds; otherwise the field is sent empty. */
  when?: (draft: Draft) => boolean;
}

const date: FieldWidget = { type: 'date' };
const multiline: FieldWidget = { type: 'text', multiline: true };
const ref = (kind: RecordKind, filters?: (draft: Draft) => ListFilters): FieldWidget => ({ type: 'reference', kind, ...(filters ? { filters } : {}) });
const isDspt = (d: Draft) => d.kind === 'DSPT';
const isIso = (d: Draft) => d.kind === 'ISO27001';
const sameVersion = (d: Draft): ListFilters => (d.versionId ? { versionId: String(d.versionId) } : {});

export const formSpecs: Record<RecordKind, readonly FieldSpec[]> = {
  organisation: [
    { name: 'legalName', label: 'Legal name', hint: 'As it appears on the DSA and the DSFC.' },
    { name: 'odsCode', label: 'ODS code', hint: 'The NHS Organisation Data Service code, e.g. RR8.' },
    { name: 'roles', label: 'Roles', widget: { type: 'checkboxes' } },
    { name: 'icoRegistrationNumber', label: 'ICO registration number', hint: 'e.g. Z1234567.' },
    { name: 'icoRenewalDate', label: 'ICO registration renewal date', widget: date },
    {
      name: 'predecessorId',
      label: 'Predecessor organisation',
      hint: 'The organisation this one replaced in a merger (a CCG replaced by an ICB, for example).',
      widget: ref('organisation'),
    },
  ],
  assurance: [
    { name: 'organisationId', label: 'Organisation', widget: ref('organisation') },
    { name: 'kind', label: 'Kind of assurance' },
    { name: 'dsptYear', label: 'DSPT assessment year', hint: 'e.g. 2025/26.', when: isDspt },
    { name: 'dsptStatus', label: 'DSPT status', when: isDspt },
    { name: 'improvementPlanAgreed', label: 'An improvement plan is agreed with NHS England', when: isDspt },
    { name: 'improvementPlanDate', label: 'Date NHS England approved the improvement plan', hint: 'Required for "Not Met - Improvement Plan Approved".', widget: date, when: isDspt },
    { name: 'certificateNumber', label: 'Certificate number', when: isIso },
    { name: 'scope', label: 'Scope of the certificate', widget: multiline, when: isIso },
    { name: 'publishedDate', label: 'Published', widget: date },
    { name: 'expiryDate', label: 'Expiry date', widget: date },
    { name: 'coveredLocationIds', label: 'Locations covered', widget: { type: 'references', kind: 'location' } },
  ],
  dsfc: [
    { name: 'reference', label: 'DSFC reference', hint: 'e.g. CON-622644-N9S3P-v2.03.' },
    {
      name: 'controllerOrganisationId',
      label: 'Controller organisation',
      hint: 'Must be the same legal entity as the controller named on the DSA.',
      widget: ref('organisation'),
    },
    { name: 'signedDate', label: 'Signed', widget: date },
  ],
  dsa: [
    { name: 'nicReference', label: 'NIC reference', hint: 'e.g. DARS-NIC-00574-V2H1F, without the version.' },
    { name: 'title', label: 'Title', hint: 'The application title.' },
  ],
  dsaVersion: [
    { name: 'dsaId', label: 'Agreement', widget: ref('dsa') },
    { name: 'version', label: 'Version', hint: 'As NHS England writes it after “-v”, e.g. 4.2.' },
    { name: 'status', label: 'Status' },
    { name: 'startDate', label: 'Start date', widget: date },
    { name: 'endDate', label: 'End date', widget: date },
    { name: 'signedDate', label: 'Signed', widget: date },
    {
      name: 'predecessorVersionId',
      label: 'Predecessor version',
      hint: 'The version this one renews or amends.',
      widget: ref('dsaVersion', (d) => (d.dsaId ? { dsaId: String(d.dsaId) } : {})),
    },
    { name: 'parties', label: 'Controllers and processors', widget: { type: 'parties' } },
    { name: 'dsfcId', label: 'Signed under DSFC', widget: ref('dsfc') },
    { name: 'territory', label: 'Territory of use' },
    { name: 'commercial', label: 'For commercial purposes' },
    { name: 'sublicensing', label: 'Sub-licensing applies' },
    { name: 'archivingForResearch', label: 'Archiving for academic research' },
    { name: 'lawfulBases', label: 'Lawful bases', widget: { type: 'lawfulBases' } },
    { name: 'ethicsReference', label: 'Ethics reference' },
    { name: 'destructionRule', label: 'Destruction rule', widget: { type: 'destructionRule' } },
    { name: 'destructionRuleIsDefault', label: 'The agreement names no destruction period: this rule is the default from Settings' },
    { name: 'objective', label: 'Objective for processing', widget: multiline },
    { name: 'processingActivities', label: 'Processing activities', widget: multiline },
    { name: 'expectedOutputs', label: 'Expected outputs', widget: multiline },
    { name: 'expectedBenefits', label: 'Expected measurable benefits', widget: multiline },
  ],
  dataset: [
    { name: 'versionId', label: 'DSA version', widget: ref('dsaVersion') },
    { name: 'name', label: 'Dataset', hint: 'As the DSA names it, e.g. Hospital Episode Statistics Admitted Patient Care.' },
    { name: 'typeOfData', label: 'Type of data' },
    { name: 'sensitivity', label: 'Sensitivity' },
    { name: 'frequency', label: 'Frequency' },
    { name: 'legalBasisForProvision', label: 'Legal basis for provision of data', widget: multiline },
    { name: 'optOutsApplied', label: 'Patient opt-outs applied' },
    { name: 'periodFrom', label: 'Period covered from', widget: date },
    { name: 'periodTo', label: 'Period covered to', widget: date },
    { name: 'disclosureProfileId', label: 'Disclosure profile required', hint: 'The disclosure profile outputs from this dataset must pass, if the agreement names one.' },
  ],
  location: [
    { name: 'name', label: 'Name' },
    { name: 'operatorOrganisationId', label: 'Operator', hint: 'The organisation that runs this location.', widget: ref('organisation') },
    { name: 'hostedByOrganisationId', label: 'Hosted by', hint: 'The provider whose service hosts it, when that is not the operator (a cloud service behind a processor).', widget: ref('organisation') },
    { name: 'kind', label: 'Kind of location' },
    { name: 'address', label: 'Address', widget: multiline },
    { name: 'cloudProvider', label: 'Cloud provider' },
    { name: 'cloudRegion', label: 'Cloud region', hint: 'e.g. eu-west-2 (London).' },
    { name: 'country', label: 'Country', hint: 'Must lie inside the territory of use of every DSA that approves it.', widget: { type: 'text', suggestions: knownCountries } },
  ],
  approvedLocation: [
    { name: 'versionId', label: 'DSA version', widget: ref('dsaVersion') },
    { name: 'locationId', label: 'Location', widget: ref('location') },
    { name: 'role', label: 'Role approved' },
    { name: 'approvedFrom', label: 'Approved from', widget: date },
    { name: 'approvedTo', label: 'Approved until', widget: date },
  ],
  holding: [
    { name: 'versionId', label: 'DSA version', widget: ref('dsaVersion') },
    { name: 'datasetId', label: 'Dataset', hint: 'One of the version’s datasets.', widget: ref('dataset', sameVersion) },
    { name: 'darsFileReference', label: 'DARS file reference' },
    { name: 'receivedDate', label: 'Date received', widget: date },
    { name: 'periodFrom', label: 'Period covered from', widget: date },
    { name: 'periodTo', label: 'Period covered to', widget: date },
    { name: 'recordCount', label: 'Record count' },
    { name: 'checksum', label: 'Checksum', hint: 'e.g. the SHA-256 of the file as received.' },
    { name: 'dataYear', label: 'Data year', hint: 'For rolling destruction, e.g. 2024/25.' },
  ],
  copy: [
    { name: 'holdingId', label: 'Holding', widget: ref('holding') },
    { name: 'locationId', label: 'Location', widget: ref('location') },
    { name: 'kind', label: 'Kind of copy' },
    { name: 'pathOrDescription', label: 'Path or description', hint: 'Where exactly: a folder, a bucket, a tape set.' },
    { name: 'createdDate', label: 'Made on', widget: date },
    // Never typed here: a copy is said to be destroyed in one way, the destruction form (Mark destroyed,
    // the worklist), which records what a certificate needs along with the date. Hidden, the field keeps
    // the copy's stored date when the copy is edited.
    { name: 'destroyedDate', label: 'Destroyed on', hint: 'Set by recording the copy’s destruction.', widget: date, when: () => false },
  ],
  obligation: [
    { name: 'kind', label: 'Kind of obligation' },
    { name: 'text', label: 'What must be done', widget: multiline },
    { name: 'versionId', label: 'DSA version', hint: 'For a special condition of an agreement.', widget: ref('dsaVersion') },
    { name: 'organisationId', label: 'Organisation', hint: 'For an improvement plan or another duty of one organisation.', widget: ref('organisation') },
    { name: 'dueDate', label: 'Due date', widget: date },
    { name: 'recurrence', label: 'Repeats' },
    { name: 'owner', label: 'Owner' },
    { name: 'evidence', label: 'Evidence', widget: multiline },
    { name: 'status', label: 'Status' },
  ],
  certificate: [
    { name: 'number', label: 'Certificate number' },
    { name: 'versionId', label: 'DSA version', widget: ref('dsaVersion') },
    { name: 'holdingIds', label: 'Holdings covered', widget: { type: 'references', kind: 'holding' } },
    { name: 'issuedDate', label: 'Issued', widget: date },
    { name: 'status', label: 'Status' },
    { name: 'sentDate', label: 'Sent to DARS', widget: date },
    { name: 'acknowledgedDate', label: 'Acknowledged', widget: date },
    { name: 'acknowledgementReference', label: 'Acknowledgement reference' },
  ],
};

/** Kinds the register's screens edit; certificates are made by the destruction feature. */
export const editableKinds: readonly RecordKind[] = ['organisation', 'assurance', 'dsfc', 'dsa', 'dsaVersion', 'dataset', 'location', 'approvedLocation', 'holding', 'copy', 'obligation'];

export const lawfulBasisFields = [
  { name: 'article6', label: 'UK GDPR Article 6 basis' },
  { name: 'article9', label: 'UK GDPR Article 9 condition' },
  { name: 'commonLawBasis', label: 'Common-law duty of confidentiality basis' },
  { name: 's251Reference', label: 's251 / CAG reference' },
  { name: 's251Expiry', label: 's251 support expires', date: true },
] as const;
