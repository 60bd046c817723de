import loadHighs from 'highs';
import type { IntegerModel, LinearConstraint } from './integer-model';

/**
 * HiGHS (the `highs` package, used directly) as the attacker's integer-program solver. Each solve
 * is one fresh native instance fed LP text; every solution it returns is rounded and checked
 * exactly against the model before it is believed.
 *
 * The linear relaxation is tried first, as a shortcut only: if it is infeasible, so is the integer
 * program; if its optimum is a whole-number point that passes the exact check, that point is an
 * integer solution as good as the relaxation's bound, hence optimal. Otherwise the integer program
 * is solved.
 */
type Highs = Awaited<ReturnType<typeof loadHighs>>;

let loading: Promise<Highs> | null = null;
const highs = () => (loading ??= loadHighs());

export type MipOutcome = { feasible: true; values: number[] } | { feasible: false };

export async function optimise(
  model: IntegerModel,
  objective: { variable: number; sense: 'min' | 'max' },
  ceiling: number,
  extra: readonly LinearConstraint[] = [],
): Promise<MipOutcome> {
  const solver = await highs();
  const lp = model.toLp(objective, ceiling, extra);
  const relaxed = solver.solve(lp.replace(/\nGeneral\n[\s\S]*\nEnd\n$/, '\nEnd\n'), { output_flag: false });
  if (relaxed.Status === 'Infeasible') return { feasible: false };
  if (relaxed.Status === 'Optimal') {
    const values = primal(model, relaxed.Columns);
    const whole = model.names.every((_, v) => Math.abs((relaxed.Columns[`x${v}`] as { Primal: number }).Primal - values[v]!) < 1e-7);
    if (whole && Math.abs(relaxed.ObjectiveValue - values[objective.variable]!) < 1e-7 && model.violations(values, extra).length === 0) {
      return { feasible: true, values };
    }
  }
  const result = solver.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: 60 });
  if (result.Status === 'Infeasible') return { feasible: false };
  if (result.Status !== 'Optimal') throw new Error(`HiGHS ended with "${result.Status}" on the attacker's program:\n${lp}`);
  const values = primal(model, result.Columns);
  const broken = model.violations(values, extra);
  if (broken.length > 0) throw new Error(`HiGHS returned a solution that breaks the attacker's own model: ${broken.slice(0, 5).join('; ')}`);
  return { feasible: true, values };
}

/** Each variable's value, rounded to the whole number it stands for (and −0 read as 0). */
const primal = (model: IntegerModel, columns: Record<string, unknown>): number[] =>
  model.names.map((_, v) => Math.round((columns[`x${v}`] as { Primal: number } | undefined)?.Primal ?? Number.NaN) + 0);
