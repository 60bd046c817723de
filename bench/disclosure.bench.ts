// npm run bench:disclosure — the disclosure engine against the speed targets. A benchmark,
// not a test: it prints figures and ratios, because absolute times depend on the machine.
//
//  1. A generated long-format table of 1,000,000 rows (area, month, sex, count): `custodian disclose`
//     with nhs-secondary-care writing the published CSV, against a pandas script applying the same
//     per-cell rule to the same file (0 stays 0, 1–7 become *, the rest round to the nearest 5),
//     runs alternating in one run, each a fresh process, start-up included. Targets: ≤ 0.5 × pandas'
//     CPU time (user + system, every thread) and ≤ 0.5 × its wall clock. The two outputs are checked
//     to hold the same table. pandas is Debian's python3-pandas (or $PYTHON); without it the row is
//     skipped with how to install it. Also, once: disclose with --report, which takes the
//     JavaScript pass (one report line per changed cell).
//  2. Peak RSS of that disclose at 1,000,000 and 10,000,000 rows: memory should stay flat (under
//     300 MB at ten million).
//  3. Secondary suppression plus the attacker's audit on a 100 × 100 table with row and column totals
//     and 10 % primary cells. Target: ≤ 10 s.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findBuiltinProfile } from '../shared/disclosure/builtin-profiles';
import { discloseTable } from '../shared/disclosure/disclose';
import { defaultTableOptions, type CountTable } from '../shared/disclosure/table';
import { loadHighsSolver } from '../electron/disclosure/highs-solver';

const PANDAS_RATIO_TARGET = 0.5;
const MEMORY_TARGET_MIB = 300;
const SECONDARY_TARGET_S = 10;
const rounds = Number(process.env.DISCLOSURE_BENCH_ROUNDS ?? 5);

