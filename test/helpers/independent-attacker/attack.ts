import type { AdditiveRelation, CellRef } from './cell-ref';
import { cellId } from './cell-ref';
import { markerMeans, numberMeans, percentageUnits, readCount } from './cell-knowledge';
import { IntegerModel } from './integer-model';
import { possibleValues, Witnesses } from './possible-values';
import type { PublicRules } from './public-rules';
import { publishedCells, readPublishedCsv } from './published-table';

/**
 * The independent attacker: reads what was published (one table, or several released from the
 * same holding), the public rules, and every additive relation the tables really have, builds its
 * own integer program and counts, for each cell shown as the marker, the whole values it can take.
 */
export interface ReleaseView {
  name: string;
  /** The published CSV as written. */
  csv: string;
  labelColumns: string[];
  rules: PublicRules;
  national: { column: string; value: string } | null;
  /** With published percentages: the count column each row's shares are of. */
  percentagesOf: string | null;
}

export interface AttackInput {
  releases: ReleaseView[];
  relations: AdditiveRelation[];
}

export interface CellVerdict {
  ref: CellRef;
  low: number;
  high: number;
  /** Whole values the cell can take, counted up to the release's protection width. */
  possibleValues: number;
  protectionWidth: number;
}

export interface Attack {
  model: IntegerModel;
  verdicts: CellVerdict[];
  /** Breaks between a known true table and the attacker's model: none, if the product kept its rules. */
  violations(truth: ReadonlyMap<string, number>): string[];
}

export async function attack(input: AttackInput, options: { only?: (ref: CellRef) => boolean } = {}): Promise<Attack> {
  const model = new IntegerModel();
  const markers: { ref: CellRef; variable: number; width: number }[] = [];
  const published = new Map<string, string>();
  let publishedSum = 0;
  const totals = new Set(input.relations.map((r) => cellId(r.total)));

  const cellsOf = input.releases.map((release) => {
    const cells = publishedCells(readPublishedCsv(release.csv), release.labelColumns);
    for (const cell of cells) published.set(cellId({ release: release.name, labels: cell.labels, column: cell.column }), cell.count);
    return cells;
  });

  input.releases.forEach((release, r) => {
    const { rules } = release;
    const nationalAt = release.national ? release.labelColumns.indexOf(release.national.column) : -1;
    for (const cell of cellsOf[r]!) {
      const ref: CellRef = { release: release.name, labels: cell.labels, column: cell.column };
      const id = cellId(ref);
      const variable = model.variable(id);
      const text = readCount(rules, cell.count);
      if (text.kind === 'marker') {
        model.restrict(variable, markerMeans(rules));
        markers.push({ ref, variable, width: rules.protectionWidth });
      } else {
        publishedSum += text.value;
        const national = nationalAt >= 0 && cell.labels[nationalAt] === release.national!.value;
        if (!(rules.totals === 'sum-of-published' && totals.has(id) && isSumOfPublished(id, input.relations, published, rules.marker))) {
          model.restrict(variable, numberMeans(rules, text.value, national));
        }
      }
      if (cell.percentage !== null && release.percentagesOf && rules.percentages.basis === 'unrounded') {
        if (cell.percentage === '' || cell.percentage === rules.marker) continue;
        const scale = 10 ** rules.percentages.decimals;
        const units = percentageUnits(cell.percentage, rules.percentages.decimals);
        const total = model.variable(cellId({ ...ref, column: release.percentagesOf }));
        const why = `${id} is ${cell.percentage} % of its row's ${release.percentagesOf}`;
        model.add({ terms: [[variable, 200 * scale], [total, -(2 * units - 1)]], sense: '>=', rhs: 0, why });
        model.add({ terms: [[variable, 200 * scale], [total, -(2 * units + 1)]], sense: '<=', rhs: -1, why });
      }
    }
  });

  const releaseNames = new Set(input.releases.map((r) => r.name));
  for (const relation of input.relations) {
    for (const ref of [relation.total, ...relation.members]) {
      if (releaseNames.has(ref.release) && !published.has(cellId(ref))) throw new Error(`the cell ${cellId(ref)} is missing from the published table`);
    }
    const terms = new Map<number, number>();
    const add = (ref: CellRef, a: number) => {
      const v = model.variable(cellId(ref));
      terms.set(v, (terms.get(v) ?? 0) + a);
    };
    add(relation.total, 1);
    relation.members.forEach((m) => add(m, -1));
    model.add({ terms: [...terms], sense: '=', rhs: 0, why: `${cellId(relation.total)} is the sum of ${relation.members.length} cells` });
  }

  const ceiling = 2 * publishedSum + 1000;
  const witnesses = new Witnesses();
  const verdicts: CellVerdict[] = [];
  for (const marker of markers) {
    if (options.only && !options.only(marker.ref)) continue;
    const found = await possibleValues(model, marker.variable, marker.width, ceiling, witnesses);
    verdicts.push({ ref: marker.ref, low: found.low, high: found.high, possibleValues: found.count, protectionWidth: marker.width });
  }

  return {
    model,
    verdicts,
    violations(truth) {
      const values = model.names.map((name) => truth.get(name) ?? Number.NaN);
      return model.violations(values);
    },
  };
}

/** Under "totals are the sum of the published cells", a total that is such a sum says nothing new. */
function isSumOfPublished(id: string, relations: AdditiveRelation[], published: ReadonlyMap<string, string>, marker: string): boolean {
  const value = Number(published.get(id));
  return relations.some((relation) => {
    if (cellId(relation.total) !== id) return false;
    let sum = 0;
    for (const m of relation.members) {
      const text = published.get(cellId(m));
      if (text === undefined) return false;
      sum += text === marker ? 0 : Number(text);
    }
    return sum === value;
  });
}
