import type { z } from 'zod';
import { recordSchemas, type RecordKind, type RecordOf } from '../../shared/register/records';
import { emptyRegister, type RegisterContent } from '../../shared/register/snapshot';

/**
 * A fluent builder for realistic registers in tests. Each call adds one record under an id the test
 * chooses and returns the builder, so a scenario reads top to bottom:
 *
 *   new RegisterBuilder()
 *     .organisation('uni', { legalName: 'University of Exampleton', roles: ['controller'] })
 *     .dsfc('uni-dsfc', { controller: 'uni' })
 *     .dsa('hip', 'DARS-NIC-00574-V2H1F')
 *     .version('v4.2', { dsa: 'hip', start: '2025-04-01', end: '2028-03-31', controllers: ['uni'], dsfc: 'uni-dsfc' })
 *     ...
 *     .build();
 *
 * Every record goes through its zod schema, so defaults are filled exactly as the app fills them and
 * a test cannot build a record the app would refuse. `update` and `archive` change a record after
 * the fact, which is how tests turn a clean scenario into its faulty neighbour.
 */
type Input<K extends RecordKind> = z.input<(typeof recordSchemas)[K]>;
type Fields<K extends RecordKind, Omitted extends string = never> = Partial<Omit<Input<K>, 'id' | Omitted>>;

const pluralKeys = {
  organisation: 'organisations',
  assurance: 'assurances',
  dsfc: 'dsfcs',
  dsa: 'dsas',
  dsaVersion: 'versions',
  dataset: 'datasets',
  location: 'locations',
  approvedLocation: 'approvedLocations',
  holding: 'holdings',
  copy: 'copies',
  obligation: 'obligations',
  certificate: 'certificates',
} as const satisfies Record<RecordKind, keyof RegisterContent>;

export interface VersionFields extends Fields<'dsaVersion', 'dsaId' | 'startDate' | 'endDate' | 'parties' | 'dsfcId'> {
  dsa: string;
  start: string;
  end: string;
  controllers?: string[];
  processors?: string[];
  dsfc?: string;
  /** The version this one renews. */
  renews?: string;
}

export class RegisterBuilder {
  private readonly register = emptyRegister();
  private readonly records = new Map<string, { kind: RecordKind; record: { id: string } }>();

  organisation(id: string, fields: Fields<'organisation'> & { legalName: string }): this {
    return this.add('organisation', { id, ...fields });
  }

  assurance(id: string, organisation: string, fields: Fields<'assurance', 'organisationId'> & Pick<Input<'assurance'>, 'kind' | 'expiryDate'>): this {
    return this.add('assurance', { id, organisationId: this.ref('organisation', organisation), ...fields });
  }

  dsfc(id: string, fields: Fields<'dsfc', 'controllerOrganisationId'> & { controller: string; reference: string }): this {
    const { controller, ...rest } = fields;
    return this.add('dsfc', { id, controllerOrganisationId: this.ref('organisation', controller), signedDate: '2024-04-01', ...rest });
  }

  dsa(id: string, nicReference: string, fields: Fields<'dsa', 'nicReference'> = {}): this {
    return this.add('dsa', { id, nicReference, ...fields });
  }

  version(id: string, fields: VersionFields): this {
    const { dsa, start, end, controllers = [], processors = [], dsfc, renews, ...rest } = fields;
    return this.add('dsaVersion', {
      id,
      version: '1',
      dsaId: this.ref('dsa', dsa),
      startDate: start,
      endDate: end,
      parties: [
        ...controllers.map((o) => ({ organisationId: this.ref('organisation', o), role: 'controller' as const, controllerType: controllers.length > 1 ? ('joint' as const) : ('sole' as const) })),
        ...processors.map((o) => ({ organisationId: this.ref('organisation', o), role: 'processor' as const })),
      ],
      dsfcId: dsfc === undefined ? null : this.ref('dsfc', dsfc),
      predecessorVersionId: renews === undefined ? null : this.ref('dsaVersion', renews),
      ...rest,
    });
  }

  dataset(id: string, version: string, name: string, fields: Fields<'dataset', 'versionId' | 'name'> = {}): this {
    return this.add('dataset', { id, versionId: this.ref('dsaVersion', version), name, ...fields });
  }