/** A deterministic generator, so every run measures the same table. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** area × month × sex, with counts like real activity data: zeros, small counts, and a long tail. */
async function generateLongTable(path: string, rows: number): Promise<void> {
  const random = lcg(20240601);
  const out = createWriteStream(path);
  let buffer = 'area,month,sex,count\n';
  for (let i = 0; i < rows; i++) {
    const r = random();
    const count = r < 0.15 ? 0 : r < 0.4 ? 1 + Math.floor(random() * 7) : 8 + Math.floor(random() * random() * 5000);
    buffer += `E${String(Math.floor(i / 24)).padStart(8, '0')},2024-${String(((i >> 1) % 12) + 1).padStart(2, '0')},${i % 2 ? 'Male' : 'Female'},${count}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

const cli = resolve(import.meta.dirname, '../bin/custodian.mjs');
const usageHook = resolve(import.meta.dirname, 'usage-on-exit.mjs');

/** `custodian disclose` as a user runs it, in a fresh process; its own CPU time and peak memory. */
function runCustodian(input: string, output: string, extra: string[] = []): Run {
  const usageFile = `${output}.usage.json`;
  rmSync(usageFile, { force: true });
  const args = ['--import', usageHook, cli, 'disclose', input, '--profile', 'nhs-secondary-care', '--output', output, '--force', ...extra];
  const start = performance.now();
  // No register: the bench measures disclosure, not the audit log.
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, BENCH_USAGE_FILE: usageFile, CUSTODIAN_DB: join(tmpdir(), 'custodian-bench-no-register.sqlite') } });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`custodian disclose failed: ${result.stderr}`);
  return { wallMs, ...(JSON.parse(readFileSync(usageFile, 'utf8')) as Omit<Run, 'wallMs'>) };
}

// The analyst's twenty lines: read the table, apply nhs-secondary-care's per-cell rule, write it.
const pandasScript = `
import resource, sys
import pandas as pd
path, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(path, dtype={'area': str, 'month': str, 'sex': str, 'count': 'int64'}, keep_default_na=False)
n = df['count']
published = (((n + 2) // 5) * 5).astype(str)  # the nearest 5; a whole count never ties at base 5
published[(n >= 1) & (n <= 7)] = '*'
published[n == 0] = '0'
df['count'] = published
df.to_csv(out, index=False)
u = resource.getrusage(resource.RUSAGE_SELF)
print((u.ru_utime + u.ru_stime) * 1000, u.ru_maxrss / 1024)
`;

/** The first Python that has pandas: $PYTHON, python3 on PATH, or Debian's own (where pyenv or a venv shadows it). */
function findPython(): string | null {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c));
  return candidates.find((python) => spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0) ?? null;
}

function runPandas(python: string, input: string, output: string): Run {
  const start = performance.now();
  const result = spawnSync(python, ['-c', pandasScript, input, output], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`pandas failed: ${result.stderr}`);
  const [cpuMs, maxRssMiB] = result.stdout.trim().split(/\s+/).map(Number);
  return { wallMs, cpuMs: cpuMs!, maxRssMiB: maxRssMiB! };
}

/** The table in a published CSV, whoever wrote it: no BOM, no legend, one line per row. */
function tableLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);
  const end = lines.indexOf('');
  return end >= 0 ? lines.slice(0, end) : lines;
}

// ---- the 100 × 100 secondary-suppression case ----
function gridWithTotals(size: number, primaryShare: number): CountTable {
  const random = lcg(42);
  const grid = Array.from({ length: size }, () =>
    Array.from({ length: size }, () => (random() < primaryShare ? 1 + Math.floor(random() * 5) : 6 + Math.floor(random() * 300))),
  );
  const rows: CountTable['rows'] = [];
  const push = (labels: string[], count: number) => rows.push({ labels, counts: [count], sourceRow: rows.length + 2 });
  grid.forEach((cells, r) => {
    cells.forEach((n, c) => push([`R${r}`, `C${c}`], n));
    push([`R${r}`, 'Total'], cells.reduce((a, b) => a + b, 0));
  });
  for (let c = 0; c < size; c++) push(['Total', `C${c}`], grid.reduce((s, cells) => s + cells[c]!, 0));
  push(['Total', 'Total'], grid.flat().reduce((a, b) => a + b, 0));
  return { labelColumns: ['row', 'column'], countColumns: ['count'], rows };
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('build the CLI first: npm run build:cli');
  const folder = mkdtempSync(join(tmpdir(), 'custodian-bench-'));
  try {
    const million = join(folder, 'long-1m.csv');
    const tenMillion = join(folder, 'long-10m.csv');
    process.stdout.write('Generating 1,000,000-row and 10,000,000-row long tables… ');
    await generateLongTable(million, 1_000_000);
    await generateLongTable(tenMillion, 10_000_000);
    console.log(`${(statSync(million).size / 2 ** 20).toFixed(0)} MiB and ${(statSync(tenMillion).size / 2 ** 20).toFixed(0)} MiB`);

    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const summary = (runs: Run[]) => ({ wall: median(runs.map((r) => r.wallMs)), cpu: median(runs.map((r) => r.cpuMs)), rss: median(runs.map((r) => r.maxRssMiB)) });
    const line = (name: string, r: { wall: number; cpu: number; rss: number }) =>
      console.log(`   ${name.padEnd(34)} ${seconds(r.wall).padStart(8)} wall  ${seconds(r.cpu).padStart(8)} CPU  ${r.rss.toFixed(0).padStart(5)} MiB peak`);

    console.log(`\n1. custodian disclose vs a pandas script, 1,000,000 rows (fresh processes, alternating; median of ${rounds})`);
    const python = findPython();
    const ours: Run[] = [];
    const theirs: Run[] = [];
    for (let i = 0; i < rounds; i++) {
      ours.push(runCustodian(million, join(folder, 'custodian.csv')));
      if (python) theirs.push(runPandas(python, million, join(folder, 'pandas.csv')));
    }
    const custodian = summary(ours);
    line('custodian disclose (CSV out)', custodian);
    if (python) {
      const pandas = summary(theirs);
      line(`pandas ${python}`, pandas);
      const same = JSON.stringify(tableLines(join(folder, 'custodian.csv'))) === JSON.stringify(tableLines(join(folder, 'pandas.csv')));
      console.log(`   the two published tables:          ${same ? 'identical' : 'DIFFERENT (check the rule)'}`);
      const cpuRatio = custodian.cpu / pandas.cpu;
      const wallRatio = custodian.wall / pandas.wall;
      const met = (ratio: number) => (ratio <= PANDAS_RATIO_TARGET ? 'MET' : 'MISSED');
      console.log(`   ratio (CPU):                       ${cpuRatio.toFixed(2)} × (target ≤ ${PANDAS_RATIO_TARGET} ×) ${met(cpuRatio)}`);
      console.log(`   ratio (wall clock):                ${wallRatio.toFixed(2)} × (target ≤ ${PANDAS_RATIO_TARGET} ×) ${met(wallRatio)}`);
    } else {
      console.log('   pandas                             skipped: no Python here can import pandas (Debian/Ubuntu: apt-get install python3-pandas; or set PYTHON)');
    }
    const withReport = runCustodian(million, join(folder, 'custodian-report.csv'), ['--report', join(folder, 'report.json')]);
    line('disclose --report (JavaScript)', { wall: withReport.wallMs, cpu: withReport.cpuMs, rss: withReport.maxRssMiB });

    console.log('\n2. Peak RSS of disclose (each size in its own process)');
    const large = runCustodian(tenMillion, join(folder, 'custodian-10m.csv'));
    console.log(`   1,000,000 rows:   ${custodian.rss.toFixed(0)} MiB`);
    console.log(`   10,000,000 rows:  ${large.maxRssMiB.toFixed(0)} MiB (target < ${MEMORY_TARGET_MIB} MiB) ${large.maxRssMiB < MEMORY_TARGET_MIB ? 'MET' : 'MISSED'}  (${seconds(large.wallMs)} wall, ${seconds(large.cpuMs)} CPU)`);
    console.log(`   growth for 10× the rows: ${(large.maxRssMiB / custodian.rss).toFixed(2)} ×`);

    console.log('\n3. Secondary suppression + attacker’s audit, 100 × 100 table with totals, 10 % primary cells');
    const table = gridWithTotals(100, 0.1);
    const solver = await loadHighsSolver();
    const start = performance.now();
    const outcome = discloseTable(table, findBuiltinProfile('nhs-small-numbers-1-5')!, defaultTableOptions, solver);
    const elapsed = (performance.now() - start) / 1000;
    console.log(`   primary cells:           ${outcome.publication.count('primary')}`);
    console.log(`   complementary cells:     ${outcome.publication.count('secondary')}`);
    console.log(`   linear programs solved:  ${outcome.audit.solverCalls} in the final audit (${solver.name})`);
    console.log(`   audit:                   ${outcome.audit.passed ? 'passed' : 'FAILED'}`);
    console.log(`   time:                    ${elapsed.toFixed(2)} s (target ≤ ${SECONDARY_TARGET_S} s) ${elapsed <= SECONDARY_TARGET_S ? 'MET' : 'MISSED'}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
