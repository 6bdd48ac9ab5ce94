// A minimal static server for dist/ on loopback, for the end-to-end tests and the benchmark.
// Serves under an optional sub-path (KOOP_BASE, e.g. "/apps/koop/") to prove dist/ works there,
// or under several (comma-separated, or `bases`), like two deployments on one origin.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function serve({ root, port = 0, base = '/', bases = [base] }) {
  const rootDir = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const base = bases.find((b) => url.pathname.startsWith(b));
      if (!base) {
        res.writeHead(404).end('not found');
        return;
      }
      let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
      const file = normalize(join(rootDir, rel));
      if (!file.startsWith(rootDir)) {
        res.writeHead(403).end();
        return;
      }
      let path = file;
      let s = await stat(path).catch(() => null);
      // A folder with its own index.html is a deployment of its own (tests serve several).
      if (s?.isDirectory()) {
        path = join(file, 'index.html');
        s = await stat(path).catch(() => null);
      }
      if (!s) path = join(rootDir, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] || 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT || 8080);
  const bases = (process.env.KOOP_BASE || '/').split(',');
  const server = await serve({ root: process.argv[2] || 'dist', port, bases });
  console.log(bases.map((b) => `http://127.0.0.1:${server.address().port}${b}`).join(' '));
}
