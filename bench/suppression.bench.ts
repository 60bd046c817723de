// npm run bench:suppression — refusal rates and complementary-cell counts on random tables.
//
// For each table shape (2-D with margins, hierarchical region/area with subtotals, 3-D long with all
// margins) a fixed-seed set of random tables is protected with each profile through discloseTable,
// the product's own path. Printed:
//  1. the refusal rate (the attacker's audit fails) per profile and shape;
//  2. for the profiles with complementary suppression, the mean number of complementary cells the
//     heuristic alone chooses, the number the product now chooses (the exact minimum where it is
//     proved within the time limit, the heuristic otherwise), and the proven lower bound, as ratios.
// A benchmark, not a test: it prints figures; the counts do not depend on the machine, the times do.
import { performance } from 'node:perf_hooks';
import { auditPublication } from '../shared/disclosure/audit';
import { findBuiltinProfile } from '../shared/disclosure/builtin-profiles';
import { decideCell } from '../shared/disclosure/cell-rules';
import { discloseTable } from '../shared/disclosure/disclose';
import type { LpSolver } from '../shared/disclosure/linear-program';
import type { DisclosureProfile } from '../shared/disclosure/profile';
import { Publication } from '../shared/disclosure/publication';
import { exactSuppressionDefaults } from '../shared/disclosure/optimal-suppression';
import { addComplementarySuppressions } from '../shared/disclosure/secondary-suppression';
import { analyseStructure } from '../shared/disclosure/structure';
import { buildSubject } from '../shared/disclosure/subject';
import { defaultTableOptions, type CountTable } from '../shared/disclosure/table';
import { loadHighsSolver } from '../electron/disclosure/highs-solver';

const TABLES_PER_SHAPE = 20;

/** A deterministic generator, so every run measures the same tables. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Counts like activity data by small area: some zeros, a share of small counts, a long tail. */
function count(random: () => number): number {
  const r = random();
  if (r < 0.06) return 0;
  if (r < 0.26) return 1 + Math.floor(random() * 9);
  return 10 + Math.floor(random() * random() * 400);
}

const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/**
 * A long table over the product of the label sets, with a Total for every combination of
 * dimensions (all margins), every total computed from the interior.
 */
function crossTable(labels: string[][], names: string[], random: () => number): CountTable {
  const interior = new Map<string, number>();
  const rows: CountTable['rows'] = [];
  const each = (d: number, prefix: string[], visit: (cell: string[]) => void): void => {
    if (d === labels.length) return visit(prefix);
    for (const label of [...labels[d]!, 'Total']) each(d + 1, [...prefix, label], visit);
  };
  each(0, [], (cell) => {
    if (!cell.includes('Total')) interior.set(cell.join('|'), count(random));
  });
  each(0, [], (cell) => {
    let sum = 0;
    for (const [key, n] of interior) if (key.split('|').every((label, d) => cell[d] === 'Total' || cell[d] === label)) sum += n;
    rows.push({ labels: cell, counts: [sum], sourceRow: rows.length + 2 });
  });
  return { labelColumns: names, countColumns: ['count'], rows };
}

