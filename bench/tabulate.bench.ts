// npm run bench:tabulate — `custodian tabulate` on a record-level file, CSV and Parquet, against
// pandas' groupby on the same records. A benchmark, not a test: it prints figures and ratios.
//
// The records (1,000,000 by default; TABULATE_BENCH_ROWS=10000000 for ten million) have three row
// variables (region, sex, age band) and one column variable (ethnic group). Every run is a fresh
// child process, alternating between the contenders so that they share whatever else the machine is
// doing; each reports its own CPU time (all threads: DuckDB and pandas may use several) and the
// parent times the wall clock. Start-up is included: it is what a user waits for.
//
// pandas is measured only when a Python can import it ($PYTHON, python3 on PATH, or Debian's own
// /usr/bin/python3, which a pyenv or virtualenv python3 may shadow; Debian: apt-get install
// python3-pandas); otherwise its rows are skipped with that advice. pandas reads Parquet only with
// pyarrow (python3-pyarrow), so its Parquet row needs that too. ACRO (the SACRO project's output
// checker, `pip install acro`) is a second peer when that Python can import it: its `crosstab` of
// the same variables, with margins, is what an analyst in a TRE would run instead.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { withDuckDb, sqlString } from '../electron/disclosure/read/duckdb';

const rows = Number(process.env.TABULATE_BENCH_ROWS ?? 1_000_000);
const rounds = 3;
/** The Python to measure pandas with: $PYTHON (e.g. /usr/bin/python3 when another python3 comes first on PATH). */
const python =
  [process.env.PYTHON, 'python3', '/usr/bin/python3']
    .filter((c): c is string => Boolean(c))
    .find((candidate) => spawnSync(candidate, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0) ??
  process.env.PYTHON ??
  'python3';
const rowVariables = ['region', 'sex', 'age_band'];
const columnVariable = 'ethnic_group';

/** A deterministic generator, so every run measures the same records. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const regions = Array.from({ length: 42 }, (_, i) => `Q${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26) * 7)}`);
const ageBands = Array.from({ length: 19 }, (_, i) => (i === 18 ? '90+' : `${i * 5}-${i * 5 + 4}`));
const ethnicGroups = ['A', 'B', 'C', 'D', 'E', 'Z'];

/** One row per admission: an id, the four variables (a few sexes missing) and a date not counted. */
async function generateRecords(path: string, count: number): Promise<void> {
  const random = lcg(20251204);
  const out = createWriteStream(path);
  let buffer = 'id,region,sex,age_band,ethnic_group,admitted\n';
  for (let i = 0; i < count; i++) {
    const r = random();
    const sex = r < 0.49 ? 'Female' : r < 0.98 ? 'Male' : r < 0.99 ? 'Indeterminate' : '';
    const region = regions[Math.floor(random() * regions.length)]!;
    const age = ageBands[Math.floor(random() * random() * ageBands.length)]!;
    const ethnic = ethnicGroups[Math.floor(random() * ethnicGroups.length)]!;
    buffer += `${i + 1},${region},${sex},${age},${ethnic},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** The same records as Parquet, every column as text (as the CSV reader sees them). */
async function writeParquet(csv: string, parquet: string): Promise<void> {
  await withDuckDb((connection) =>
    connection.run(`COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, all_varchar = true)) TO ${sqlString(parquet)} (FORMAT parquet)`),
  );
}

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

const cli = resolve(import.meta.dirname, '../bin/custodian.mjs');
const usageHook = resolve(import.meta.dirname, 'usage-on-exit.mjs');

function runCustodian(input: string, folder: string): Run {
  const usageFile = join(folder, 'usage.json');
  rmSync(usageFile, { force: true });
  const args = ['--import', usageHook, cli, 'tabulate', input, '--rows', rowVariables.join(','), '--cols', columnVariable, '--output', join(folder, 'counts.csv'), '--force'];
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, BENCH_USAGE_FILE: usageFile } });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`custodian tabulate failed: ${result.stderr}`);
  return { wallMs, ...(JSON.parse(readFileSync(usageFile, 'utf8')) as Omit<Run, 'wallMs'>) };
}

// The same work as tabulate: read the file, count by every combination, and the margins (each
// subset of the row variables replaced by Total, and the Total column), then write the table.
const pandasScript = `
import resource, sys
import pandas as pd
path, kind, out = sys.argv[1], sys.argv[2], sys.argv[3]
rows, col = ${JSON.stringify(rowVariables)}, ${JSON.stringify(columnVariable)}
cols = rows + [col]
if kind == 'csv':
    df = pd.read_csv(path, usecols=cols, dtype=str, keep_default_na=False)
else:
    df = pd.read_parquet(path, columns=cols)
df = df.fillna('').apply(lambda s: s.str.strip()).replace('', '(missing)')
counts = df.groupby(cols, observed=True).size()
parts = []
from itertools import combinations
for k in range(len(rows) + 1):
    for kept in combinations(rows, len(rows) - k):
        g = counts.groupby(list(kept) + [col]).sum() if kept else counts.groupby(col).sum()
        wide = g.unstack(col, fill_value=0) if kept else g.to_frame().T
        wide['Total'] = wide.sum(axis=1)
        wide = wide.reset_index() if kept else wide
        for r in rows:
            if r not in kept:
                wide[r] = 'Total'
        parts.append(wide[rows + [c for c in wide.columns if c not in rows]])
pd.concat(parts).to_csv(out, index=False)
u = resource.getrusage(resource.RUSAGE_SELF)
print((u.ru_utime + u.ru_stime) * 1000, u.ru_maxrss / 1024)
`;

function runPandas(input: string, kind: 'csv' | 'parquet', folder: string): Run {
  const start = performance.now();
  const result = spawnSync(python, ['-c', pandasScript, input, kind, join(folder, 'pandas.csv')], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`pandas failed: ${result.stderr}`);
  const [cpuMs, maxRssMiB] = result.stdout.trim().split(/\s+/).map(Number);
  return { wallMs, cpuMs: cpuMs!, maxRssMiB: maxRssMiB! };
}

// ACRO's crosstab (pandas.crosstab's signature) with its checks on and nothing suppressed: the table
// with the grand margins (pandas' crosstab does not add the partial margins tabulate adds).
const acroScript = `
import resource, sys, io, contextlib
import pandas as pd
from acro import ACRO
path, kind = sys.argv[1], sys.argv[2]
rows, col = ${JSON.stringify(rowVariables)}, ${JSON.stringify(columnVariable)}
cols = rows + [col]
with contextlib.redirect_stdout(io.StringIO()):
    if kind == 'csv':
        df = pd.read_csv(path, usecols=cols, dtype=str, keep_default_na=False)
    else:
        df = pd.read_parquet(path, columns=cols)
    df = df.fillna('').apply(lambda s: s.str.strip()).replace('', '(missing)')
    acro = ACRO(suppress=False)
    table = acro.crosstab([df[r] for r in rows], df[col], margins=True)
u = resource.getrusage(resource.RUSAGE_SELF)
print((u.ru_utime + u.ru_stime) * 1000, u.ru_maxrss / 1024)
`;

function runAcro(input: string, kind: 'csv' | 'parquet'): Run {
  const start = performance.now();
  const result = spawnSync(python, ['-c', acroScript, input, kind], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`ACRO failed: ${result.stderr}`);
  // ACRO logs as it goes; the figures are the last line.
  const [cpuMs, maxRssMiB] = result.stdout.trim().split('\n').pop()!.trim().split(/\s+/).map(Number);
  return { wallMs, cpuMs: cpuMs!, maxRssMiB: maxRssMiB! };
}

const pythonHas = (module: string) => spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('build the CLI first: npm run build:cli');
  const folder = mkdtempSync(join(tmpdir(), 'custodian-bench-tabulate-'));
  try {
    const csv = join(folder, 'records.csv');
    const parquet = join(folder, 'records.parquet');
    process.stdout.write(`Generating ${rows.toLocaleString('en-GB')} records… `);
    await generateRecords(csv, rows);
    await writeParquet(csv, parquet);
    console.log(`CSV ${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB, Parquet ${(statSync(parquet).size / 2 ** 20).toFixed(0)} MiB`);
    console.log(`Counting by ${rowVariables.join(', ')} × ${columnVariable}, with every margin; median of ${rounds} alternating runs.\n`);

    const hasPandas = pythonHas('pandas');
    const hasPyarrow = hasPandas && pythonHas('pyarrow');
    const hasAcro = hasPandas && pythonHas('acro');
    const contenders: [string, () => Run][] = [
      ['custodian tabulate, CSV', () => runCustodian(csv, folder)],
      ['custodian tabulate, Parquet', () => runCustodian(parquet, folder)],
    ];
    if (hasPandas) contenders.push(['pandas groupby, CSV', () => runPandas(csv, 'csv', folder)]);
    if (hasPyarrow) contenders.push(['pandas groupby, Parquet', () => runPandas(parquet, 'parquet', folder)]);
    if (hasAcro) contenders.push(['ACRO crosstab, CSV', () => runAcro(csv, 'csv')]);
    const runs = new Map<string, Run[]>(contenders.map(([name]) => [name, []]));
    for (let round = 0; round < rounds; round++) for (const [name, run] of contenders) runs.get(name)!.push(run());

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const result = new Map([...runs].map(([name, list]) => [name, { wall: median(list.map((r) => r.wallMs)), cpu: median(list.map((r) => r.cpuMs)), rss: median(list.map((r) => r.maxRssMiB)) }]));
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    for (const [name, r] of result) console.log(`   ${name.padEnd(30)} ${seconds(r.wall).padStart(8)} wall  ${seconds(r.cpu).padStart(8)} CPU  ${r.rss.toFixed(0).padStart(5)} MiB peak`);
    if (!hasPandas) console.log(`   pandas groupby                 skipped: no Python here can import pandas (Debian/Ubuntu: apt-get install python3-pandas; or set PYTHON)`);
    else if (!hasPyarrow) console.log('   pandas groupby, Parquet        skipped: pandas needs pyarrow to read Parquet (apt-get install python3-pyarrow)');
    if (hasPandas && !hasAcro) console.log(`   ACRO crosstab                  skipped: ${python} cannot import acro (pip install acro, the SACRO project's package; then PYTHON=that python)`);

    console.log('\nRatios (CPU; wall clock in brackets)');
    const ratio = (a: string, b: string) => {
      const x = result.get(a);
      const y = result.get(b);
      if (x && y) console.log(`   ${`${a} / ${b}`.padEnd(62)} ${(x.cpu / y.cpu).toFixed(2)} × (${(x.wall / y.wall).toFixed(2)} ×)`);
    };
    ratio('custodian tabulate, Parquet', 'custodian tabulate, CSV');
    ratio('custodian tabulate, CSV', 'pandas groupby, CSV');
    ratio('custodian tabulate, Parquet', 'pandas groupby, CSV');
    ratio('custodian tabulate, Parquet', 'pandas groupby, Parquet');
    ratio('custodian tabulate, CSV', 'ACRO crosstab, CSV');
    ratio('custodian tabulate, Parquet', 'ACRO crosstab, CSV');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
