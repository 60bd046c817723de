import { z } from 'zod';
import { isoDate, type IsoDate } from '../register/dates';
import { countLive, type RegisterIndex } from '../register/register-index';

/**
 * What the dashboard counts. "Live" follows the findings' own rules (shared/register/register-index.ts):
 * a copy not archived and not destroyed by the date, of a holding whose version (and its DSA) and
 * dataset are not archived, at a location that is not archived; a live holding has at least one live
 * copy. The record counts (archived ones left out) say whether the register is empty, so the dashboard
 * can say so honestly instead of showing a row of zeros as good news.
 */
export const registerSummarySchema = z.object({
  asOf: isoDate,
  liveHoldings: z.number().int().min(0),
  liveCopies: z.number().int().min(0),
  organisations: z.number().int().min(0),
  agreements: z.number().int().min(0),
  locations: z.number().int().min(0),
  holdings: z.number().int().min(0),
});
export type RegisterSummary = z.infer<typeof registerSummarySchema>;

export const registerSummaryRequestSchema = z.strictObject({ asOf: isoDate.optional() });

/**
 * The counts from the indexed register, which already leaves out archived records and everything
 * under them: a live copy is one not destroyed by `asOf`, a live holding one with a live copy.
 */
export function summariseRegister(index: RegisterIndex, asOf: IsoDate): RegisterSummary {
  let liveCopies = 0;
  let liveHoldings = 0;
  for (const group of index.holdingCopies) {
    const live = countLive(index, group, asOf);
    liveCopies += live;
    if (live > 0) liveHoldings++;
  }
  return {
    asOf,
    liveHoldings,
    liveCopies,
    organisations: index.organisations.size,
    agreements: index.dsas.size,
    locations: index.locations.size,
    holdings: index.holdings.size,
  };
}
