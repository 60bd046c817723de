import type { DisclosureInputError } from '../../shared/disclosure/input-error';
import { parquetProblem, sqlName, sqlString, withDuckDb } from './read/duckdb';
import type { Counted, CountingPlan } from './tabulate';

/**
 * Counts a record-level Parquet file inside DuckDB: one GROUP BY over the chosen columns, so only
 * the distinct combinations (hundreds, not millions of records) cross into JavaScript. The groups
 * are keyed by each value's text and then labelled by the same rule the CSV path applies
 * (`plan.label`), so the two give the same table for the same records.
 */
export async function countParquet(path: string, plan: CountingPlan): Promise<Counted> {
  return withDuckDb(async (connection) => {
    const from = `read_parquet(${sqlString(path)})`;
    let header: string[];
    try {
      header = (await connection.runAndReadAll(`SELECT * FROM ${from} LIMIT 0`)).columnNames();
    } catch (error) {
      throw parquetProblem(error);
    }
    const { rowIndexes, columnIndex } = plan.resolve(header);
    const chosen = [...rowIndexes, ...(columnIndex >= 0 ? [columnIndex] : [])];
    const keys = chosen.map((i) => `CAST(${sqlName(header[i]!)} AS VARCHAR)`);
    let groups: unknown[][];
    try {
      const sql = `SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}, count(*) AS n FROM ${from} GROUP BY ALL`;
      groups = (await connection.runAndReadAll(sql)).getRows();
    } catch (error) {
      throw parquetProblem(error);
    }

    const counts = new Map<string, number>();
    const columnValues = new Set<string>();
    let records = 0;
    for (const group of groups) {
      const n = Number(group[group.length - 1]);
      const labels: string[] = [];
      for (let j = 0; j < chosen.length; j++) {
        const value = group[j] as string | null;
        const label = plan.label(value);
        if (label === null) throw await totalLabelProblem(value!, header[chosen[j]!]!);
        labels.push(label);
      }
      const columnValue = columnIndex >= 0 ? labels.pop()! : 'count';
      columnValues.add(columnValue);
      const joined = [...labels, columnValue].join('\u0000');
      counts.set(joined, (counts.get(joined) ?? 0) + n);
      records += n;
    }
    return { header, rowIndexes, columnIndex, counts, columnValues, records, headerRow: 1 };

    /** The same message the CSV path gives, with the first record holding the value (row 1 is the header). */
    async function totalLabelProblem(value: string, column: string): Promise<DisclosureInputError> {
      const found = await connection.runAndReadAll(
        `SELECT min(file_row_number) FROM read_parquet(${sqlString(path)}, file_row_number = true) WHERE CAST(${sqlName(column)} AS VARCHAR) = $1`,
        [value],
      );
      const first = found.getRows()[0]?.[0];
      return plan.totalLabelError(value, column, first === null || first === undefined ? null : Number(first) + 2);
    }
  });
}
