import { buildAttackModel, type AttackModel, type UndeclaredTotal } from './attack-model';
import { attackerKnowledge } from './attacker';
import type { LpModel, LpSolver } from './linear-program';
import { attackSystem, type AttackSystem, type Component, type SystemRow, type Target } from './attack-system';
import { attackPartOfRelease, attackPartOfSubject, linkRows, type AttackPart } from './attack-parts';
import type { RatioConstraint } from './percentages';
import type { Publication } from './publication';
import type { ReleasedTable } from './released-table';
import type { DisclosureSubject } from './subject';

/**
 * The attacker's audit. For every primary-suppressed cell, find how many whole values its true count
 * can still take, given everything published: exact cells, rounded cells as intervals, the marker's
 * range, every additive relation the table has (attack-model.ts, derived independently of the
 * protection), published percentages as exact ratio constraints, non-negativity, and the tables
 * already released from the same holding (linked through their common margins). The cell is
 * protected if it can take at least the profile's protection width of values; a primary cell of an
 * earlier release must keep that release's width.
 *
 * The unknowns are whole numbers. Where the relations are certainly totally unimodular
 * (unimodular.ts) the linear relaxation is exact: every whole value between its minimum and maximum
 * is attainable. Elsewhere (3-D tables, percentages, linked tables) the relaxation is only a first
 * filter, and an integer program (HiGHS's branch and bound) finds the true minimum and maximum and
 * then asks, value by value, which whole values in between are attainable.
 */
export interface PrimaryCellAudit {
  cell: number;
  /** The attacker's interval; internal only, never written into a report. */
  low: number;
  high: number;
  /** How many whole values the cell could still take: Infinity when unbounded above. */
  possibleValues: number;
  passed: boolean;
  /** Whether a solver was needed (false: the cell is in no relation with other unknowns). */
  solved: boolean;
  /** Whether the count came from an integer program. */
  integer: boolean;
}

export interface LinkedReleaseAudit {
  name: string;
  /** False when the release cannot tabulate the same records as this table (its margins disagree). */
  linked: boolean;
  /** Its primary cells that this table, together with it, would narrow below its width. */
  failures: { cell: number; possibleValues: number }[];
}

export interface AuditResult {
  passed: boolean;
  protectionWidth: number;
  cells: PrimaryCellAudit[];
  solverCalls: number;
  solver: string;
  /** Labels the values show to be totals although they were not declared. */
  undeclaredTotals: UndeclaredTotal[];
  /** The earlier releases from the same holding this table was audited with. */
  linkedReleases: LinkedReleaseAudit[];
}

const tolerance = 1e-6;
/** Per optimisation of an integer program; past it the cell is not proved safe, so it fails. */
const integerTimeLimitSeconds = 20;
/** Values probed one by one between a cell's ends; a cell still short of its width after these fails. */
const maxProbes = 200;

export function countPossibleValues(low: number, high: number): number {
  if (high === Infinity || low === -Infinity) return Infinity;
  return Math.max(0, Math.floor(high + tolerance) - Math.ceil(low - tolerance) + 1);
}

const models = new WeakMap<DisclosureSubject, AttackModel>();

/** The attacker's model of the subject's table, built once per table. */
export function attackModelOf(subject: DisclosureSubject): AttackModel {
  let model = models.get(subject);
  if (!model) models.set(subject, (model = buildAttackModel(subject.table, subject.options, subject.values)));
  return model;
}

export function auditPublication(
  subject: DisclosureSubject,
  publication: Publication,
  solver: LpSolver,
  cellsToAudit?: readonly number[],
  ratios: readonly RatioConstraint[] = [],
  earlierReleases: readonly ReleasedTable[] = [],
): AuditResult {
  const width = subject.profile.protectionWidth;
  const model = attackModelOf(subject);
  const current = attackPartOfSubject(subject, model, attackerKnowledge(subject, publication));
  const { parts, links, linkedReleases } = linkEarlierReleases(current, model, earlierReleases, solver);
  const system = attackSystem(parts, links, ratios);

  const targets: Target[] = (cellsToAudit ?? primaryCells(publication)).map((cell) => ({ part: 0, cell, width }));
  parts.forEach((part, p) => {
    if (p > 0) for (const cell of part.primaryCells) targets.push({ part: p, cell, width: part.protectionWidth });
  });
  const { results, solverCalls } = auditTargets(system, targets, solver);

  const cells: PrimaryCellAudit[] = [];
  results.forEach((result, i) => {
    const target = targets[i]!;
    if (target.part === 0) cells.push(result);
    else if (!result.passed) {
      const release = linkedReleases.find((r) => r.name === parts[target.part]!.name)!;
      release.failures.push({ cell: target.cell, possibleValues: result.possibleValues });
    }
  });
  cells.sort((a, b) => a.cell - b.cell);
  return {
    passed: cells.every((r) => r.passed) && linkedReleases.every((r) => r.failures.length === 0),
    protectionWidth: width,
    cells,
    solverCalls,
    solver: solver.name,
    undeclaredTotals: model.undeclaredTotals,
    linkedReleases,
  };
}

