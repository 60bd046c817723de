import { z } from 'zod';
import { disclosureProfileSchema } from './profile';

/**
 * The disclosure report written beside every export: which rules, which file, what changed and
 * why, and the attacker's verdict. It never holds the original value of a suppressed cell: a
 * change records the published value, and the audit records only how many values a cell could
 * still take.
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
    failures: z.array(z.object({ row: z.number().int(), keys: z.record(z.string(), z.string()), possibleValues: possibleValuesSchema }).strict()),
  })
  .strict();
export type AuditSummary = z.infer<typeof auditSummarySchema>;

export const summarySchema = z
  .object({
    rows: z.number().int(),
    cells: z.number().int(),
    primarySuppressions: z.number().int(),
    complementarySuppressions: z.number().int(),
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
        totalLabel: z.string(),
        national: z.object({ column: z.string(), value: z.string() }).strict().nullable(),
        /** Whether row percentages were published (their basis and decimals are the profile's). */
        percentages: z.boolean(),
      })
      .strict(),
    summary: summarySchema,
    audit: auditSummarySchema,
    exportRefused: z.boolean(),
    changes: z.array(reportChangeSchema),
  })
  .strict();
export type DisclosureReport = z.infer<typeof disclosureReportSchema>;
/** Everything but the changes, which are streamed into the file (a rounded table changes most cells). */
export type DisclosureReportHead = Omit<DisclosureReport, 'changes'>;

/** The profile's effective parameters, as the report records them. */
export function profileParameters(profile: z.output<typeof disclosureProfileSchema>): Record<string, unknown> {
  const { suppression, zeros, marker, rounding, national, totals, secondarySuppression, protectionWidth, percentages } = profile;
  return { suppression, zeros, marker, rounding, national, totals, secondarySuppression, protectionWidth, percentages };
}
