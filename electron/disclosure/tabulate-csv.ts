import { parse } from 'csv-parse/sync';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { sqlName, sqlString, withDuckDb } from './read/duckdb';
import { detectDelimiter } from './read/delimiter';
import { readHead } from './read/open-rows';
import { createDecoder, detectEncoding } from './read/text-encoding';
import type { Counted, CountingPlan } from './tabulate';

/**
 * Counts a record-level CSV inside DuckDB, which parses CSV several times faster than csv-parse, for
 * the common case only: UTF-8 (with or without a BOM), the delimiter Custodian detects, a header
 * DuckDB reads exactly as Custodian does. Anything else, and anything DuckDB finds wrong (a ragged
 * row, a stray quote, a value that would be read as a total, no records), returns null: the caller
 * then counts the file in JavaScript, which refuses it with the row and column a user needs. So
 * the fast path changes how long counting takes, never what it answers.
 */
export async function countCsvInDuckDb(path: string, plan: CountingPlan): Promise<Counted | null> {
  const head = readHead(path, 1 << 16);
  const detected = detectEncoding(head);
  if (detected.encoding !== 'utf-8') return null;
  const text = createDecoder('utf-8').decode(head.subarray(detected.bomLength));
  const delimiter = detectDelimiter(text);
  let expected: string[];
  try {
    const [first] = parse(text.slice(0, text.indexOf('\n') + 1 || undefined), { delimiter, relax_column_count: true, to_line: 1 }) as string[][];
    expected = (first ?? []).map((name) => name.trim());
  } catch {
    return null;
  }
  if (expected.length === 0 || expected.some((name) => name === '') || new Set(expected).size !== expected.length) return null;

  return withDuckDb(async (connection) => {
    const from = `read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
    try {
      const header = (await connection.runAndReadAll(`SELECT * FROM ${from} LIMIT 0`)).columnNames();
      if (header.length !== expected.length || header.some((name, i) => name !== expected[i])) return null;
      const { rowIndexes, columnIndex } = plan.resolve(header);
      const chosen = [...rowIndexes, ...(columnIndex >= 0 ? [columnIndex] : [])];
      // A row of empty values is skipped, as the CSV reader skips it.
      const notBlank = header.map((name) => `coalesce(trim(${sqlName(name)}, ' \t\r\n'), '') <> ''`).join(' OR ');
      const sql = `SELECT ${chosen.map((i, j) => `${sqlName(header[i]!)} AS k${j}`).join(', ')}, count(*) AS n FROM ${from} WHERE ${notBlank} GROUP BY ALL`;
      const groups = (await connection.runAndReadAll(sql)).getRows();
      const counts = new Map<string, number>();
      const columnValues = new Set<string>();
      let records = 0;
      for (const group of groups) {
        const labels: string[] = [];
        for (let j = 0; j < chosen.length; j++) {
          const label = plan.label(group[j]);
          if (label === null) return null; // the JavaScript count names the row
          labels.push(label);
        }
        const columnValue = columnIndex >= 0 ? labels.pop()! : 'count';
        const n = Number(group[group.length - 1]);
        columnValues.add(columnValue);
        const joined = [...labels, columnValue].join('\u0000');
        counts.set(joined, (counts.get(joined) ?? 0) + n);
        records += n;
      }
      if (records === 0) return null;
      return { header, rowIndexes, columnIndex, counts, columnValues, records, headerRow: 1 };
    } catch (error) {
      if (error instanceof DisclosureInputError) throw error; // a column the file does not have
      return null;
    }
  });
}