export function primaryCells(publication: Publication): number[] {
  const cells: number[] = [];
  for (let cell = 0; cell < publication.size; cell++) if (publication.reason(cell) === 'primary') cells.push(cell);
  return cells;
}

/**
 * Adds the earlier releases one by one, each linked to this table and to the releases before it
 * through their common margins, keeping a release's links only if this table's true counts fit them
 * (a release of other records, or of a different period, is not the same tabulation).
 */
function linkEarlierReleases(current: AttackPart, model: AttackModel, releases: readonly ReleasedTable[], solver: LpSolver) {
  const parts: AttackPart[] = [current];
  const links: SystemRow[][] = [];
  const linkedReleases: LinkedReleaseAudit[] = [];
  for (const release of releases) {
    const part = attackPartOfRelease(release);
    const candidate = [...parts, part];
    const newLinks = parts.flatMap((_, o) => linkRows(candidate, o, parts.length));
    const fits = newLinks.length > 0 && truthFits(candidate, [...links.flat(), ...newLinks], model, solver);
    linkedReleases.push({ name: release.name, linked: fits, failures: [] });
    if (!fits) continue;
    parts.push(part);
    links.push(newLinks);
  }
  return { parts, links: links.flat(), linkedReleases };
}

/** Whether this table's true counts are consistent with the releases and the links: one feasibility program. */
function truthFits(parts: AttackPart[], links: SystemRow[], model: AttackModel, solver: LpSolver): boolean {
  const truth = { ...parts[0]!, leafLower: model.leafValue, leafUpper: model.leafValue };
  const system = attackSystem([truth, ...parts.slice(1)], links, []);
  const program = system.wholeProgram();
  if (program.rows.length === 0) return true;
  const lp = solver.load(program);
  try {
    return lp.optimise({ columns: [], coefficients: [] }, 'minimise').status === 'optimal';
  } finally {
    lp.dispose();
  }
}

function judge(cell: number, low: number, high: number, width: number, solved: boolean, integer: boolean): PrimaryCellAudit {
  const possibleValues = countPossibleValues(low, high);
  return { cell, low, high, possibleValues, passed: possibleValues >= width, solved, integer };
}

function auditTargets(system: AttackSystem, targets: Target[], solver: LpSolver): { results: PrimaryCellAudit[]; solverCalls: number } {
  const results: PrimaryCellAudit[] = new Array<PrimaryCellAudit>(targets.length);
  let solverCalls = 0;
  const forms = targets.map((target) => system.formOf(target));
  // An aggregate's leaves belong together even when its own published value says nothing.
  for (const form of forms) for (const leaf of form.leaves) system.union(form.leaves[0]!, leaf);
  const groups = new Map<number, number[]>();
  forms.forEach((form, i) => {
    const { cell, width } = targets[i]!;
    if (form.leaves.length === 0) {
      results[i] = judge(cell, form.constant, form.constant, width, false, false);
      return;
    }
    const root = system.find(form.leaves[0]!);
    if (form.leaves.length === 1 && !system.hasRows(root)) {
      // In no relation with other unknowns: the attacker knows only its own interval.
      const leaf = form.leaves[0]!;
      results[i] = judge(cell, system.lower[leaf]! + form.constant, system.upper[leaf]! + form.constant, width, false, false);
      return;
    }
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(i);
  });
  for (const [root, indexes] of groups) {
    const component = system.component(
      root,
      indexes.map((i) => targets[i]!),
    );
    const outcome = auditComponent(
      component,
      indexes.map((i) => targets[i]!),
      solver,
    );
    solverCalls += outcome.solverCalls;
    outcome.results.forEach((result, k) => (results[indexes[k]!] = result));
  }
  return { results, solverCalls };
}

