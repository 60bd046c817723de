import { runCli } from './main';
import { exitQuietlyOnInterrupt, processIo } from './process-io';

/** The `custodian` process: bin/custodian.mjs loads this, compiled to dist-cli/ by scripts/build-cli.mjs. */
exitQuietlyOnInterrupt();
process.exitCode = await runCli(process.argv.slice(2), processIo());
