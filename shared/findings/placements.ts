import type { Copy, DsaVersion, Location } from '../register/records';
import type { RuleContext } from './finding-rule';
import { isLiveOn } from '../register/register-index';
import { liveHoldings, type LiveHolding } from './live-holdings';

/** Live copies that put data of one version at one location. */
export interface Placement {
  /** The version the copies are held under on the as-of date. */
  version: DsaVersion;
  location: Location;
  /** The kinds of copy here, as bits by their index in copyKinds. */
  kinds: number;
  /** The holdings with live copies here. */
  holdings: LiveHolding[];
}

const computed = new WeakMap<RuleContext, Placement[]>();

/**
 * Every live copy grouped by the (version, location) pair it puts data at. The location rules
 * (approval, territory, operator) depend only on that pair and the copy's kind, so each rule asks
 * its question once per pair and kind, a few thousand times, not once per copy, 100,000 times. The
 * copies themselves are listed only for the pairs a rule reports (placementCopies).
 */
export function placements(context: RuleContext): Placement[] {
  let result = computed.get(context);
  if (!result) computed.set(context, (result = findPlacements(context)));
  return result;
}

function findPlacements(context: RuleContext): Placement[] {
  const { location, destroyedDate, kind } = context.index.copyColumns;
  const byVersion = new Map<string, Map<Location, Placement>>();
  const result: Placement[] = [];
  for (const live of liveHoldings(context)) {
    let byLocation = byVersion.get(live.heldUnder.id);
    if (!byLocation) byVersion.set(live.heldUnder.id, (byLocation = new Map()));
    const { start, copies } = live.group;
    for (let row = start; row < start + copies.length; row++) {
      if (!isLiveOn(destroyedDate[row]!, context.asOf)) continue;
      const at = location[row]!;
      let placement = byLocation.get(at);
      if (!placement) {
        byLocation.set(at, (placement = { version: live.heldUnder, location: at, kinds: 0, holdings: [] }));
        result.push(placement);
      }
      placement.kinds |= 1 << kind[row]!;
      if (placement.holdings[placement.holdings.length - 1] !== live) placement.holdings.push(live);
    }
  }
  return result;
}

/** The live copies of a placement, of one kind (by index in copyKinds) or all, in no particular order. */
export function placementCopies(context: RuleContext, placement: Placement, kindIndex?: number): Copy[] {
  const { location, destroyedDate, kind } = context.index.copyColumns;
  const copies: Copy[] = [];
  for (const { group } of placement.holdings)
    for (let j = 0; j < group.copies.length; j++) {
      const row = group.start + j;
      if (location[row] === placement.location && isLiveOn(destroyedDate[row]!, context.asOf) && (kindIndex === undefined || kind[row] === kindIndex)) copies.push(group.copies[j]!);
    }
  return copies;
}
