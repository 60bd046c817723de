// npm run bench:findings — how long computeFindings takes on the issue's scale (1,000 agreements,
// 20,000 holdings, 100,000 copies), built in memory. A benchmark, not a test: it prints figures and
// ratios to the 200 ms target, because absolute times depend on the machine.
import { performance } from 'node:perf_hooks';
import { computeFindings } from '../shared/findings';
import { pendingDestructions } from '../shared/register/destruction-deadline';
import { upcomingDeadlines } from '../shared/register/deadlines';
import { registerContentSchema } from '../shared/register/snapshot';
import { generateLargeRegister, issueScale, LARGE_REGISTER_AS_OF } from './large-register';

const TARGET_MS = 200;
const RUNS = 7;

function median(work: () => unknown): { ms: number; result: unknown } {
  work(); // warm-up: JIT and caches
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, result };
}

const register = generateLargeRegister(issueScale);
registerContentSchema.parse(register); // the generated records are valid records, not shortcuts
const asOf = LARGE_REGISTER_AS_OF;

// A machine-speed yardstick: one pass over every copy building a Map, the least any check must do.
const yardstick = median(() => new Map(register.copies.map((c) => [c.id, c.locationId]))).ms;
const findings = median(() => computeFindings(register, asOf));
const pending = median(() => pendingDestructions(register, asOf));
const deadlines = median(() => upcomingDeadlines(register, asOf, 365));

const line = (label: string, ms: number) =>
  `${label.padEnd(26)}${ms.toFixed(1).padStart(8)} ms   ${(ms / TARGET_MS).toFixed(2)} of the ${TARGET_MS} ms target   ${(ms / yardstick).toFixed(1)}× one Map pass over the copies`;

console.log(
  `Register: ${register.dsas.length} agreements, ${register.versions.length} versions, ${register.holdings.length} holdings, ${register.copies.length} copies; median of ${RUNS} runs`,
);
console.log(line('computeFindings', findings.ms));
console.log(`  ${(findings.result as unknown[]).length} findings`);
console.log(line('pendingDestructions', pending.ms));
console.log(line('upcomingDeadlines (1 year)', deadlines.ms));
console.log(findings.ms <= TARGET_MS ? `computeFindings is within the ${TARGET_MS} ms target.` : `computeFindings is OVER the ${TARGET_MS} ms target.`);
