import type { IsoDate } from '../register/dates';
import type { Copy, DsaVersion, Holding } from '../register/records';
import { finalVersion, isLiveCopy } from '../register/register-index';
import type { RuleContext } from './finding-rule';

export interface LiveHolding {
  holding: Holding;
  liveCopies: Copy[];
  /** The last agreed version of the holding's renewal chain: its end and rule decide destruction. */
  governing: DsaVersion;
  deadline: IsoDate | null;
}

const computed = new WeakMap<RuleContext, LiveHolding[]>();

/** Holdings that still have at least one live copy on the as-of date, with their destruction deadline (once per computation). */
export function liveHoldings(context: RuleContext): LiveHolding[] {
  let result = computed.get(context);
  if (!result) computed.set(context, (result = findLiveHoldings(context)));
  return result;
}

function findLiveHoldings({ index, asOf, deadlineOf }: RuleContext): LiveHolding[] {
  const result: LiveHolding[] = [];
  for (const [holdingId, copies] of index.copiesByHolding) {
    if (!copies.some((c) => isLiveCopy(c, asOf))) continue; // most holdings of ended agreements: no array built
    const holding = index.holdings.get(holdingId)!;
    const governing = finalVersion(index, holding.versionId);
    if (governing) result.push({ holding, liveCopies: copies.filter((c) => isLiveCopy(c, asOf)), governing, deadline: deadlineOf(holding) });
  }
  return result;
}
