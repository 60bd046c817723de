import loadHighs, { type Highs, type Model as HighsModel } from 'highs';
import type { LinearProgram, LpModel, LpOutcome, LpSolver } from '../../shared/disclosure/linear-program';

/**
 * The attacker's linear programs solved by HiGHS (University of Edinburgh), compiled to WebAssembly:
 * a real, exact simplex solver rather than a hand-rolled one. Loaded once per process (or worker).
 */
let loading: Promise<Highs> | null = null;

export async function loadHighsSolver(): Promise<LpSolver> {
  loading ??= loadHighs();
  return new HighsSolver(await loading);
}

class HighsSolver implements LpSolver {
  readonly name: string;

  constructor(private readonly highs: Highs) {
    this.name = `HiGHS ${highs.version.string}`;
  }

  load(program: LinearProgram): LpModel {
    const { highs } = this;
    const numCols = program.columnLower.length;
    const numRows = program.rows.length;
    const starts = new Int32Array(numRows + 1);
    let nonzeros = 0;
    program.rows.forEach((row, i) => {
      nonzeros += row.columns.length;
      starts[i + 1] = nonzeros;
    });
    const indices = new Int32Array(nonzeros);
    const values = new Float64Array(nonzeros);
    let k = 0;
    for (const row of program.rows) {
      for (let j = 0; j < row.columns.length; j++) {
        indices[k] = row.columns[j]!;
        values[k++] = row.coefficients[j]!;
      }
    }
    const model = highs.createModel({
      numCols,
      numRows,
      colCost: new Float64Array(numCols),
      colLower: Float64Array.from(program.columnLower),
      colUpper: Float64Array.from(program.columnUpper),
      rowLower: Float64Array.from(program.rows, (r) => r.lower),
      rowUpper: Float64Array.from(program.rows, (r) => r.upper),
      matrix: { format: 'csr', numRows, numCols, starts, indices, values },
      ...(program.integer ? { integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer) } : {}),
    });
    const timeLimit: Record<string, number> = program.timeLimitSeconds ? { time_limit: program.timeLimitSeconds } : {};
    if (program.integer) {
      // Exact optima: the audit counts whole values, so no relative gap may be left open.
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, ...timeLimit });
    } else {
      // The audit re-optimises one model for many objectives: primal simplex from the previous basis
      // (still primal feasible after a cost change) with presolve off is several times faster.
      model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4, ...timeLimit });
    }
    let costed: number[] = [];
    const status = highs.constants.modelStatus;

    return {
      optimise(objective, sense, withValues = false): LpOutcome {
        for (const column of costed) model.changeColCost(column, 0);
        objective.columns.forEach((column, i) => model.changeColCost(column, objective.coefficients[i]!));
        costed = objective.columns;
        model.changeObjectiveSense(sense === 'minimise' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize);
        model.run();
        const code = model.getModelStatus();
        const bound = program.integer ? provedBound(model) : undefined;
        const withBound = bound === undefined ? {} : { bound };
        if (code === status.optimal) {
          return {
            status: 'optimal',
            objective: model.getObjectiveValue(),
            values: withValues ? Float64Array.from(model.getSolution().colValue) : null,
            ...withBound,
          };
        }
        if (code === status.timeLimit) return { status: 'failed', objective: Number.NaN, values: null, ...withBound };
        // With no objective a program cannot be unbounded: "unbounded or infeasible" is infeasible.
        if (code === status.unboundedOrInfeasible && objective.columns.length === 0) {
          return { status: 'infeasible', objective: Number.NaN, values: null };
        }
        if (code === status.unbounded || code === status.unboundedOrInfeasible) {
          return { status: 'unbounded', objective: sense === 'minimise' ? -Infinity : Infinity, values: null };
        }
        if (code === status.infeasible) return { status: 'infeasible', objective: Number.NaN, values: null };
        return { status: 'failed', objective: Number.NaN, values: null };
      },
      setRowBounds(row, lower, upper) {
        model.changeRowBounds(row, lower, upper);
      },
      dispose() {
        model.dispose();
      },
    };
  }
}

/** The branch and bound's proven objective bound, when the solve got far enough to have one. */
function provedBound(model: HighsModel): number | undefined {
  try {
    const bound = Number(model.info.get('mip_dual_bound'));
    return Number.isFinite(bound) ? bound : undefined;
  } catch {
    return undefined; // HiGHS throws for an info item it has not set
  }
}
