import { z } from 'zod';
import { factSortFields, holdingStates, listFactSchemas } from './list-facts';
import { recordId, recordKinds, recordSchemas, type RecordKind } from './records';

/**
 * The request and response schemas of the register's IPC methods (`register.*`), one variant per
 * record kind, discriminated on `kind`. The renderer gets exact types from them: after
 * `if (page.kind === 'copy')`, `page.records` is `Copy[]`, and `ApiRequest<'register.create'>` with
 * `kind: 'location'` accepts exactly a location's fields.
 */
export const recordKindSchema = z.enum(recordKinds as [RecordKind, ...RecordKind[]]);

/**
 * The fields each list can be sorted by. Without a sort, a list comes in the order records were
 * added (the fastest order for a long list); with one, ties keep that order.
 */
export const sortableFields = {
  organisation: ['legalName', 'odsCode', 'icoRenewalDate'],
  assurance: ['kind', 'expiryDate', 'dsptYear'],
  dsfc: ['reference', 'signedDate'],
  dsa: ['nicReference', 'title', ...factSortFields.dsa],
  dsaVersion: ['version', 'status', 'startDate', 'endDate', 'signedDate'],
  dataset: ['name', 'typeOfData', 'sensitivity'],
  location: ['name', 'kind', 'country'],
  approvedLocation: ['role', 'approvedFrom', 'approvedTo'],
  holding: ['darsFileReference', 'receivedDate', 'recordCount', 'periodFrom', ...factSortFields.holding],
  copy: ['kind', 'createdDate', 'destroyedDate', 'pathOrDescription', ...factSortFields.copy],
  obligation: ['kind', 'dueDate', 'status', 'owner'],
  certificate: ['number', 'issuedDate', 'status'],
} as const satisfies Record<RecordKind, readonly string[]>;

/**
 * The filters each list takes. An id filter keeps the records that belong to that record: copies
 * of a holding, holdings of a version, versions an organisation is party to, and so on. `live`
 * keeps copies not yet destroyed. `archived` false (the usual choice) hides archived records.
 * `flagged` keeps copies at a location that is not approved or outside the territory, and
 * `holdingState` holdings in one state (list-facts.ts): both are facts, filtered in the main process.
 */
export const listFilterNames = [
  'archived',
  'live',
  'organisationId',
  'dsaId',
  'versionId',
  'datasetId',
  'locationId',
  'holdingId',
  'flagged',
  'holdingState',
] as const;
export type ListFilterName = (typeof listFilterNames)[number];

export const filtersByKind = {
  organisation: ['archived'],
  assurance: ['archived', 'organisationId', 'locationId'],
  dsfc: ['archived', 'organisationId'],
  dsa: ['archived', 'organisationId'],
  dsaVersion: ['archived', 'dsaId', 'organisationId'],
  dataset: ['archived', 'versionId'],
  location: ['archived', 'organisationId'],
  approvedLocation: ['archived', 'versionId', 'locationId'],
  holding: ['archived', 'dsaId', 'versionId', 'datasetId', 'locationId', 'holdingState'],
  copy: ['archived', 'live', 'dsaId', 'versionId', 'holdingId', 'locationId', 'flagged'],
  obligation: ['archived', 'versionId', 'organisationId'],
  certificate: ['archived', 'versionId', 'holdingId'],
} as const satisfies Record<RecordKind, readonly ListFilterName[]>;

const filterValueSchemas = {
  archived: z.boolean(),
  live: z.boolean(),
  organisationId: recordId,
  dsaId: recordId,
  versionId: recordId,
  datasetId: recordId,
  locationId: recordId,
  holdingId: recordId,
  flagged: z.boolean(),
  holdingState: z.enum(holdingStates),
} as const satisfies Record<ListFilterName, z.ZodType>;

type FilterShape<K extends RecordKind> = {
  [F in (typeof filtersByKind)[K][number]]: z.ZodOptional<(typeof filterValueSchemas)[F]>;
};

function filtersSchemaFor<K extends RecordKind>(kind: K) {
  const shape = Object.fromEntries(
    (filtersByKind[kind] as readonly ListFilterName[]).map((name) => [name, filterValueSchemas[name].optional()]),
  ) as FilterShape<K>;
  return z.strictObject(shape);
}

export const MAX_PAGE_SIZE = 500;

function listRequestFor<K extends RecordKind>(kind: K) {
  return z.strictObject({
    kind: z.literal(kind),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
    /** Words to find in the record's text fields (and, for copies and holdings, the names they refer to). */
    search: z.string().trim().max(200).optional(),
    sort: z
      .strictObject({
        field: z.enum(sortableFields[kind] as unknown as [(typeof sortableFields)[K][number]]),
        direction: z.enum(['asc', 'desc']).default('asc'),
      })
      .optional(),
    filters: filtersSchemaFor(kind).optional(),
  });
}

/** Display names (id → label) of the records on a page and of every record they refer to. */
const labelsSchema = z.record(z.string(), z.string());

function pageFor<K extends RecordKind>(kind: K) {
  return z.object({
    kind: z.literal(kind),
    total: z.number().int().min(0),
    records: z.array(recordSchemas[kind]),
    labels: labelsSchema,
    /** What the list shows beyond the records' fields, by record id (list-facts.ts); absent for kinds without any. */
    facts: z.record(z.string(), listFactSchemas[kind]).optional(),
  });
}

function relatedGroupFor<K extends RecordKind>(kind: K) {
  return z.object({
    kind: z.literal(kind),
    /** The filter that finds them, e.g. `versionId` for a version's holdings; use it with register.list to page on. */
    via: z.enum(listFilterNames),
    total: z.number().int().min(0),
    /** The first records (up to 100), in the list's default order. */
    records: z.array(recordSchemas[kind]),
  });
}
type RelatedGroups = { [K in RecordKind]: ReturnType<typeof relatedGroupFor<K>> };
export const relatedGroupSchema = unionOverKinds<RelatedGroups>(relatedGroupFor);

