// Loaded with `node --import` by tests: appends the URL of every module the process loads to the
// file named by CUSTODIAN_LOAD_LOG, so a test can see which libraries a command read.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const log = process.env.CUSTODIAN_LOAD_LOG;
registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    if (log) appendFileSync(log, `${resolved.url}\n`);
    return resolved;
  },
});
