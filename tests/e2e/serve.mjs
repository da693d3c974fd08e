// Minimal static server for the production build, mounted under a sub-path
// (default /causal-chat/) so that Vite's relative asset paths (base './') are
// exercised the way they would be on a static host such as GitHub Pages.
// Text files are gzipped for clients that accept it, as static hosts such as GitHub Pages do,
// so transfer sizes (and Lighthouse's simulated network) match a real deployment.
// No dependencies: node:http + node:fs + node:zlib only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(process.env.DIST_DIR ?? join(here, '..', '..', 'dist'));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const mount = process.env.BASE_PATH ?? '/causal-chat/';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Types worth compressing: text, scripts, styles, JSON and SVG. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('404 Not Found\n');
}

const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    let pathname = decodeURIComponent(url.pathname);
    if (pathname === mount.slice(0, -1)) {
      res.writeHead(301, { location: mount });
      res.end();
      return;
    }
    if (!pathname.startsWith(mount)) return notFound(res);
    pathname = pathname.slice(mount.length);
    if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) return notFound(res);
    const raw = await readFile(file);
    const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? gzipSync(raw) : raw;
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-store',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`500 ${String(err)}\n`);
  }
});

server.listen(port, host, () => {
  console.log(`serving ${root} at http://${host}:${port}${mount}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Browsers keep idle connections open, which would hold close() up indefinitely.
    server.closeAllConnections();
  });
}