function auditComponent(component: Component, targets: Target[], solver: LpSolver): { results: PrimaryCellAudit[]; solverCalls: number } {
  const results: PrimaryCellAudit[] = new Array<PrimaryCellAudit>(targets.length);
  let solverCalls = 0;
  const objectiveOf = (target: Target) => {
    const form = component.formOf(target);
    return { objective: { columns: form.leaves.map((leaf) => component.columnOf.get(leaf)!), coefficients: form.leaves.map(() => 1) }, constant: form.constant };
  };

  // The linear relaxation: exact when unimodular, otherwise a bound the integer program tightens.
  const relaxed: { low: number; high: number }[] = [];
  const lp = solver.load(component.program);
  try {
    for (const target of targets) {
      const { objective, constant } = objectiveOf(target);
      const min = lp.optimise(objective, 'minimise');
      const max = lp.optimise(objective, 'maximise');
      solverCalls += 2;
      const low = min.status === 'optimal' ? min.objective + constant : min.status === 'unbounded' ? -Infinity : Number.NaN;
      const high = max.status === 'optimal' ? max.objective + constant : max.status === 'unbounded' ? Infinity : Number.NaN;
      relaxed.push({ low, high });
    }
  } finally {
    lp.dispose();
  }

  const needInteger: number[] = [];
  targets.forEach((target, i) => {
    const { low, high } = relaxed[i]!;
    if (Number.isNaN(low) || Number.isNaN(high)) {
      // A published table always admits the true counts, so this is a solver failure: fail safe.
      results[i] = { cell: target.cell, low: 0, high: 0, possibleValues: 0, passed: false, solved: true, integer: false };
    } else if (component.unimodular || countPossibleValues(low, high) < target.width) {
      results[i] = judge(target.cell, low, high, target.width, true, false);
    } else {
      needInteger.push(i);
    }
  });
  if (needInteger.length === 0) return { results, solverCalls };

  // One probe row per cell: bounding it to a single value asks whether that value is attainable.
  const probes = needInteger.map((i) => {
    const { objective } = objectiveOf(targets[i]!);
    return { lower: -Infinity, upper: Infinity, columns: objective.columns, coefficients: objective.coefficients };
  });
  const firstProbe = component.program.rows.length;
  const mip: LpModel = solver.load({
    ...component.program,
    rows: [...component.program.rows, ...probes],
    integer: true,
    timeLimitSeconds: integerTimeLimitSeconds,
  });
  try {
    needInteger.forEach((i, k) => {
      const target = targets[i]!;
      const { objective, constant } = objectiveOf(target);
      const min = mip.optimise(objective, 'minimise');
      const max = mip.optimise(objective, 'maximise');
      solverCalls += 2;
      if (min.status !== 'optimal' || (max.status !== 'optimal' && max.status !== 'unbounded')) {
        // Not proved within the time limit: not proved safe.
        results[i] = { cell: target.cell, low: 0, high: 0, possibleValues: 0, passed: false, solved: true, integer: true };
        return;
      }
      const low = Math.round(min.objective) + constant;
      const high = max.status === 'unbounded' ? Infinity : Math.round(max.objective) + constant;
      // Unbounded above in whole numbers: arbitrarily large values are attainable, so enough of them.
      if (high === Infinity || countPossibleValues(low, high) < target.width) {
        results[i] = judge(target.cell, low, high, target.width, true, true);
        return;
      }
      // Whole values between the ends may still be unattainable (a percentage allows only some):
      // count the attainable ones until there are enough. The ends are attainable.
      let attainable = high === low ? 1 : 2;
      const empty = { columns: [], coefficients: [] };
      for (let v = low + 1, probed = 0; attainable < target.width && v < high && probed < maxProbes; v++, probed++) {
        mip.setRowBounds(firstProbe + k, v - constant, v - constant);
        const probe = mip.optimise(empty, 'minimise');
        solverCalls++;
        if (probe.status === 'optimal') attainable++;
      }
      mip.setRowBounds(firstProbe + k, -Infinity, Infinity);
      results[i] = { cell: target.cell, low, high, possibleValues: attainable, passed: attainable >= target.width, solved: true, integer: true };
    });
  } finally {
    mip.dispose();
  }
  return { results, solverCalls };
}
