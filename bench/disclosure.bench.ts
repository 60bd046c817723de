// npm run bench:disclosure — the disclosure engine against the speed targets. A benchmark,
// not a test: it prints figures and ratios, because absolute times depend on the machine.
//
//  1. A generated long-format table of 1,000,000 rows: the time merely to read and parse it (every
//     count checked) against the time to disclose it with nhs-secondary-care and write the published
//     CSV, in the same run. Target: disclose ≤ 3 × read.
//  2. Peak RSS of that disclose at 1,000,000 and 10,000,000 rows: memory should stay flat. Each size
//     runs in its own child process, so each peak is that run's alone.
//  3. Secondary suppression plus the attacker's audit on a 100 × 100 table with row and column totals
//     and 10 % primary cells. Target: ≤ 10 s.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findBuiltinProfile } from '../shared/disclosure/builtin-profiles';
import { discloseTable } from '../shared/disclosure/disclose';
import { defaultTableOptions, type CountTable } from '../shared/disclosure/table';
import { discloseFile } from '../electron/disclosure/disclose-file';
import { loadHighsSolver } from '../electron/disclosure/highs-solver';
import { openTable } from '../electron/disclosure/read/table-reader';

const READ_RATIO_TARGET = 3;
const SECONDARY_TARGET_S = 10;

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

// ---- child process: one measured run, reported as JSON on stdout ----
async function child(mode: 'read' | 'disclose', file: string): Promise<void> {
  const start = performance.now();
  let rows = 0;
  if (mode === 'read') {
    const reader = await openTable({ kind: 'path', path: file }, { totalLabels: ['Total'] });
    for await (const batch of reader.batches) rows += batch.length;
  } else {
    const result = await discloseFile({
      input: { kind: 'path', path: file },
      profile: findBuiltinProfile('nhs-secondary-care')!,
      tableOptions: defaultTableOptions,
      output: { path: `${file}.published.csv`, format: 'csv' },
      reportPath: process.env.BENCH_REPORT ? `${file}.report.json` : null,
      loadSolver: loadHighsSolver,
      toolVersion: 'bench',
    });
    rows = result.report.summary.rows;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000; // all threads of the process, start-up included
  process.stdout.write(JSON.stringify({ ms, cpuMs, rows, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

interface ChildRun {
  ms: number;
  cpuMs: number;
  rows: number;
  maxRssMiB: number;
}

function runChild(mode: 'read' | 'disclose', file: string, env: NodeJS.ProcessEnv = {}): ChildRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', mode, file], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`child ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
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
  const folder = mkdtempSync(join(tmpdir(), 'custodian-bench-'));
  try {
    const million = join(folder, 'long-1m.csv');
    const tenMillion = join(folder, 'long-10m.csv');
    process.stdout.write('Generating 1,000,000-row and 10,000,000-row long tables… ');
    await generateLongTable(million, 1_000_000);
    await generateLongTable(tenMillion, 10_000_000);
    console.log(`${(statSync(million).size / 2 ** 20).toFixed(0)} MiB and ${(statSync(tenMillion).size / 2 ** 20).toFixed(0)} MiB`);

    console.log('\n1. Disclose vs read+parse, 1,000,000 rows (fresh child processes, alternating; median of 3)');
    // Alternating runs share whatever else the machine is doing; CPU time is the steadier measure on a busy machine.
    const reads: ChildRun[] = [];
    const discloses: ChildRun[] = [];
    for (let i = 0; i < 3; i++) {
      reads.push(runChild('read', million));
      discloses.push(runChild('disclose', million));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    const read = { wall: median(reads.map((r) => r.ms)), cpu: median(reads.map((r) => r.cpuMs)) };
    const disclose = { wall: median(discloses.map((r) => r.ms)), cpu: median(discloses.map((r) => r.cpuMs)) };
    const ratio = disclose.cpu / read.cpu;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`   read + parse:            ${seconds(read.wall)} wall, ${seconds(read.cpu)} CPU`);
    console.log(`   disclose (CSV output):   ${seconds(disclose.wall)} wall, ${seconds(disclose.cpu)} CPU`);
    console.log(`   ratio (CPU):             ${ratio.toFixed(2)} × (target ≤ ${READ_RATIO_TARGET} ×) ${ratio <= READ_RATIO_TARGET ? 'MET' : 'MISSED'}`);
    console.log(`   ratio (wall clock):      ${(disclose.wall / read.wall).toFixed(2)} ×`);
    const withReport = runChild('disclose', million, { BENCH_REPORT: '1' });
    console.log(`   disclose + JSON report:  ${seconds(withReport.ms)} wall, ${seconds(withReport.cpuMs)} CPU (${(withReport.cpuMs / read.cpu).toFixed(2)} × read, CPU; one report entry per changed cell)`);

    console.log('\n2. Peak RSS of disclose (each size in its own child process)');
    const small = discloses[0]!;
    const large = runChild('disclose', tenMillion);
    console.log(`   1,000,000 rows:   ${small.maxRssMiB.toFixed(0)} MiB`);
    console.log(`   10,000,000 rows:  ${large.maxRssMiB.toFixed(0)} MiB  (${(large.ms / 1000).toFixed(1)} s wall)`);
    console.log(`   growth for 10× the rows: ${(large.maxRssMiB / small.maxRssMiB).toFixed(2)} ×`);

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

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) await child(process.argv[childIndex + 1] as 'read' | 'disclose', process.argv[childIndex + 2]!);
else await main();
