import { z } from 'zod';
import { isoDate } from './dates';
import { holdingStates } from './list-facts';
import { recordId } from './records';
import { severities } from './findings';
import { approvalRoles, partyRoles, versionStatuses } from './vocabulary';

/**
 * What an agreement's page opens with (issue 11, item 4): the version in force and its dates, its
 * parties and approved locations, every holding the agreement still answers for with its live copies
 * and destroy-by date (those received under an earlier version and carried over by renewal in the
 * same list, marked so), and its findings by severity, counted as its audit report counts them.
 */
export const agreementSummaryRequestSchema = z.strictObject({ dsaId: recordId });

const severityCount = z.object({ total: z.number().int().min(0), open: z.number().int().min(0) });

export const agreementSummarySchema = z.object({
  asOf: isoDate,
  currentVersion: z
    .object({ id: z.string(), label: z.string(), status: z.enum(versionStatuses), startDate: isoDate, endDate: isoDate, territory: z.string() })
    .nullable(),
  parties: z.array(z.object({ organisationId: z.string(), label: z.string(), role: z.enum(partyRoles) })),
  approvedLocations: z.array(
    z.object({ id: z.string(), locationId: z.string(), label: z.string(), role: z.enum(approvalRoles), approvedFrom: isoDate.nullable(), approvedTo: isoDate.nullable() }),
  ),
  holdings: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      versionId: z.string(),
      versionLabel: z.string(),
      /** Received under an earlier version and held now under the current one, by renewal. */
      carriedOver: z.boolean(),
      liveCopies: z.number().int().min(0),
      destroyBy: isoDate.nullable(),
      state: z.enum(holdingStates),
    }),
  ),
  liveCopies: z.number().int().min(0),
  findings: z.object(Object.fromEntries(severities.map((s) => [s, severityCount])) as Record<(typeof severities)[number], typeof severityCount>),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;
