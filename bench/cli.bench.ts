// npm run bench:cli — how long `custodian` takes to start, against `node -e 0` measured in the same
// run (absolute times depend on the machine and what else it runs; the ratios travel). It builds
// dist-cli/ first (the package script does), as `npm ci` would, then times, round after round so
// the machine's load falls on every command alike:
//   custodian --help                               target: within 3x of node -e 0
//   custodian findings --db small.sqlite          target: within 5x of node -e 0 (100 agreements)
// Each figure is the median wall-clock time of the rounds, after warm-up rounds that also fill V8's
// compile cache (which bin/custodian.mjs turns on), as every run after the first one finds it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/open-database';
import { storeRegister } from '../test/helpers/store-register';
import { generateLargeRegister, LARGE_REGISTER_AS_OF } from './large-register';

const ROUNDS = 21;
const WARM_UP = 3;
const bin = join(import.meta.dirname, '..', 'bin', 'custodian.mjs');

const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-cli-'));
const db = join(dir, 'small.sqlite');
const opened = openDatabase(db, { create: true });
storeRegister(opened.db, generateLargeRegister({ agreements: 100, holdings: 400, copies: 1_000 }));
opened.db.close();

const commands: { name: string; args: string[]; target: number | null; okCodes: number[] }[] = [
  { name: 'node -e 0', args: ['-e', '0'], target: null, okCodes: [0] },
  { name: 'custodian --help', args: [bin, '--help'], target: 3, okCodes: [0] },
  // Exit 1 is findings' answer "there are high findings", not a failure.
  { name: 'custodian findings (small register)', args: [bin, 'findings', '--db', db, '--as-of', LARGE_REGISTER_AS_OF], target: 5, okCodes: [0, 1] },
];

function timeOnce(args: string[], okCodes: number[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CUSTODIAN_DB: db } });
  const ms = performance.now() - start;
  if (!okCodes.includes(run.status ?? -1)) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  if (run.stderr.includes('compiled CLI (dist-cli/) is missing')) throw new Error('dist-cli/ is missing: run "npm run build:cli"');
  return ms;
}

const times = commands.map(() => [] as number[]);
for (let round = 0; round < WARM_UP + ROUNDS; round++) {
  commands.forEach((command, i) => {
    const ms = timeOnce(command.args, command.okCodes);
    if (round >= WARM_UP) times[i]!.push(ms);
  });
}
rmSync(dir, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const baseline = median(times[0]!);
console.log(`custodian start-up, median wall clock of ${ROUNDS} rounds (Node ${process.version}):`);
let failed = false;
commands.forEach((command, i) => {
  const ms = median(times[i]!);
  const ratio = ms / baseline;
  const verdict = command.target === null ? 'baseline' : ratio <= command.target ? `within ${command.target}x: ok` : `OVER the ${command.target}x target`;
  if (command.target !== null && ratio > command.target) failed = true;
  console.log(`  ${command.name.padEnd(38)} ${ms.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}x  ${verdict}`);
});
process.exitCode = failed ? 1 : 0;
