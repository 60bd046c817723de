// Runs the browser flows in real Electron through Playwright's _electron. Electron's binary cannot
// be downloaded on every machine (CI here has none), so this skips, loudly, when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = join(require.resolve('electron/package.json'), '..');
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const pathFile = join(electronDir, 'path.txt');
const binary = override
  ? join(override, process.platform === 'win32' ? 'electron.exe' : 'electron')
  : existsSync(pathFile)
    ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    : null;

if (!binary || !existsSync(binary)) {
  console.log(
    'test:electron SKIPPED: no Electron binary is present. Install one with "node node_modules/electron/install.js" ' +
      'where the network allows, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron build.',
  );
  process.exit(0);
}

const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.electron.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CUSTODIAN_ELECTRON_BINARY: binary },
});
process.exit(result.status ?? 1);
