import { z } from 'zod';
import { isoDate, type IsoDate } from '../register/dates';
import { indexRegister, isLiveCopy } from '../register/register-index';
import type { RegisterContent } from '../register/snapshot';

/**
 * What the dashboard counts. "Live" follows the findings' own rules (register-index.ts): a copy not
 * archived and not destroyed by the date, of a holding whose version, dataset and location are not
 * archived; a live holding has at least one live copy. The record counts say whether the register
 * is empty, so the dashboard can say so honestly instead of showing a row of zeros as good news.
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

export function summariseRegister(register: RegisterContent, asOf: IsoDate): RegisterSummary {
  const index = indexRegister(register);
  let liveCopies = 0;
  const liveHoldingIds = new Set<string>();
  for (const copy of index.copies.values()) {
    if (!isLiveCopy(copy, asOf)) continue;
    liveCopies += 1;
    liveHoldingIds.add(copy.holdingId);
  }
  return {
    asOf,
    liveHoldings: liveHoldingIds.size,
    liveCopies,
    organisations: index.organisations.size,
    agreements: index.dsas.size,
    locations: index.locations.size,
    holdings: index.holdings.size,
  };
}
