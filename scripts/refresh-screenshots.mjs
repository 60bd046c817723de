// Refreshes the README's screenshots in test/artefacts: the browser tests, with REFRESH_SCREENSHOTS
// set so that they save there instead of the ignored test/artefacts/tmp/screens.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, REFRESH_SCREENSHOTS: '1' }, shell: process.platform === 'win32' });
const built = run(['vite', 'build']);
if (built.status !== 0) process.exit(built.status ?? 1);
process.exit(run(['vitest', 'run', '--config', 'vitest.browser.config.ts']).status ?? 1);
