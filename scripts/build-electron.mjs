// Bundles the main process and the preload to CommonJS for Electron. The preload is sandboxed, so it
// must be a single file with no requires other than 'electron'.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  // pdfkit is loaded from node_modules at run time: bundled, its ES module build resolves its data
  // files from import.meta.url, which a CommonJS bundle does not have.
  external: ['electron', 'better-sqlite3', 'pdfkit'],
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