/** Regions holding areas, counts by sex; subtotals per area, per region and a grand total. */
function hierarchical(random: () => number): CountTable {
  const regions = between(random, 2, 6);
  const sexes = between(random, 2, 3);
  const rows: CountTable['rows'] = [];
  const push = (labels: string[], n: number) => rows.push({ labels, counts: [n], sourceRow: rows.length + 2 });
  const grand = new Array<number>(sexes).fill(0);
  for (let r = 1; r <= regions; r++) {
    const regionTotals = new Array<number>(sexes).fill(0);
    const areas = between(random, 2, 8);
    for (let a = 1; a <= areas; a++) {
      let areaTotal = 0;
      for (let s = 0; s < sexes; s++) {
        const n = count(random);
        push([`Region${r}`, `R${r}A${a}`, `S${s + 1}`], n);
        areaTotal += n;
        regionTotals[s]! += n;
      }
      push([`Region${r}`, `R${r}A${a}`, 'Total'], areaTotal);
    }
    regionTotals.forEach((n, s) => push([`Region${r}`, 'Total', `S${s + 1}`], n));
    push([`Region${r}`, 'Total', 'Total'], regionTotals.reduce((x, y) => x + y, 0));
    regionTotals.forEach((n, s) => (grand[s]! += n));
  }
  grand.forEach((n, s) => push(['Total', 'Total', `S${s + 1}`], n));
  push(['Total', 'Total', 'Total'], grand.reduce((x, y) => x + y, 0));
  return { labelColumns: ['region', 'area', 'sex'], countColumns: ['count'], rows };
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

const shapes: { name: string; seed: number; make: (random: () => number) => CountTable }[] = [
  { name: '2-D with margins', seed: 101, make: (random) => crossTable([names('A', between(random, 4, 18)), names('C', between(random, 3, 12))], ['area', 'category'], random) },
  { name: 'hierarchical', seed: 202, make: hierarchical },
  {
    name: '3-D long, all margins',
    seed: 303,
    make: (random) => crossTable([names('A', between(random, 2, 5)), names('M', between(random, 2, 4)), names('S', 2)], ['area', 'month', 'sex'], random),
  },
];

const refusalProfiles = ['nhs-secondary-care', 'nhs-community-mental-health', 'nhs-small-numbers-1-5', 'threshold-10'];
const suppressionProfiles = new Set(['nhs-small-numbers-1-5', 'threshold-10']);

/** The heuristic on its own, from the same primary suppressions discloseTable starts from. */
function heuristicCount(table: CountTable, profile: DisclosureProfile, solver: LpSolver): { count: number; passed: boolean } {
  const subject = buildSubject(table, defaultTableOptions, analyseStructure(table, defaultTableOptions), profile);
  const publication = new Publication(subject.values.length);
  for (let cell = 0; cell < publication.size; cell++) {
    const decision = decideCell(subject.values[cell]!, profile, false);
    publication.set(cell, decision.published, decision.reason);
  }
  const result = addComplementarySuppressions(subject, publication, solver);
  const passed = (result.finalAudit ?? auditPublication(subject, publication, solver)).passed;
  return { count: publication.count('secondary'), passed };
}

interface Row {
  tables: number;
  cells: number;
  refused: number;
  heuristic: number;
  chosen: number;
  bound: number;
  proved: number;
  compared: number;
  seconds: number;
}

async function main(): Promise<void> {
  const solver = await loadHighsSolver();
  const started = performance.now();
  const results = new Map<string, Row>();
  for (const shape of shapes) {
    const random = lcg(shape.seed);
    const tables = Array.from({ length: TABLES_PER_SHAPE }, () => shape.make(random));
    for (const id of refusalProfiles) {
      const profile = findBuiltinProfile(id)!;
      const row: Row = { tables: 0, cells: 0, refused: 0, heuristic: 0, chosen: 0, bound: 0, proved: 0, compared: 0, seconds: 0 };
      for (const table of tables) {
        const start = performance.now();
        const outcome = discloseTable(table, profile, defaultTableOptions, solver);
        row.seconds += (performance.now() - start) / 1000;
        row.tables++;
        row.cells += outcome.publication.size;
        if (!outcome.audit.passed) row.refused++;
        const secondary = outcome.secondary;
        if (suppressionProfiles.has(id) && secondary) {
          const heuristic = heuristicCount(table, profile, solver);
          // Only tables both methods protect are compared: a refused table's count means nothing.
          if (heuristic.passed && outcome.audit.passed) {
            row.compared++;
            row.heuristic += heuristic.count;
            row.chosen += secondary.complementary ?? 0;
            row.bound += secondary.lowerBound ?? 0;
            if (secondary.method === 'exact') row.proved++;
          }
        }
      }
      results.set(`${shape.name}\u0000${id}`, row);
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');

  const pad = (text: string, width: number) => text.padEnd(width);
  const percent = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(0)} %`);
  console.log(`Random tables, ${TABLES_PER_SHAPE} per shape (fixed seeds)\n`);
  console.log('1. Refusal rate (the attacker’s audit fails), per profile and shape; time: discloseTable, all tables');
  console.log(`   ${pad('shape', 24)}${pad('profile', 30)}${pad('mean cells', 12)}${pad('refused', 14)}time`);
  for (const shape of shapes) {
    for (const id of refusalProfiles) {
      const row = results.get(`${shape.name}\u0000${id}`)!;
      console.log(
        `   ${pad(shape.name, 24)}${pad(id, 30)}${pad((row.cells / row.tables).toFixed(0), 12)}${pad(`${row.refused}/${row.tables} (${percent(row.refused, row.tables)})`, 14)}${row.seconds.toFixed(1)} s`,
      );
    }
  }
  console.log('\n2. Complementary cells, mean per protected table (tables both methods protect)');
  console.log(`   heuristic: secondary-suppression.ts alone; chosen: what discloseTable now publishes (the exact minimum`);
  console.log(`   within ${exactSuppressionDefaults.timeLimitSeconds} s, else the better of the heuristic and its repair of the exact search's last pattern);`);
  console.log('   bound: the lower bound the exact search proved (equal to chosen where proved optimal).');
  console.log(`   ${pad('shape', 24)}${pad('profile', 24)}${pad('tables', 8)}${pad('heuristic', 11)}${pad('chosen', 9)}${pad('bound', 8)}${pad('heur./chosen', 14)}${pad('heur./bound', 13)}${pad('chosen/bound', 14)}proved optimal`);
  for (const shape of shapes) {
    for (const id of suppressionProfiles) {
      const row = results.get(`${shape.name}\u0000${id}`)!;
      const n = row.compared || 1;
      const ratio = (x: number) => (row.bound === 0 ? '—' : (x / row.bound).toFixed(2));
      console.log(
        `   ${pad(shape.name, 24)}${pad(id, 24)}${pad(String(row.compared), 8)}${pad((row.heuristic / n).toFixed(2), 11)}${pad((row.chosen / n).toFixed(2), 9)}${pad((row.bound / n).toFixed(2), 8)}${pad(row.chosen === 0 ? '—' : (row.heuristic / row.chosen).toFixed(2), 14)}${pad(ratio(row.heuristic), 13)}${pad(ratio(row.chosen), 14)}${row.proved}/${row.compared}`,
      );
    }
  }
  console.log(`\nTotal time ${((performance.now() - started) / 1000).toFixed(0)} s (${solver.name})`);
}

await main();
