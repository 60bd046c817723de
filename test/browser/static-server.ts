import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { mimeTypeFor } from '../../electron/security/app-protocol';

/** Serves the built renderer on loopback with the same CSP header the app:// protocol sends. */
export async function serveRenderer(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) {
    throw new Error(`The renderer is not built (${base}/index.html missing): run "npm run build:renderer" first.`);
  }
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = resolve(base, pathname === '/' ? 'index.html' : `.${pathname}`);
    if ((file !== base && !file.startsWith(base + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': mimeTypeFor(file), 'content-security-policy': contentSecurityPolicy });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
