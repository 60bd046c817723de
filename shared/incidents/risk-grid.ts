import { z } from 'zod';

/**
 * The DSPT incident reporting tool's breach assessment grid: how likely it is that people's rights
 * have been affected (1 to 5) against how severe the effect would be (1 to 5). The cell an incident
 * falls in decides whether it is reportable to the ICO and to DHSC.
 *
 * The grid is data, not code: NHS England can change the labels and the reportable cells, so the
 * organisation edits them (Incidents → Settings) and every assessment keeps the outcome it had when
 * it was made. The default below is a reading of the published "Guide to the notification of data
 * security and protection incidents" and MUST be checked against the current DSPT guidance.
 */
export const CHECK_GRID_NOTE = 'Check against current DSPT guidance: the labels and the reportable cells are NHS England\u2019s to change.';

export const scoreSchema = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
export type Score = 1 | 2 | 3 | 4 | 5;
export const scores: readonly Score[] = [1, 2, 3, 4, 5];

const labelSchema = z.string().trim().min(1, 'is required').max(200);

export const gridCellSchema = z.object({
  likelihood: scoreSchema,
  severity: scoreSchema,
  icoReportable: z.boolean(),
  dhscReportable: z.boolean(),
});
export type GridCell = z.infer<typeof gridCellSchema>;

export const riskGridSchema = z
  .object({
    /** Where the labels and thresholds come from, shown under the grid. */
    source: z.string().trim().max(500),
    /** Shown wherever the grid is, until someone has checked it against the current guidance. */
    checkNote: z.string().trim().max(500),
    likelihoodLabels: z.array(labelSchema).length(5, 'needs five likelihood labels'),
    severityLabels: z.array(labelSchema).length(5, 'needs five severity labels'),
    cells: z.array(gridCellSchema).length(25, 'needs all 25 cells'),
  })
  .superRefine((grid, ctx) => {
    const seen = new Set<string>();
    grid.cells.forEach((cell, i) => {
      const key = `${cell.likelihood}x${cell.severity}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['cells', i], message: `repeats the cell likelihood ${cell.likelihood} × severity ${cell.severity}` });
      seen.add(key);
    });
  });
export type RiskGrid = z.infer<typeof riskGridSchema>;

const defaultLikelihood = [
  'Not occurred',
  'Not likely, or any incident involving vulnerable groups even if no adverse effect occurred',
  'Likely',
  'Highly likely',
  'Occurred',
];
const defaultSeverity = [
  'No adverse effect',
  'Potentially some minor adverse effect, or any incident involving vulnerable groups even if no adverse effect occurred',
  'Potentially some adverse effect',
  'Potentially pain and suffering, or financial loss',
  'Death or catastrophic event',
];

/**
 * The shipped reading: reportable to the ICO when an effect on people's rights is at least likely
 * (3+) and at least minor (2+), as NHS Digital's DSPT incident reporting guidance says; notified to
 * DHSC as well when it is also serious (4+), which no primary source confirmed, so the screens mark
 * the DHSC cells "(check)" and the organisation edits them.
 */
export function defaultRiskGrid(): RiskGrid {
  const cells: GridCell[] = [];
  for (const likelihood of scores) {
    for (const severity of scores) {
      cells.push({ likelihood, severity, icoReportable: likelihood >= 3 && severity >= 2, dhscReportable: likelihood >= 3 && severity >= 4 });
    }
  }
  return {
    source: 'NHS Digital, Guide to the notification of data security and protection incidents (DSPT incident reporting tool), breach assessment grid',
    checkNote: CHECK_GRID_NOTE,
    likelihoodLabels: [...defaultLikelihood],
    severityLabels: [...defaultSeverity],
    cells,
  };
}

export interface GridOutcome {
  icoReportable: boolean;
  dhscReportable: boolean;
  /** "Reportable to the ICO and DHSC", "Not reportable"… */
  label: string;
}

export function outcomeLabel(icoReportable: boolean, dhscReportable: boolean): string {
  if (icoReportable && dhscReportable) return 'Reportable to the ICO and DHSC';
  if (icoReportable) return 'Reportable to the ICO';
  if (dhscReportable) return 'Reportable to DHSC';
  return 'Not reportable';
}

export function gridCell(grid: RiskGrid, likelihood: number, severity: number): GridCell | undefined {
  return grid.cells.find((c) => c.likelihood === likelihood && c.severity === severity);
}

/** What the grid says about a likelihood and severity. */
export function assessOnGrid(grid: RiskGrid, likelihood: number, severity: number): GridOutcome {
  const cell = gridCell(grid, likelihood, severity);
  if (!cell) throw new Error(`the grid has no cell for likelihood ${likelihood} and severity ${severity}`);
  return { icoReportable: cell.icoReportable, dhscReportable: cell.dhscReportable, label: outcomeLabel(cell.icoReportable, cell.dhscReportable) };
}
