/**
 * The linear programs the disclosure engine needs, described without naming a solver: shared/ stays
 * pure, and main plugs in HiGHS (electron/disclosure/highs-solver.ts). Bounds may be ±Infinity.
 */
export interface LinearRow {
  lower: number;
  upper: number;
  columns: number[];
  coefficients: number[];
}

export interface LinearProgram {
  columnLower: ArrayLike<number>;
  columnUpper: ArrayLike<number>;
  rows: LinearRow[];
  /** Every column a whole number (a mixed-integer program); continuous when absent. */
  integer?: boolean;
  /** Give up on one optimisation after this long (status 'failed'): an integer program can take a while. */
  timeLimitSeconds?: number;
}

export interface LinearObjective {
  columns: number[];
  coefficients: number[];
}

export interface LpOutcome {
  status: 'optimal' | 'infeasible' | 'unbounded' | 'failed';
  /** Objective value when optimal; ±Infinity when unbounded in the direction asked. */
  objective: number;
  /** Column values when optimal and asked for. */
  values: Float64Array | null;
  /**
   * For an integer program: the best objective bound the solver proved (a lower bound when
   * minimising), also when it stopped at its time limit, so a caller can still report how far from
   * the optimum its fallback may be. Absent for linear programs and when none was proved.
   */
  bound?: number;
}

/** A program loaded once and optimised for several objectives, so the solver can reuse its basis. */
export interface LpModel {
  optimise(objective: LinearObjective, sense: 'minimise' | 'maximise', withValues?: boolean): LpOutcome;
  /** Changes a row's bounds, for asking whether one particular value is attainable. */
  setRowBounds(row: number, lower: number, upper: number): void;
  dispose(): void;
}

export interface LpSolver {
  /** Name and version, written into reports ("HiGHS 1.15.1"). */
  readonly name: string;
  load(program: LinearProgram): LpModel;
}