/** A record's fields as a form sends them: no id (the register makes one) and no archived flag (use archive/restore). */
type InputShape<K extends RecordKind> = Omit<(typeof recordSchemas)[K]['shape'], 'id' | 'archived'>;
type StrictObjectOf<S> = S extends z.core.$ZodShape ? z.ZodObject<S, z.core.$strict> : never;
function recordInputFor<K extends RecordKind>(kind: K): StrictObjectOf<InputShape<K>> {
  // The record schemas carry refinements (end after start…), which zod will not omit fields from;
  // the service re-checks every record with its full schema, refinements included.
  return z.strictObject(recordSchemas[kind].shape).omit({ id: true, archived: true }) as never;
}

type WithoutDefaults<S> = { [F in keyof S]: S[F] extends z.ZodDefault<infer Inner> ? Inner : S[F] };
/**
 * Every field of a record except id and archived, none optional: what `register.update` takes, so
 * that an update can never reset a field the form forgot to send. (Nullable fields take null.)
 */
function recordFieldsFor<K extends RecordKind>(kind: K): StrictObjectOf<WithoutDefaults<InputShape<K>>> {
  const shape = Object.fromEntries(
    Object.entries(recordSchemas[kind].shape as Record<string, z.ZodType>)
      .filter(([field]) => field !== 'id' && field !== 'archived')
      .map(([field, schema]) => [field, schema instanceof z.ZodDefault ? schema.unwrap() : schema]),
  );
  return z.strictObject(shape) as never;
}

function createRequestFor<K extends RecordKind>(kind: K) {
  return z.strictObject({ kind: z.literal(kind), record: recordInputFor(kind) });
}

function updateRequestFor<K extends RecordKind>(kind: K) {
  return z.strictObject({ kind: z.literal(kind), id: recordId, record: recordFieldsFor(kind) });
}

function recordResultFor<K extends RecordKind>(kind: K) {
  return z.object({ kind: z.literal(kind), record: recordSchemas[kind] });
}

function getResultFor<K extends RecordKind>(kind: K) {
  return z.object({
    kind: z.literal(kind),
    record: recordSchemas[kind],
    label: z.string(),
    /** Labels of the records this one refers to. */
    labels: labelsSchema,
    /** Everything that refers to this record, by kind: a version's datasets, holdings, copies, obligations… */
    related: z.array(relatedGroupSchema),
  });
}

/** Builds one schema per kind and joins them into a union discriminated on `kind`. */
function unionOverKinds<M extends Record<RecordKind, z.ZodObject>>(make: (kind: RecordKind) => z.ZodObject) {
  const members = recordKinds.map((kind) => make(kind)) as unknown as [M[RecordKind], ...M[RecordKind][]];
  return z.discriminatedUnion('kind', members);
}

type ListRequests = { [K in RecordKind]: ReturnType<typeof listRequestFor<K>> };
type Pages = { [K in RecordKind]: ReturnType<typeof pageFor<K>> };
type CreateRequests = { [K in RecordKind]: ReturnType<typeof createRequestFor<K>> };
type UpdateRequests = { [K in RecordKind]: ReturnType<typeof updateRequestFor<K>> };
type RecordResults = { [K in RecordKind]: ReturnType<typeof recordResultFor<K>> };
type GetResults = { [K in RecordKind]: ReturnType<typeof getResultFor<K>> };

export const registerListRequestSchema = unionOverKinds<ListRequests>(listRequestFor);
export const registerListResponseSchema = unionOverKinds<Pages>(pageFor);

export const registerGetRequestSchema = z.strictObject({ kind: recordKindSchema, id: recordId });
export const registerGetResponseSchema = unionOverKinds<GetResults>(getResultFor);

export const registerCreateRequestSchema = unionOverKinds<CreateRequests>(createRequestFor);
export const registerUpdateRequestSchema = unionOverKinds<UpdateRequests>(updateRequestFor);
export const registerRecordResponseSchema = unionOverKinds<RecordResults>(recordResultFor);
export const registerArchiveRequestSchema = z.strictObject({ kind: recordKindSchema, id: recordId });

export type RegisterListRequest = z.output<typeof registerListRequestSchema>;
export type RegisterPage = z.output<typeof registerListResponseSchema>;
export type RelatedGroup = z.output<typeof relatedGroupSchema>;
export type RegisterCreateRequest = z.output<typeof registerCreateRequestSchema>;
export type RegisterUpdateRequest = z.output<typeof registerUpdateRequestSchema>;
export type RegisterRecordResult = z.output<typeof registerRecordResponseSchema>;
export type RegisterGetResult = z.output<typeof registerGetResponseSchema>;
/** A page of records of kind K: `RegisterPageOf<'copy'>['records']` is `Copy[]`. */
export type RegisterPageOf<K extends RecordKind> = Extract<RegisterPage, { kind: K }>;
export type RegisterGetResultOf<K extends RecordKind> = Extract<RegisterGetResult, { kind: K }>;
export type RegisterListRequestOf<K extends RecordKind> = Extract<z.input<typeof registerListRequestSchema>, { kind: K }>;
/** A new record's fields for kind K (what `register.create` takes): fields with a default may be left out. */
export type RecordInput<K extends RecordKind> = z.input<ReturnType<typeof recordInputFor<K>>>;
/** All of a record's fields but id and archived (what `register.update` takes). */
export type RecordFields<K extends RecordKind> = z.input<ReturnType<typeof recordFieldsFor<K>>>;
