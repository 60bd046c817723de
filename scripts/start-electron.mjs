// `npm start`: build the app and open it in Electron. It looks for Electron's binary before
// building, and when there is none says what is missing in one paragraph (exit 1), rather than
// letting the electron package try a download that fails offline with a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary, missingElectronMessage } from './electron-binary.mjs';

const binary = electronBinary();
if (!binary) {
  console.error(`npm start: ${missingElectronMessage()}`);
  process.exit(1);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl-C reaches Electron from the terminal; this process waits for it to close.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
