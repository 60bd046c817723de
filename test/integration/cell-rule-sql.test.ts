import { describe, expect, it } from 'vitest';
import { builtinProfiles, findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { decideCell } from '../../shared/disclosure/cell-rules';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import { cellRuleSql } from '../../electron/disclosure/cell-rule-sql';
import { withDuckDb } from '../../electron/disclosure/read/duckdb';

/**
 * DuckDB applies the per-cell rule in SQL for large tables; what it publishes for each count must
 * be what decideCell (the rule every other path uses) publishes, for every shape a profile can take.
 */
const base = findBuiltinProfile('nhs-secondary-care')!;
const shapes: DisclosureProfile[] = [
  ...builtinProfiles,
  ...(['half-away-from-zero', 'half-to-even', 'half-up', 'half-down'] as const).flatMap((tie) =>
    [2, 3, 10].map((b) => ({ ...base, id: `${tie}-${b}`, zeros: 'suppress' as const, suppression: { min: 2, max: 9 }, rounding: { base: b, tie } })),
  ),
  { ...base, id: 'no-rounding', rounding: null },
  { ...base, id: 'no-suppression', suppression: null, zeros: 'show' },
  { ...base, id: 'zeros-only', suppression: null, zeros: 'suppress', rounding: null },
];
const values = [...Array.from({ length: 2001 }, (_, i) => i), 99_995, 123_456_785, 999_999_999_999_999];

describe('the per-cell rule in SQL', () => {
  for (const profile of shapes) {
    it(`publishes what decideCell publishes under ${profile.id}`, async () => {
      const rule = cellRuleSql(profile, 'v');
      const rows = await withDuckDb(async (connection) =>
        (await connection.runAndReadAll(`SELECT v, ${rule.published} AS published FROM (SELECT unnest([${values.join(', ')}]::BIGINT[]) AS v) ORDER BY v`)).getRows(),
      );
      expect(rows).toHaveLength(values.length);
      for (const [v, published] of rows) {
        const expected = decideCell(Number(v), profile, false);
        expect({ v: Number(v), published: published === null ? null : Number(published) }).toEqual({ v: Number(v), published: expected.published });
      }
    });
  }
});
