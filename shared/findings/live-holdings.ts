import type { IsoDate } from '../register/dates';
import type { Copy, DsaVersion, Holding } from '../register/records';
import type { HoldingCopies } from '../register/group-copies';
import { finalVersion, liveCopiesOfGroup, versionInForce, type RegisterIndex } from '../register/register-index';
import type { RuleContext } from './finding-rule';

export interface LiveHolding {
  holding: Holding;
  /** The holding's copies, live or not, and where they start in the index's copy columns. */
  group: HoldingCopies;
  /** In no particular order (sort before listing them). Shared with the index when every copy is live: read-only. */
  liveCopies: readonly Copy[];
  /** The version the data is held under on the as-of date: the holding's version, or a renewal of it that has started. */
  heldUnder: DsaVersion;
  /** The last agreed version of the holding's renewal chain: its end and rule decide destruction. */
  governing: DsaVersion;
  deadline: IsoDate | null;
}

const computed = new WeakMap<RuleContext, LiveHolding[]>();

/**
 * Holdings that still have at least one live copy on the as-of date, with the versions and the
 * destruction deadline the rules ask about: the one pass over every copy that the rules share,
 * made once per computation.
 */
export function liveHoldings(context: RuleContext): LiveHolding[] {
  let result = computed.get(context);
  if (!result) computed.set(context, (result = findLiveHoldings(context)));
  return result;
}

function findLiveHoldings({ index, asOf, deadlineOf }: RuleContext): LiveHolding[] {
  // Holdings share a few thousand versions: the renewal chain is walked once per version.
  const versionsOf = new Map<string, { heldUnder: DsaVersion; governing: DsaVersion } | null>();
  const result: LiveHolding[] = [];
  for (const group of index.holdingCopies) {
    const { holding } = group;
    const liveCopies = liveCopiesOfGroup(index, group, asOf);
    if (liveCopies.length === 0) continue;
    let versions = versionsOf.get(holding.versionId);
    if (versions === undefined) versionsOf.set(holding.versionId, (versions = chainOf(index, holding.versionId, asOf)));
    if (versions) result.push({ holding, group, liveCopies, heldUnder: versions.heldUnder, governing: versions.governing, deadline: deadlineOf(holding) });
  }
  return result;
}

function chainOf(index: RegisterIndex, versionId: string, asOf: IsoDate): { heldUnder: DsaVersion; governing: DsaVersion } | null {
  const heldUnder = versionInForce(index, versionId, asOf);
  const governing = finalVersion(index, versionId);
  return heldUnder && governing ? { heldUnder, governing } : null;
}
