// npm run bench:findings — how long computeFindings takes on the issue's scale (1,000 agreements,
// 20,000 holdings, 100,000 copies), built in memory. A benchmark, not a test: it prints figures and
// ratios, because absolute times depend on the machine and on what else it is running.
//
// Each figure is the median of several runs (after warm-up runs) of the main thread's CPU time (process.threadCpuUsage),
// which a busy machine inflates far less than wall-clock time; the wall-clock median is printed too.
import { performance } from 'node:perf_hooks';
import { computeFindings } from '../shared/findings';
import { upcomingDeadlines } from '../shared/register/deadlines';
import { pendingDestructions } from '../shared/register/destruction-deadline';
import { registerContentSchema } from '../shared/register/snapshot';
import { generateLargeRegister, issueScale, LARGE_REGISTER_AS_OF } from './large-register';

const TARGET_MS = 200;
const RUNS = 15;
// The app computes findings again on every visit to a screen, so what a user waits for is the
// compiled code: the first runs, while V8 is still optimising, are left out.
const WARM_UP_RUNS = 3;

interface Timing {
  cpuMs: number;
  wallMs: number;
  result: unknown;
}

function measure(work: () => unknown): Timing {
  for (let i = 0; i < WARM_UP_RUNS; i++) work();
  const cpu: number[] = [];
  const wall: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.threadCpuUsage();
    const wallStart = performance.now();
    result = work();
    wall.push(performance.now() - wallStart);
    const used = process.threadCpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { cpuMs: median(cpu), wallMs: median(wall), result };
}

const register = generateLargeRegister(issueScale);
registerContentSchema.parse(register); // the generated records are valid records, not shortcuts

// A yardstick of the machine's speed: one pass over every copy building a Map by id, the least any
// check over the copies must do. Ratios to it compare across machines.
const yardstick = measure(() => new Map(register.copies.map((c) => [c.id, c])));
const findings = measure(() => computeFindings(register, LARGE_REGISTER_AS_OF));
// The worst case a user meets: a register imported before its approved locations were entered, so
// that every live copy is a finding.
const unapproved = { ...register, approvedLocations: [] };
const everyCopyAFinding = measure(() => computeFindings(unapproved, LARGE_REGISTER_AS_OF));
const pending = measure(() => pendingDestructions(register, LARGE_REGISTER_AS_OF));
const deadlines = measure(() => upcomingDeadlines(register, LARGE_REGISTER_AS_OF, 365));

const line = (label: string, t: Timing) =>
  `${label.padEnd(28)}${t.cpuMs.toFixed(0).padStart(6)} ms CPU (${t.wallMs.toFixed(0)} ms wall)   ` +
  `${(t.cpuMs / TARGET_MS).toFixed(2)} of the ${TARGET_MS} ms target   ${(t.cpuMs / yardstick.cpuMs).toFixed(1)}× the yardstick`;

console.log(
  `Register: ${register.dsas.length} agreements, ${register.versions.length} versions, ${register.holdings.length} holdings, ` +
    `${register.copies.length} copies, judged on ${LARGE_REGISTER_AS_OF}; medians of ${RUNS} runs`,
);
console.log(line('yardstick (Map of copies)', yardstick));
console.log(line('computeFindings', findings));
console.log(`  ${(findings.result as unknown[]).length} findings`);
console.log(line('  … no approvals recorded', everyCopyAFinding));
console.log(`  ${(everyCopyAFinding.result as unknown[]).length} findings`);
console.log(line('pendingDestructions', pending));
console.log(line('upcomingDeadlines (1 year)', deadlines));
console.log(findings.cpuMs <= TARGET_MS ? `computeFindings is within the ${TARGET_MS} ms target.` : `computeFindings is OVER the ${TARGET_MS} ms target.`);