  location(
    id: string,
    fields: Fields<'location', 'operatorOrganisationId' | 'hostedByOrganisationId'> & { name: string; operator: string; hostedBy?: string; kind: Input<'location'>['kind'] },
  ): this {
    const { operator, hostedBy, ...rest } = fields;
    const host = hostedBy ? { hostedByOrganisationId: this.ref('organisation', hostedBy) } : {};
    return this.add('location', { id, operatorOrganisationId: this.ref('organisation', operator), ...host, country: 'England', ...rest });
  }

  /** Approves a location for a version in one role, optionally between two dates. */
  approve(id: string, version: string, location: string, role: Input<'approvedLocation'>['role'], fields: Fields<'approvedLocation', 'versionId' | 'locationId' | 'role'> = {}): this {
    return this.add('approvedLocation', { id, versionId: this.ref('dsaVersion', version), locationId: this.ref('location', location), role, ...fields });
  }

  holding(id: string, version: string, dataset: string, fields: Fields<'holding', 'versionId' | 'datasetId'> & { receivedDate: string }): this {
    return this.add('holding', {
      id,
      versionId: this.ref('dsaVersion', version),
      datasetId: this.ref('dataset', dataset),
      darsFileReference: `NIC-${id.toUpperCase()}`,
      ...fields,
    });
  }

  copy(id: string, holding: string, location: string, kind: Input<'copy'>['kind'], fields: Fields<'copy', 'holdingId' | 'locationId' | 'kind'> = {}): this {
    const received = this.get('holding', holding).receivedDate;
    return this.add('copy', { id, holdingId: this.ref('holding', holding), locationId: this.ref('location', location), kind, createdDate: received, ...fields });
  }

  obligation(id: string, fields: Fields<'obligation', 'versionId' | 'organisationId'> & { text: string; kind: Input<'obligation'>['kind']; version?: string; organisation?: string }): this {
    const { version, organisation, ...rest } = fields;
    return this.add('obligation', {
      id,
      versionId: version === undefined ? null : this.ref('dsaVersion', version),
      organisationId: organisation === undefined ? null : this.ref('organisation', organisation),
      ...rest,
    });
  }

  certificate(id: string, version: string, holdings: string[], fields: Fields<'certificate', 'versionId' | 'holdingIds'> & { issuedDate: string }): this {
    return this.add('certificate', {
      id,
      number: `COD-${id.toUpperCase()}`,
      versionId: this.ref('dsaVersion', version),
      holdingIds: holdings.map((h) => this.ref('holding', h)),
      ...fields,
    });
  }

  /** Changes fields of a record already added (validated again). */
  update<K extends RecordKind>(kind: K, id: string, patch: Partial<Input<K>>): this {
    const current = this.get(kind, id);
    const updated = recordSchemas[kind].parse({ ...current, ...patch }) as { id: string };
    const list = this.register[pluralKeys[kind]] as { id: string }[];
    list[list.indexOf(current as { id: string })] = updated;
    this.records.set(id, { kind, record: updated });
    return this;
  }

  archive(kind: RecordKind, id: string): this {
    return this.update(kind, id, { archived: true } as Partial<Input<typeof kind>>);
  }

  get<K extends RecordKind>(kind: K, id: string): RecordOf<K> {
    const entry = this.records.get(id);
    if (!entry || entry.kind !== kind) throw new Error(`register-builder: no ${kind} with id "${id}" was added`);
    return entry.record as RecordOf<K>;
  }

  /** A deep copy, so a test can keep building after taking a snapshot. */
  build(): RegisterContent {
    return structuredClone(this.register);
  }

  private ref(kind: RecordKind, id: string): string {
    return this.get(kind, id).id;
  }

  private add<K extends RecordKind>(kind: K, input: Input<K>): this {
    const id = (input as { id: string }).id;
    if (this.records.has(id)) throw new Error(`register-builder: id "${id}" is already used`);
    const record = recordSchemas[kind].parse(input) as { id: string };
    (this.register[pluralKeys[kind]] as { id: string }[]).push(record);
    this.records.set(id, { kind, record });
    return this;
  }
}
