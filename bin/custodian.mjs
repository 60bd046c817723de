#!/usr/bin/env node
// The `custodian` command. It runs the TypeScript sources through tsx so that `npx custodian` works
// straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `custodian: needs Node.js 22.12 or newer (this is ${process.version}); run it through npx or npm run from the repository.\n`,
  );
  process.exit(2);
}

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
