// Where Electron's binary is, or null when it is not on this machine. The `electron` package
// downloads its binary on first launch, which fails offline with a stack trace and advice that
// needs the network; `npm start` and `npm run test:electron` look first and explain instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronBinary(env = process.env) {
  const electronDir = join(require.resolve('electron/package.json'), '..');
  const pathFile = join(electronDir, 'path.txt');
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron')
    : existsSync(pathFile)
      ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
      : null;
  return binary && existsSync(binary) ? binary : null;
}

/** One paragraph: what is missing and the two ways to provide it. */
export function missingElectronMessage(env = process.env) {
  const where = env.ELECTRON_OVERRIDE_DIST_PATH
    ? `ELECTRON_OVERRIDE_DIST_PATH is set to ${env.ELECTRON_OVERRIDE_DIST_PATH}, but there is no Electron executable in that folder.`
    : 'The electron package is installed, but its binary (node_modules/electron/dist/) is not: npm downloads it on first launch, and this machine has not done so.';
  return (
    `No Electron binary is present, so the app cannot start. ${where} ` +
    'Either run "node node_modules/electron/install.js" where the network reaches GitHub\'s releases, ' +
    'or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 build (the folder with the electron executable), ' +
    'e.g. ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v45 npm start. The CLI (npx custodian) works without Electron.'
  );
}
