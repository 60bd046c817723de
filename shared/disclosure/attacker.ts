import { preimageOfPublished, primarySuppressedInterval } from './cell-rules';
import type { Publication } from './publication';
import { markerLowerBound, secondaryInPlay, type DisclosureSubject } from './subject';

/**
 * What an attacker who knows the profile can say about each true count from the published table
 * alone: an interval per cell. Exact cells have lower = upper. This is the attacker's whole
 * knowledge apart from the totals equations and non-negativity.
 */
export interface AttackerKnowledge {
  lower: Float64Array;
  upper: Float64Array;
}

export function attackerKnowledge(subject: DisclosureSubject, publication: Publication): AttackerKnowledge {
  const { profile, structure } = subject;
  const size = publication.size;
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  const primaryInterval = primarySuppressedInterval(profile);
  const marker = secondaryInPlay(subject)
    ? { low: markerLowerBound(profile), high: Infinity }
    : (primaryInterval ?? { low: 0, high: Infinity });
  const totalsTellNothing = profile.totals === 'sum-of-published';
  const preimages = new Map<number, { low: number; high: number }>();

  for (let cell = 0; cell < size; cell++) {
    const published = publication.value(cell);
    let low: number;
    let high: number;
    if (publication.reason(cell) === 'national') {
      low = high = published!;
    } else if (totalsTellNothing && structure.totalDepth[cell]! > 0) {
      // A total recomputed from the published cells says nothing new about the true counts.
      low = 0;
      high = Infinity;
    } else if (published === null) {
      low = marker.low;
      high = marker.high;
    } else {
      let preimage = preimages.get(published);
      if (!preimage) preimages.set(published, (preimage = preimageOfPublished(published, profile)));
      low = preimage.low;
      high = preimage.high;
    }
    lower[cell] = low;
    upper[cell] = high;
  }
  return { lower, upper };
}
