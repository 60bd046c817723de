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
  external: ['electron', 'better-sqlite3', 'pdfkit', 'highs', '@duckdb/node-api'],
  logLevel: 'warning',
};
// In the main and worker bundles import.meta.url is the bundle's own URL, so the disclosure worker
// is found beside main.cjs. Not in the sandboxed preload, which may require nothing but 'electron'.
const withImportMetaUrl = { define: { 'import.meta.url': 'importMetaUrl' }, inject: ['scripts/import-meta-url.mjs'] };

await build({ ...common, ...withImportMetaUrl, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist-electron/preload.cjs' });
// The disclosure worker thread (reading, protecting and the attacker's linear programs) runs from its own bundle.
await build({
  ...common,
  ...withImportMetaUrl,
  entryPoints: ['electron/disclosure/disclosure-worker.ts'],
  outfile: 'dist-electron/disclosure-worker.cjs',
});
// The Data Uses Register is read in its own worker thread too, so a hostile workbook cannot take main down.
await build({ ...common, ...withImportMetaUrl, entryPoints: ['electron/imports/dur/dur-worker.ts'], outfile: 'dist-electron/dur-worker.cjs' });
console.log('built dist-electron/main.cjs, preload.cjs, disclosure-worker.cjs and dur-worker.cjs');
