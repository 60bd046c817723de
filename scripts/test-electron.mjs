// Runs the browser flows in real Electron through Playwright's _electron. Electron's binary cannot
// be downloaded on every machine (CI here has none), so this skips, loudly, when it is missing.
import { spawnSync } from 'node:child_process';
import { electronBinary, missingElectronMessage } from './electron-binary.mjs';

const binary = electronBinary();
if (!binary) {
  console.log(`test:electron SKIPPED: ${missingElectronMessage()}`);
  process.exit(0);
}

const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.electron.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CUSTODIAN_ELECTRON_BINARY: binary },
});
process.exit(result.status ?? 1);
