import { z } from 'zod';
import { disclosureProfileSchema } from './profile';

/**
 * The disclosure report written beside every export: which rules, which file, what changed, and the
 * attacker's verdict. It never holds the original value of a suppressed cell: a change records the
 * published value, and the audit records only how many values a cell could still take.
 *
 * It comes in two forms. The RELEASABLE report may travel with the table: every suppressed cell is
 * just "suppressed", because saying which were small (primary) and which were chosen to protect them
 * (complementary) tells an attacker where the small counts are. The INTERNAL report keeps the
 * reasons and the audit's failing cells for the analyst and the output checker, and says on its
 * face that it is not for release.
 */
export const reportActions = ['suppressed', 'rounded', 'recomputed'] as const;
export type ReportAction = (typeof reportActions)[number];

export const reportChangeSchema = z
  .object({
    /** Row of the input (CSV line or sheet row). */
    row: z.number().int(),
    keys: z.record(z.string(), z.string()),
    action: z.enum(reportActions),
    /** "1–7 suppressed", "secondary: protects Leeds/Female", "rounded to 5". */
    rule: z.string(),
    /** What was published: the marker or the new count. */
    published: z.union([z.string(), z.number()]),
  })
  .strict();
export type ReportChange = z.infer<typeof reportChangeSchema>;

const possibleValuesSchema = z.union([z.number().int().nonnegative(), z.literal('unbounded')]);

export const auditSummarySchema = z
  .object({
    status: z.enum(['passed', 'failed']),
    protectionWidth: z.number().int(),
    primaryCellsChecked: z.number().int(),
    /** Cells whose interval needed the linear program (the rest are in no totals equation). */
    solvedWithLinearProgram: z.number().int(),
    solverCalls: z.number().int(),
    solver: z.string().nullable(),
    /** The narrowest attacker interval among primary cells, in whole values. */
    fewestPossibleValues: possibleValuesSchema.nullable(),
    /** Cells whose count needed an integer program (the equations were not unimodular, or percentages). */
    solvedWithIntegerProgram: z.number().int(),
    /** Labels whose rows add up others although they were not declared as totals (internal report only). */
    undeclaredTotals: z.array(z.object({ column: z.string(), label: z.string(), rows: z.array(z.number().int()) }).strict()),
    /** Earlier releases from the same holding audited with this table (linked through shared margins). */
    linkedReleases: z.array(
      z
        .object({
          name: z.string(),
          /** False when the release's margins cannot be the same records as this table's (not linked). */
          linked: z.boolean(),
          /** How many of its suppressed cells this table would give away (internal report only). */
          failures: z.number().int(),
        })
        .strict(),
    ),
    failures: z.array(z.object({ row: z.number().int(), keys: z.record(z.string(), z.string()), possibleValues: possibleValuesSchema }).strict()),
  })
  .strict();
export type AuditSummary = z.infer<typeof auditSummarySchema>;

export const summarySchema = z
  .object({
    rows: z.number().int(),
    cells: z.number().int(),
    /** Every suppressed cell, whatever the reason. */
    suppressed: z.number().int(),
    /** Internal report only: which suppressions were small counts and which protect them. */
    primarySuppressions: z.number().int().optional(),
    complementarySuppressions: z.number().int().optional(),
    /**
     * Internal report only: the fewest complementary cells any pattern passing the audit could have,
     * as proved by the exact method (null when it was not run: over 500 cells, or no complementary
     * suppression), and which method chose the cells.
     */
    complementaryLowerBound: z.number().int().nullable().optional(),
    complementaryMethod: z.enum(['exact', 'heuristic', 'repaired']).nullable().optional(),
    rounded: z.number().int(),
    totalsRecomputed: z.number().int(),
    nationalExact: z.number().int(),
    unchanged: z.number().int(),
  })
  .strict();
export type DisclosureSummary = z.infer<typeof summarySchema>;

const fileSchema = z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), format: z.enum(['csv', 'xlsx']) });

export const disclosureReportSchema = z
  .object({
    report: z.literal('custodian-disclosure'),
    reportVersion: z.literal(1),
    createdAt: z.string(),
    tool: z.object({ name: z.literal('Custodian'), version: z.string() }).strict(),
    input: fileSchema
      .extend({
        format: z.enum(['csv', 'xlsx', 'parquet']),
        encoding: z.string().nullable(),
        delimiter: z.string().nullable(),
        sheet: z.string().nullable(),
        labelColumns: z.array(z.string()),
        countColumns: z.array(z.string()),
      })
      .strict(),
    output: fileSchema.strict().nullable(),
    profile: z.object({ id: z.string(), version: z.number().int(), name: z.string(), parameters: z.record(z.string(), z.unknown()), sources: disclosureProfileSchema.shape.sources }).strict(),
    options: z
      .object({
        totalLabels: z.array(z.string()),
        national: z.object({ column: z.string(), value: z.string() }).strict().nullable(),
        /** Whether row percentages were published (their basis and decimals are the profile's). */
        percentages: z.boolean(),
      })
      .strict(),
    /** Whether this report may leave with the table (`releasable`) or stays inside (`internal`). */
    release: z.enum(['releasable', 'internal']),
    notice: z.string(),
    summary: summarySchema,
    audit: auditSummarySchema,
    exportRefused: z.boolean(),
    changes: z.array(reportChangeSchema),
  })
  .strict();
export type DisclosureReport = z.infer<typeof disclosureReportSchema>;
/** Everything but the changes, which are streamed into the file (a rounded table changes most cells). */
export type DisclosureReportHead = Omit<DisclosureReport, 'changes'>;

export const internalNotice = 'INTERNAL: not for release. It says which suppressed cells hold small counts; release the table with its releasable report only.';
export const releasableNotice = 'May be released with the table: suppressed cells are not told apart.';

/** What may leave with the table: suppressions not told apart, no failing cells named. */
export function releasableHead(head: DisclosureReportHead): DisclosureReportHead {
  const { primarySuppressions: _p, complementarySuppressions: _c, complementaryLowerBound: _b, complementaryMethod: _m, ...summary } = head.summary;
  return {
    ...head,
    release: 'releasable',
    notice: releasableNotice,
    summary,
    audit: {
      ...head.audit,
      failures: [],
      undeclaredTotals: [],
      linkedReleases: head.audit.linkedReleases.map((r) => ({ ...r, failures: 0 })),
    },
  };
}

/** A change as the releasable report gives it: a suppression says only that. */
export function releasableChange(change: ReportChange): ReportChange {
  return change.action === 'suppressed' ? { ...change, rule: 'suppressed' } : change;
}

/** The profile's effective parameters, as the report records them. */
export function profileParameters(profile: z.output<typeof disclosureProfileSchema>): Record<string, unknown> {
  const { suppression, zeros, marker, rounding, national, totals, secondarySuppression, protectionWidth, percentages } = profile;
  return { suppression, zeros, marker, rounding, national, totals, secondarySuppression, protectionWidth, percentages };
}
