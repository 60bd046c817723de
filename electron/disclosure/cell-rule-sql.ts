import type { DisclosureProfile } from '../../shared/disclosure/profile';

/**
 * The profile's rule for one cell on its own (decideCell in shared/disclosure/cell-rules.ts), written
 * as SQL so that DuckDB can apply it to millions of counts without each becoming a JavaScript
 * object. Only for counts outside national rows: the fast path is not taken when a table marks
 * national rows. `count` is an SQL expression of type BIGINT, a whole number ≥ 0 (the caller has
 * checked it). test/integration/cell-rule-sql.test.ts compares both for every profile shape.
 */
export interface CellRuleSql {
  /** The published count as BIGINT, or NULL where the cell is suppressed. */
  published: string;
}

export function cellRuleSql(profile: DisclosureProfile, count: string): CellRuleSql {
  const suppressed: string[] = [];
  if (profile.zeros === 'suppress') suppressed.push(`${count} = 0`);
  const range = profile.suppression;
  // A zero is never in the range's sense: decideCell looks at zeros before the range.
  if (range) suppressed.push(`(${count} <> 0 AND ${count} BETWEEN ${whole(range.min)} AND ${whole(range.max)})`);
  const isSuppressed = suppressed.length > 0 ? suppressed.join(' OR ') : 'false';
  const rounded = profile.rounding ? roundedSql(count, profile.rounding.base, profile.rounding.tie) : count;
  return {
    published: `CASE WHEN ${isSuppressed} THEN NULL ELSE (${rounded}) END`,
  };
}

/** roundToBase for a count ≥ 0, in integer arithmetic (DuckDB's // is floor division on BIGINT). */
function roundedSql(count: string, base: number, tie: NonNullable<DisclosureProfile['rounding']>['tie']): string {
  const b = whole(base);
  const lower = `((${count} // ${b}) * ${b})`;
  const upper = `(${lower} + ${b})`;
  const twiceRemainder = `((${count} - ${lower}) * 2)`;
  // Counts are ≥ 0 here, so "away from zero" and "up" agree.
  const atTie = tie === 'half-down' ? lower : tie === 'half-to-even' ? `CASE WHEN (${count} // ${b}) % 2 = 0 THEN ${lower} ELSE ${upper} END` : upper;
  return `CASE WHEN ${twiceRemainder} < ${b} THEN ${lower} WHEN ${twiceRemainder} > ${b} THEN ${upper} ELSE ${atTie} END`;
}

/** A profile's number, checked again before it is written into SQL. */
function whole(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`a profile's number must be a whole number, not ${value}`);
  return String(value);
}
