// Compiles the `custodian` command to dist-cli/ (run by `npm ci` through the `prepare` script, and
// by `npm run build:cli`), so that starting it costs no TypeScript compilation. ES modules with
// code splitting: each command is its own chunk, loaded by dynamic import() only when that command
// runs. Packages stay in node_modules (better-sqlite3's binding, pdfkit's data files and HiGHS's
// WebAssembly are found there at run time).
//
// The files are written beside the old ones and renamed into place, so a `custodian` started
// during a build (or tests building at the same time) never reads a half-written chunk.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const outdir = resolve(process.argv[2] ?? 'dist-cli');
const result = await build({
  entryPoints: { custodian: 'electron/cli/entry.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  outdir,
  outExtension: { '.js': '.mjs' },
  // Small pure-JavaScript packages are bundled: Node then resolves and links one file instead of
  // zod's hundred. Native, WebAssembly and data-file packages, and the big ones only some commands
  // load, stay in node_modules.
  external: ['better-sqlite3', 'pdfkit', 'highs', 'exceljs', 'pdf-lib', 'qrcode', 'csv-parse', 'csv-stringify', 'iconv-lite', '@duckdb/node-api'],
  // Bundled CommonJS (commander) calls require() for Node's built-ins, which an ES module lacks.
  banner: { js: "import { createRequire as __custodianRequire } from 'node:module'; const require = __custodianRequire(import.meta.url);" },
  write: false,
  metafile: process.env.CUSTODIAN_CLI_METAFILE ? true : false,
  logLevel: 'warning',
});

mkdirSync(outdir, { recursive: true });
// Chunk names carry a content hash, so new chunks never overwrite ones an old entry still uses;
// the entry, renamed last, switches to the new set in one step.
const entry = join(outdir, 'custodian.mjs');
const files = [...result.outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
for (const file of files) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
const current = new Set(files.map((file) => basename(file.path)));
for (const name of readdirSync(outdir)) if (name.endsWith('.mjs') && !current.has(name)) rmSync(join(outdir, name), { force: true });
if (result.metafile) writeFileSync(process.env.CUSTODIAN_CLI_METAFILE, JSON.stringify(result.metafile));
console.log(`built ${outdir}/custodian.mjs and ${files.length - 1} chunks`);
