import { z } from 'zod';
import { isoDate } from '../register/dates';
import { findingSchema, severities, type Finding, type Severity } from '../register/findings';
import { recordRefSchema } from '../register/record-labels';
import { recordId } from '../register/records';
import { findingCodeLabel } from './finding-code-labels';
import type { FindingPlace } from './finding-place';
import { findingStates, MAX_FINDINGS_PER_DECISION, stateOf, type FindingState } from './finding-status';

/**
 * The dashboard's findings as a table to work through (issue 11, item 2): filtered by severity,
 * code, agreement, location and status, grouped by code or by agreement with counts per group, and
 * near-identical findings (the same code at the same location under the same agreement: five
 * backup copies at one DR site) folded into one row that lists its copies. Main does the filtering
 * and grouping over the findings it already holds (findings-handlers.ts); the renderer receives a
 * page of groups, or a page of one group's rows, never the whole list.
 */

export const findingsGroupings = ['code', 'agreement'] as const;
export type FindingsGrouping = (typeof findingsGroupings)[number];

/** A group's rows shown before "Show all in this group". */
export const ROWS_PER_GROUP = 10;
/** The findings a folded row lists: past this, the row says how many more there are. */
export const FINDINGS_PER_ROW = 50;
export const MAX_TABLE_PAGE = 200;

/** "none": findings with no agreement (or no location) of their own, as an organisation's ICO registration. */
const placeFilter = z.union([recordId, z.literal('none')]);

export const findingsTableRequestSchema = z.strictObject({
  asOf: isoDate.optional(),
  groupBy: z.enum(findingsGroupings),
  severity: z.enum(severities).optional(),
  code: z.string().min(1).max(64).optional(),
  agreementId: placeFilter.optional(),
  locationId: placeFilter.optional(),
  status: z.enum(findingStates).optional(),
  /** One group, its rows paged by offset and limit; without it, a page of groups, each with its first rows. */
  groupKey: z.string().min(1).max(200).optional(),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_TABLE_PAGE).default(50),
});
export type FindingsTableRequest = z.output<typeof findingsTableRequestSchema>;

const countsSchema = z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() });
const statesSchema = z.object({ open: z.number().int(), acknowledged: z.number().int(), 'risk-accepted': z.number().int() });

export const findingsTableRowSchema = z.object({
  key: z.string(),
  code: z.string(),
  codeLabel: z.string(),
  severity: z.enum(severities),
  /** The finding's own title when the row is one finding; for a folded row, the code in words and how many. */
  title: z.string(),
  agreement: recordRefSchema.nullable(),
  location: recordRefSchema.nullable(),
  /** Earliest due date among the row's findings. */
  dueDate: z.string().nullable(),
  /** How many findings the row stands for, and how many of them are in each state. */
  count: z.number().int().min(1),
  states: statesSchema,
  /** The row's findings (up to FINDINGS_PER_ROW), most urgent first. */
  findings: z.array(findingSchema),
  /** In a folded row, what tells its findings apart beyond their labels: a copy's recorded path, by finding id. */
  notes: z.record(z.string(), z.string()).default({}),
  /**
   * Every finding of a folded row by id, for "Set status for all N…" (findings.setStatuses); empty
   * for a single finding, and for a row of more than MAX_FINDINGS_PER_DECISION (narrow it first).
   */
  findingIds: z.array(z.string()).default([]),
});
export type FindingsTableRow = z.infer<typeof findingsTableRowSchema>;

export const findingsTableGroupSchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  bySeverity: countsSchema,
  rowCount: z.number().int(),
  rows: z.array(findingsTableRowSchema),
});
export type FindingsTableGroup = z.infer<typeof findingsTableGroupSchema>;

const facetSchema = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const findingsTableResponseSchema = z.object({
  asOf: isoDate,
  /** Findings matching the filters, and the groups they fall into. */
  total: z.number().int(),
  groupCount: z.number().int(),
  groups: z.array(findingsTableGroupSchema),
  /** What each filter can be set to, with how many findings (of all on the date) each value has. */
  facets: z.object({ codes: facetSchema, agreements: facetSchema, locations: facetSchema }),
});
export type FindingsTable = z.infer<typeof findingsTableResponseSchema>;

export const NO_AGREEMENT_LABEL = 'No single agreement';
export const NO_LOCATION_LABEL = 'No location';

interface RowBuild {
  key: string;
  first: Finding;
  place: FindingPlace;
  dueDate: string | null;
  count: number;
  states: Record<FindingState, number>;
  findings: Finding[];
  findingIds: string[];
}

interface GroupBuild {
  key: string;
  label: string;
  count: number;
  bySeverity: Record<Severity, number>;
  rows: Map<string, RowBuild>;
}

const agreementKey = (place: FindingPlace) => place.agreement?.id ?? 'none';
const locationKey = (place: FindingPlace) => place.location?.id ?? 'none';

/**
 * The table for `request` over `all` (in computeFindings' order: most urgent first, which the
 * groups and rows keep). `placeOf` says where each finding sits (finding-place.ts).
 */
