import fc from 'fast-check';
import type { CellRef } from './independent-attacker/cell-ref';
import { hierarchy, hypercube, nationalTable, type Dimension, type TrueTable } from './attack-shapes';

/**
 * Random tables of every shape issue 10 names, with small counts in plenty (most 0–9) so that the
 * dangerous cases occur, and at most about 60 cells so that the attacker's programs stay quick.
 */
export const count = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 9 }), weight: 6 },
  { arbitrary: fc.integer({ min: 10, max: 40 }), weight: 3 },
  { arbitrary: fc.integer({ min: 41, max: 300 }), weight: 1 },
);

export const profileIds = ['nhs-secondary-care', 'nhs-community-mental-health', 'nhs-small-numbers-1-5', 'threshold-10', 'opensafely'] as const;
export const profileId = fc.constantFrom(...profileIds);

const grid = (rows: { min: number; max: number }, columns: { min: number; max: number }) =>
  fc
    .tuple(fc.integer(rows), fc.integer(columns))
    .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

const dims = (names: [string, string], sizes: [number, number], totals: [string | null, string | null], prefixes: [string, string]): Dimension[] =>
  names.map((name, d) => ({ name, categories: Array.from({ length: sizes[d]! }, (_, i) => `${prefixes[d]}${i + 1}`), total: totals[d]! }));

/** Area × sex with row and column totals, long (`area,sex,count`) or wide (`area,S1,S2,Total`). */
export const twoWay = fc.record({ cells: grid({ min: 2, max: 5 }, { min: 2, max: 5 }), wide: fc.boolean() }).map(({ cells, wide }) =>
  hypercube({
    release: 'table',
    dimensions: dims(['area', 'sex'], [cells.length, cells[0]!.length], ['Total', 'Total'], ['Area', 'S']),
    value: ([a, s]) => cells[a!]![s!]!,
    wide,
  }),
);

/** Areas' counts: one (long) or one per sex (wide with a Total column), the same width everywhere. */
const regionsOfAreas = (regions: { min: number; max: number }, areas: { min: number; max: number }) =>
  fc
    .integer({ min: 1, max: 3 })
    .chain((sexes) => fc.array(fc.array(fc.array(count, { minLength: sexes, maxLength: sexes }), { minLength: areas.min, maxLength: areas.max }), { minLength: regions.min, maxLength: regions.max }));

/** Regions of areas with a subtotal per region and a grand total. */
export const hierarchical = regionsOfAreas({ min: 2, max: 4 }, { min: 2, max: 4 }).map((areas) => hierarchy({ areas, subtotals: true, grand: 'Total,Total' }));

/** Regions of areas with only a grand total beneath them: `Total,Total,n` or `Total,,n`. */
export const grandTotalOnly = fc
  .record({ areas: regionsOfAreas({ min: 2, max: 3 }, { min: 1, max: 3 }), grand: fc.constantFrom('Total,Total' as const, 'Total,' as const) })
  .map(({ areas, grand }) => hierarchy({ areas, subtotals: false, grand }));

/** Three dimensions, long, with every margin. */
export const threeWay = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }), fc.constant(2))
  .chain(([a, b, c]) => fc.array(count, { minLength: a * b * c, maxLength: a * b * c }).map((values) => ({ sizes: [a, b, c], values })))
  .map(({ sizes, values }) =>
    hypercube({
      release: 'table',
      dimensions: [
        { name: 'area', categories: Array.from({ length: sizes[0]! }, (_, i) => `Area${i + 1}`), total: 'Total' },
        { name: 'age', categories: Array.from({ length: sizes[1]! }, (_, i) => `Age${i + 1}`), total: 'Total' },
        { name: 'sex', categories: ['F', 'M'], total: 'Total' },
      ],
      value: ([a, b, c]) => values[(a! * sizes[1]! + b!) * sizes[2]! + c!]!,
    }),
  );

/** Sub-national areas and an `England` row that is their sum, in 1-D or 2-D. */
export const national = fc
  .record({ areas: grid({ min: 2, max: 5 }, { min: 1, max: 3 }), sexTotal: fc.boolean() })
  .map(({ areas, sexTotal }) => nationalTable({ areas, sexTotal }));

