/**
 * Words that often label a total without being declared as one (and the blank). Used where the
 * values alone are weak evidence: a row that equals the sum of the others in a single group may be a
 * coincidence (17, 17, 0), but an "All" row that does is a total the attacker can read.
 */
const totalLikeLabels = new Set([
  '',
  'all',
  'all persons',
  'all people',
  'persons',
  'people',
  'total',
  'totals',
  'grand total',
  'subtotal',
  'sub-total',
  'overall',
  'sum',
  'any',
  'everyone',
  'england',
  'national',
  'uk',
  'united kingdom',
  'great britain',
  'england and wales',
]);

export const isTotalLikeLabel = (label: string): boolean => totalLikeLabels.has(label.trim().toLocaleLowerCase('en-GB'));
