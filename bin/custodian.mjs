#!/usr/bin/env node
// The `custodian` command. It runs dist-cli/custodian.mjs, the CLI compiled by `npm ci` (the
// `prepare` script, scripts/build-cli.mjs), so starting costs no TypeScript compilation; V8's
// compile cache then spares parsing it again on later runs. When the compiled CLI is missing (a
// checkout where `npm ci` was run with --ignore-scripts) it says so and runs the sources through
// tsx, which works but takes a second or two more. CUSTODIAN_FROM_SOURCE=1 runs the sources on
// purpose, for working on the CLI without rebuilding.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  // Installed with `npm install -g .` or `npm link`, this file runs on the machine's own Node, which
  // may be older than the SQLite binding needs; the checkout's pinned Node (the node@22
  // devDependency) is used instead when it is there.
  const pinned = fileURLToPath(new URL(`../node_modules/node/bin/node${process.platform === 'win32' ? '.exe' : ''}`, import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(
      `custodian: needs Node.js 22.12 or newer (this is ${process.version}); run "npm ci" in the repository (it installs Node 22 for the project), or install Node 22.\n`,
    );
    process.exit(2);
  }
  const child = spawn(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C or kill reaches this process; the child reports it and exits, this one waits for it.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
} else {
  module.enableCompileCache?.();
  const compiled = new URL('../dist-cli/custodian.mjs', import.meta.url);
  if (!process.env.CUSTODIAN_FROM_SOURCE && existsSync(fileURLToPath(compiled))) {
    await import(compiled.href);
  } else {
    if (!process.env.CUSTODIAN_FROM_SOURCE) {
      process.stderr.write('custodian: note: the compiled CLI (dist-cli/) is missing, so this runs from the sources, more slowly; "npm run build:cli" compiles it (npm ci does).\n');
    }
    const { register } = await import('tsx/esm/api');
    register();
    await import('../electron/cli/entry.ts');
  }
}
