// Preloaded into a benchmarked `custodian` (node --import): writes the process's own CPU time and
// peak memory to $BENCH_USAGE_FILE as it exits, since Node cannot read a child's resource usage.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const file = process.env.BENCH_USAGE_FILE;
  if (file) writeFileSync(file, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMiB: usage.maxRSS / 1024 }));
});
