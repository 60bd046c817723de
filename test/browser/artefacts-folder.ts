import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the browser tests save their screenshots. A test run must leave tracked files unchanged, so
 * by default they go to the ignored test/artefacts/tmp/screens; `npm run screenshots` (which sets
 * REFRESH_SCREENSHOTS=1) writes them over the README's pictures in test/artefacts instead.
 */
export const artefactsFolder = process.env.REFRESH_SCREENSHOTS
  ? join(import.meta.dirname, '..', 'artefacts')
  : join(import.meta.dirname, '..', 'artefacts', 'tmp', 'screens');
mkdirSync(artefactsFolder, { recursive: true });
