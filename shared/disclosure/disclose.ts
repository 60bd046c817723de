import { attackerKnowledge } from './attacker';
import { attackModelOf, auditPublication, type AuditResult } from './audit';
import { releasedTableOf, type ReleasedTable } from './released-table';
import { decideCell } from './cell-rules';
import { DisclosureInputError } from './input-error';
import type { LpSolver } from './linear-program';
import type { DisclosureProfile } from './profile';
import { percentageConstraints, publishPercentages, type PublishedPercentage } from './percentages';
import { Publication } from './publication';
import { chooseComplementarySuppressions } from './optimal-suppression';
import type { SecondaryResult } from './secondary-suppression';
import { analyseStructure, checkTotalsAddUp } from './structure';
import { buildSubject, type DisclosureSubject } from './subject';
import { describeTotalLabels, nationalRows, type CountTable, type TableOptions } from './table';

/** The outcome of protecting one table: what to publish, why, and the attacker's verdict. */
export interface DisclosureOutcome {
  subject: DisclosureSubject;
  publication: Publication;
  audit: AuditResult;
  secondary: SecondaryResult | null;
  /** Per cell, its row percentage when they were asked for (null: the marker). */
  percentages: PublishedPercentage[] | null;
  /** What the register keeps of this table once it is released, to audit later tables with it. */
  releaseAs: (name: string) => ReleasedTable;
}

export type ProgressListener = (message: string) => void;

/**
 * Protects a table with a profile: primary suppression and rounding cell by cell, the totals
 * convention, complementary suppression where the profile asks for it, then the attacker's audit.
 * Throws DisclosureInputError for a table that cannot be protected as given (totals that do not add
 * up, duplicate rows, an unknown national column).
 */
export function discloseTable(
  table: CountTable,
  profile: DisclosureProfile,
  options: TableOptions,
  solver: LpSolver,
  onProgress: ProgressListener = () => {},
  earlierReleases: readonly ReleasedTable[] = [],
): DisclosureOutcome {
  checkOptions(table, options);
  const structure = analyseStructure(table, options);
  checkTotalsAddUp(table, structure);
  if (options.percentages && (structure.totalColumn < 0 || table.countColumns.length < 2)) {
    throw new DisclosureInputError(
      `percentages are shares of a count column headed ${describeTotalLabels(options.totalLabels)}; this table has none (use a wide table with a Total column)`,
    );
  }
  const subject = buildSubject(table, options, structure, profile);
  const publication = applyLocalRules(subject);
  if (profile.totals === 'sum-of-published') recomputeTotals(subject, publication);

  let secondary: SecondaryResult | null = null;
  if (profile.secondarySuppression && structure.equations.length > 0) {
    onProgress('choosing complementary suppressions');
    secondary = chooseComplementarySuppressions(subject, publication, solver, onProgress);
  }
  const percentages = options.percentages ? publishPercentages(subject, publication) : null;
  const ratios = percentages ? percentageConstraints(subject, percentages) : [];
  // The audit must see everything that is published: percentages, and what was released before.
  let audit = ratios.length === 0 && earlierReleases.length === 0 ? (secondary?.finalAudit ?? null) : null;
  if (!audit) {
    onProgress(earlierReleases.length > 0 ? 'running the attacker’s audit with the earlier releases' : 'running the attacker’s audit');
    audit = auditPublication(subject, publication, solver, undefined, ratios, earlierReleases);
  }
  const releaseAs = (name: string) => releasedTableOf(name, subject, publication, attackModelOf(subject), attackerKnowledge(subject, publication));
  return { subject, publication, audit, secondary, percentages, releaseAs };
}

/** The national marker must name a label column and match at least one row, or it is a typo. */
export function checkOptions(table: CountTable, options: TableOptions): void {
  const { national } = options;
  if (options.totalLabels.length === 0 || options.totalLabels.some((label) => !label.trim())) {
    throw new DisclosureInputError('a total label must not be empty');
  }
  if (!national) return;
  if (!table.labelColumns.includes(national.column)) {
    const known = table.labelColumns.length ? table.labelColumns.map((c) => `"${c}"`).join(', ') : 'none';
    throw new DisclosureInputError(`--national names the column "${national.column}", which is not a label column (label columns: ${known})`);
  }
  if (!nationalRows(table, national).some(Boolean)) {
    throw new DisclosureInputError(`--national: no row has ${national.column} = "${national.value}"; check the spelling`);
  }
}

function applyLocalRules(subject: DisclosureSubject): Publication {
  const publication = new Publication(subject.values.length);
  for (let cell = 0; cell < subject.values.length; cell++) {
    const decision = decideCell(subject.values[cell]!, subject.profile, subject.nationalCell[cell] === 1);
    publication.set(cell, decision.published, decision.reason);
  }
  return publication;
}

/**
 * The sum-of-published convention: each total becomes the sum of the published ordinary cells it
 * covers, suppressed cells counting as nothing. Totals of totals are done after the totals they add
 * up, so every level agrees with the cells beneath it.
 */
function recomputeTotals(subject: DisclosureSubject, publication: Publication): void {
  const { structure, values, profile } = subject;
  const firstEquation = new Map<number, number>();
  structure.equations.forEach((equation, e) => {
    // Only labelled totals are recomputed: a national row that is the sum of the rows beside it is
    // published by the local rules, as the profile says national figures are.
    if (!equation.national && !firstEquation.has(equation.total)) firstEquation.set(equation.total, e);
  });
  const totals = [...firstEquation.keys()].sort((a, b) => structure.totalDepth[a]! - structure.totalDepth[b]!);
  for (const total of totals) {
    if (publication.reason(total) === 'national' && profile.national === 'exempt') continue;
    const equation = structure.equations[firstEquation.get(total)!]!;
    let sum = 0;
    for (const member of equation.members) sum += publication.value(member) ?? 0;
    publication.set(total, sum, sum === values[total] ? 'unchanged' : 'total-recomputed');
  }
}
