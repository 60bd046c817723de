// Injected into the CommonJS bundles by scripts/build-electron.mjs: gives `import.meta.url` the URL
// of the bundle file itself, as esbuild recommends, instead of the empty value it would otherwise be.
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
