import type { RecordKind } from '../../../shared/register/records';

/**
 * The one table behind `custodian add|update|archive|restore|show|list <kind>`: for each kind of
 * record, the word people type for it and the fields they know a record by. Everything else (the
 * flags, the values they take, what is required, what a field refers to) comes from the record's
 * zod schema (shared/register/records.ts) and its storage mapping (electron/register/record-tables.ts),
 * the same ones the app's forms and the register's service use.
 */
export interface KindDefinition {
  kind: RecordKind;
  /** The word after the verb: `custodian add location`. */
  name: string;
  plural: string;
  /**
   * Besides its id, the fields a person may name a record by, tried in order: a location by its
   * name, a DSA by its NIC reference. Kinds without one (a copy, an approval) are named by id.
   */
  keys: readonly string[];
  /** Certificates are made by `custodian certificate issue`, never typed in. */
  writable: boolean;
}

export const kindDefinitions: readonly KindDefinition[] = [
  { kind: 'organisation', name: 'organisation', plural: 'organisations', keys: ['legalName', 'odsCode'], writable: true },
  { kind: 'assurance', name: 'assurance', plural: 'assurances', keys: [], writable: true },
  { kind: 'dsfc', name: 'dsfc', plural: 'dsfcs', keys: ['reference'], writable: true },
  { kind: 'dsa', name: 'dsa', plural: 'dsas', keys: ['nicReference'], writable: true },
  // A version is named "DARS-NIC-00574-V2H1F-v4.2" (as in the Data Uses Register) or "… v4.2": see record-references.ts.
  { kind: 'dsaVersion', name: 'version', plural: 'versions', keys: [], writable: true },
  { kind: 'dataset', name: 'dataset', plural: 'datasets', keys: ['name'], writable: true },
  { kind: 'location', name: 'location', plural: 'locations', keys: ['name'], writable: true },
  { kind: 'approvedLocation', name: 'approval', plural: 'approvals', keys: [], writable: true },
  { kind: 'holding', name: 'holding', plural: 'holdings', keys: ['darsFileReference'], writable: true },
  { kind: 'copy', name: 'copy', plural: 'copies', keys: [], writable: true },
  { kind: 'obligation', name: 'obligation', plural: 'obligations', keys: [], writable: true },
  { kind: 'certificate', name: 'certificate', plural: 'certificates', keys: ['number'], writable: false },
];

export const definitionOf = (kind: RecordKind): KindDefinition => kindDefinitions.find((d) => d.kind === kind)!;

/**
 * The flag for a field that holds a reference, named for what it points at rather than its
 * column: `--operator` rather than `--operator-organisation-id`. Other reference fields drop their
 * `Id`/`Ids` (`holdingId` → `--holding`).
 */
const referenceFlags: Record<string, string> = {
  versionId: 'dsa-version',
  predecessorVersionId: 'predecessor',
  predecessorId: 'predecessor',
  operatorOrganisationId: 'operator',
  hostedByOrganisationId: 'hosted-by',
  controllerOrganisationId: 'controller',
  parties: 'party',
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `legalName` → `legal-name`, `locationId` → `location`, `coveredLocationIds` → `covered-location`. */
export function flagWord(field: string): string {
  return referenceFlags[field] ?? kebab(field.replace(/Ids?$/, ''));
}
