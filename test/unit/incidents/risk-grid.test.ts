import { describe, expect, it } from 'vitest';
import { assessOnGrid, defaultRiskGrid, outcomeLabel, riskGridSchema, scores } from '../../../shared/incidents/risk-grid';

describe('the DSPT assessment grid, shipped as data', () => {
  it('ships five labels on each axis, all 25 cells, and says to check it against current DSPT guidance', () => {
    const grid = riskGridSchema.parse(defaultRiskGrid());
    expect(grid.likelihoodLabels[0]).toBe('Not occurred');
    expect(grid.likelihoodLabels[4]).toBe('Occurred');
    expect(grid.severityLabels[0]).toBe('No adverse effect');
    expect(grid.severityLabels[4]).toBe('Death or catastrophic event');
    expect(grid.cells).toHaveLength(25);
    expect(grid.checkNote).toMatch(/check against current DSPT guidance/i);
  });

  it('gives the shipped outcome for every cell: nothing reportable below "likely" or at "no adverse effect"; DHSC from "serious" up', () => {
    const grid = defaultRiskGrid();
    const table = scores.map((severity) => scores.map((likelihood) => assessOnGrid(grid, likelihood, severity).label));
    expect(table).toEqual([
      // severity 1: no adverse effect
      ['Not reportable', 'Not reportable', 'Not reportable', 'Not reportable', 'Not reportable'],
      ['Not reportable', 'Not reportable', 'Reportable to the ICO', 'Reportable to the ICO', 'Reportable to the ICO'],
      ['Not reportable', 'Not reportable', 'Reportable to the ICO', 'Reportable to the ICO', 'Reportable to the ICO'],
      ['Not reportable', 'Not reportable', 'Reportable to the ICO and DHSC', 'Reportable to the ICO and DHSC', 'Reportable to the ICO and DHSC'],
      ['Not reportable', 'Not reportable', 'Reportable to the ICO and DHSC', 'Reportable to the ICO and DHSC', 'Reportable to the ICO and DHSC'],
    ]);
  });

  it('follows an edited grid: the organisation\u2019s cells decide, not code', () => {
    const grid = defaultRiskGrid();
    grid.cells = grid.cells.map((c) => (c.likelihood === 2 && c.severity === 5 ? { ...c, icoReportable: true, dhscReportable: true } : c));
    expect(assessOnGrid(grid, 2, 5)).toEqual({ icoReportable: true, dhscReportable: true, label: 'Reportable to the ICO and DHSC' });
    expect(outcomeLabel(false, true)).toBe('Reportable to DHSC');
  });

  it('refuses a grid with a missing, repeated or out-of-range cell, or a blank label, naming where', () => {
    const missing = { ...defaultRiskGrid(), cells: defaultRiskGrid().cells.slice(1) };
    expect(riskGridSchema.safeParse(missing).error?.issues[0]?.message).toBe('needs all 25 cells');
    const repeated = defaultRiskGrid();
    repeated.cells[1] = { ...repeated.cells[0]! };
    const issue = riskGridSchema.safeParse(repeated).error?.issues[0];
    expect(issue?.path).toEqual(['cells', 1]);
    expect(issue?.message).toBe('repeats the cell likelihood 1 × severity 1');
    const outOfRange = defaultRiskGrid();
    outOfRange.cells[0] = { ...outOfRange.cells[0]!, likelihood: 6 as never };
    expect(riskGridSchema.safeParse(outOfRange).success).toBe(false);
    const blank = defaultRiskGrid();
    blank.severityLabels[2] = ' ';
    expect(riskGridSchema.safeParse(blank).error?.issues[0]?.path).toEqual(['severityLabels', 2]);
  });
});