/**
 * Wide with a Total column (and maybe a Total row), for percentages. Rows are mostly one small
 * count beside larger ones (`6,9,85`), the case where a share pins the small count.
 */
const shareCount = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 7 }), weight: 3 },
  { arbitrary: fc.integer({ min: 8, max: 30 }), weight: 2 },
  { arbitrary: fc.integer({ min: 31, max: 150 }), weight: 3 },
);

export const withPercentages = fc
  .record({
    cells: fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }))
      .chain(([r, c]) => fc.array(fc.array(shareCount, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
    totalRow: fc.boolean(),
  })
  .map(({ cells, totalRow }) => ({
    ...hypercube({
      release: 'table',
      dimensions: dims(['area', 'group'], [cells.length, cells[0]!.length], [totalRow ? 'Total' : null, 'Total'], ['Area', 'G']),
      value: ([a, g]) => cells[a!]![g!]!,
      wide: true,
    }),
    percentagesOf: 'Total',
  }));

/** Profiles whose percentages come from true counts are the ones a share can give away. */
export const percentageProfileId = fc.oneof(
  { arbitrary: fc.constantFrom('nhs-secondary-care', 'nhs-community-mental-health'), weight: 3 },
  { arbitrary: profileId, weight: 1 },
);

/** `Total` on the area dimension and `All` on the sex dimension; the product is told both, or only one. */
export const twoLabels = fc
  .record({ cells: grid({ min: 2, max: 4 }, { min: 2, max: 3 }), wide: fc.boolean(), told: fc.constantFrom<string[]>(['Total', 'All'], ['Total'], ['All']) })
  .map(({ cells, wide, told }) => ({
    table: hypercube({
      release: 'table',
      dimensions: dims(['area', 'sex'], [cells.length, cells[0]!.length], ['Total', 'All'], ['Area', 'S']),
      value: ([a, s]) => cells[a!]![s!]!,
      wide,
    }),
    totalLabels: told,
  }));

/**
 * The same microdata (region × sex × age band) tabulated twice: region × sex, then region × age
 * band, each with its margins. Each published cell is a sum of microdata cells.
 */
export const linked = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 3 }))
  .chain(([regions, ages]) => fc.array(count, { minLength: regions * 2 * ages, maxLength: regions * 2 * ages }).map((values) => ({ regions, ages, values })))
  .map(({ regions, ages, values }): TrueTable[] => {
    const regionNames = Array.from({ length: regions }, (_, i) => `Region${i + 1}`);
    const sexNames = ['F', 'M'];
    const ageNames = Array.from({ length: ages }, (_, i) => `Age${i + 1}`);
    const micro = (r: number, s: number, a: number) => values[(r * 2 + s) * ages + a]!;
    const microRef = (r: number, s: number, a: number): CellRef => ({ release: 'microdata', labels: [regionNames[r]!, sexNames[s]!, ageNames[a]!], column: 'count' });
    const bySex = hypercube({
      release: 'first',
      dimensions: [
        { name: 'region', categories: regionNames, total: 'Total' },
        { name: 'sex', categories: sexNames, total: 'Total' },
      ],
      value: ([r, s]) => ageNames.reduce((sum, _, a) => sum + micro(r!, s!, a), 0),
      finest: ([r, s]) => ageNames.map((_, a) => ({ ref: microRef(r!, s!, a), count: micro(r!, s!, a) })),
    });
    const byAge = hypercube({
      release: 'second',
      dimensions: [
        { name: 'region', categories: regionNames, total: 'Total' },
        { name: 'age', categories: ageNames, total: 'Total' },
      ],
      value: ([r, a]) => sexNames.reduce((sum, _, s) => sum + micro(r!, s, a!), 0),
      finest: ([r, a]) => sexNames.map((_, s) => ({ ref: microRef(r!, s, a!), count: micro(r!, s, a!) })),
    });
    return [bySex, byAge];
  });
