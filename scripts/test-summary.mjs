// Prints how many tests each suite ran, from the JSON reports vitest wrote, so a CI log shows at a
// glance that the browser tests really ran. Exits 1 if a suite is missing or ran nothing.
import { existsSync, readFileSync } from 'node:fs';

const suites = [
  ['unit and integration', 'test/artefacts/tmp/unit-results.json'],
  ['browser (Chromium)', 'test/artefacts/tmp/browser-results.json'],
];
let passed = 0;
let failed = 0;
let skipped = 0;
let problem = false;
for (const [name, file] of suites) {
  if (!existsSync(file)) {
    console.log(`${name}: no results (${file} missing)`);
    problem = true;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const p = report.numPassedTests ?? 0;
  const f = report.numFailedTests ?? 0;
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${name}: ${p} passed, ${f} failed, ${s} skipped`);
  if (p === 0) problem = true;
  passed += p;
  failed += f;
  skipped += s;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(problem || failed > 0 ? 1 : 0);