export function tableOfFindings(all: readonly Finding[], placeOf: (f: Finding) => FindingPlace, request: Omit<FindingsTableRequest, 'asOf'>): Omit<FindingsTable, 'asOf'> {
  const codes = new Map<string, number>();
  const agreements = new Map<string, { label: string; count: number }>();
  const locations = new Map<string, { label: string; count: number }>();
  const groups = new Map<string, GroupBuild>();
  let total = 0;
  for (const finding of all) {
    const place = placeOf(finding);
    const aKey = agreementKey(place);
    const lKey = locationKey(place);
    codes.set(finding.code, (codes.get(finding.code) ?? 0) + 1);
    tally(agreements, aKey, place.agreement?.label ?? NO_AGREEMENT_LABEL);
    tally(locations, lKey, place.location?.label ?? NO_LOCATION_LABEL);
    if (request.severity !== undefined && finding.severity !== request.severity) continue;
    if (request.code !== undefined && finding.code !== request.code) continue;
    if (request.agreementId !== undefined && aKey !== request.agreementId) continue;
    if (request.locationId !== undefined && lKey !== request.locationId) continue;
    const state = stateOf(finding);
    if (request.status !== undefined && state !== request.status) continue;
    total++;
    const groupKey = request.groupBy === 'code' ? finding.code : aKey;
    let group = groups.get(groupKey);
    if (!group) {
      const label = request.groupBy === 'code' ? findingCodeLabel(finding.code) : (place.agreement?.label ?? NO_AGREEMENT_LABEL);
      groups.set(groupKey, (group = { key: groupKey, label, count: 0, bySeverity: { high: 0, medium: 0, low: 0 }, rows: new Map() }));
    }
    group.count++;
    group.bySeverity[finding.severity]++;
    // Only the group asked for (or every group's first rows) needs its rows built.
    if (request.groupKey !== undefined && request.groupKey !== groupKey) continue;
    // Near-identical: same code and severity at the same location under the same agreement. A finding
    // placed nowhere (an incident's clock) is its own row: sharing "nowhere" says nothing about sameness.
    const rowKey = place.agreement === null && place.location === null ? `${finding.code}|${finding.id}` : `${finding.code}|${finding.severity}|${aKey}|${lKey}`;
    let row = group.rows.get(rowKey);
    if (!row) group.rows.set(rowKey, (row = { key: rowKey, first: finding, place, dueDate: null, count: 0, states: { open: 0, acknowledged: 0, 'risk-accepted': 0 }, findings: [], findingIds: [] }));
    row.count++;
    row.states[state]++;
    if (finding.dueDate !== null && (row.dueDate === null || finding.dueDate < row.dueDate)) row.dueDate = finding.dueDate;
    if (row.findings.length < FINDINGS_PER_ROW) row.findings.push(finding);
    if (row.findingIds.length <= MAX_FINDINGS_PER_DECISION) row.findingIds.push(finding.id);
  }

  const allGroups = [...groups.values()];
  const shown =
    request.groupKey !== undefined
      ? allGroups.filter((g) => g.key === request.groupKey).map((g) => shownGroup(g, request.offset, request.limit))
      : allGroups.slice(request.offset, request.offset + request.limit).map((g) => shownGroup(g, 0, ROWS_PER_GROUP));
  return {
    total,
    groupCount: allGroups.length,
    groups: shown,
    facets: {
      codes: [...codes].map(([value, count]) => ({ value, label: findingCodeLabel(value), count })).sort((a, b) => a.label.localeCompare(b.label)),
      agreements: facet(agreements),
      locations: facet(locations),
    },
  };
}

function tally(map: Map<string, { label: string; count: number }>, key: string, label: string) {
  const entry = map.get(key);
  if (entry) entry.count++;
  else map.set(key, { label, count: 1 });
}

/** Named values alphabetically, the "none" bucket last. */
function facet(map: Map<string, { label: string; count: number }>) {
  return [...map]
    .map(([value, { label, count }]) => ({ value, label, count }))
    .sort((a, b) => Number(a.value === 'none') - Number(b.value === 'none') || a.label.localeCompare(b.label));
}

function shownGroup(group: GroupBuild, offset: number, limit: number): FindingsTableGroup {
  const rows = [...group.rows.values()];
  return {
    key: group.key,
    label: group.label,
    count: group.count,
    bySeverity: group.bySeverity,
    rowCount: rows.length,
    rows: rows.slice(offset, offset + limit).map(shownRow),
  };
}

function shownRow(row: RowBuild): FindingsTableRow {
  const codeLabel = findingCodeLabel(row.first.code);
  const where = row.place.location ? ` at ${row.place.location.label}` : '';
  return {
    key: row.key,
    code: row.first.code,
    codeLabel,
    severity: row.first.severity,
    title: row.count === 1 ? row.first.title : `${codeLabel}: ${row.count} findings${where}`,
    agreement: row.place.agreement,
    location: row.place.location,
    dueDate: row.dueDate,
    count: row.count,
    states: row.states,
    findings: row.findings,
    notes: {},
    findingIds: row.count > 1 && row.count <= MAX_FINDINGS_PER_DECISION ? row.findingIds : [],
  };
}
