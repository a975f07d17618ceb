// A tiny static file server for the end-to-end tests (node:http only).
//
// Serves a directory (dist/ by default) on 127.0.0.1 with the right MIME types
// (application/wasm matters: WebAssembly.instantiateStreaming refuses anything else) and
// lets a test add response headers, e.g. a strict Content-Security-Policy.
//
//   import { startServer } from './server.mjs';
//   const srv = await startServer({ root: 'dist', headers: { 'Content-Security-Policy': '...' } });
//   srv.origin  // "http://127.0.0.1:43121"
//   srv.requests // every path asked for, in order
//   await srv.close();
//
// `mounts` serves other directories under URL prefixes, e.g. the example host pages at /
// and the built widget under /biodpia/:
//   startServer({ root: 'examples', mounts: { '/biodpia/': 'dist' } })
//
// Run by hand:  node tests/e2e/server.mjs [dir] [port] [--mount /prefix/=dir ...]
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/**
 * Start serving `root`.
 * @param {object} [opts]
 * @param {string} [opts.root='dist'] directory to serve
 * @param {string} [opts.host='127.0.0.1']
 * @param {number} [opts.port=0] 0 picks a free port
 * @param {Record<string,string>} [opts.headers] added to every response
 * @param {Record<string,string>} [opts.mounts] URL prefix ("/biodpia/") -> directory
 * @param {(req: http.IncomingMessage) => Record<string,string>|undefined} [opts.headersFor]
 *        extra headers per request (e.g. only on the HTML document)
 */
export async function startServer(opts = {}) {
  const root = path.resolve(opts.root ?? 'dist');
  const host = opts.host ?? '127.0.0.1';
  const extra = opts.headers ?? {};
  const requests = [];
  // Longest prefix first, so "/a/b/" wins over "/a/".
  const mounts = Object.entries(opts.mounts ?? {})
    .map(([prefix, dir]) => [prefix.replace(/\/?$/, '/'), path.resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);

  const server = http.createServer(async (req, res) => {
    requests.push(req.url);
    const send = (status, body, type) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
        ...(opts.headersFor?.(req) ?? {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, 'method not allowed', 'text/plain; charset=utf-8');
      }
      let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      let base = root;
      const mount = mounts.find(([prefix]) => rel.startsWith(prefix));
      if (mount) [base, rel] = [mount[1], rel.slice(mount[0].length - 1)];
      const file = path.resolve(base, '.' + rel);
      if (file !== base && !file.startsWith(base + path.sep)) {
        return send(403, 'forbidden', 'text/plain; charset=utf-8');
      }
      let data;
      try {
        data = await fs.readFile(file);
      } catch {
        return send(404, 'not found', 'text/plain; charset=utf-8');
      }
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      send(200, data, type);
    } catch (err) {
      send(500, String(err), 'text/plain; charset=utf-8');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  const { port } = server.address();
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: origin + '/',
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// `node tests/e2e/server.mjs [dir] [port] [--mount /prefix/=dir ...]`: serve by hand, e.g.
// to look at a build, or the examples: `node tests/e2e/server.mjs examples 8081 --mount /biodpia/=dist`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const mounts = {};
  for (let i = args.indexOf('--mount'); i >= 0; i = args.indexOf('--mount')) {
    const [prefix, dir] = (args[i + 1] ?? '').split('=');
    if (!prefix || !dir) throw new Error('--mount needs /prefix/=dir');
    mounts[prefix] = dir;
    args.splice(i, 2);
  }
  const srv = await startServer({ root: args[0] ?? 'dist', port: Number(args[1] ?? 8081), mounts });
  console.log(`serving ${path.resolve(args[0] ?? 'dist')} at ${srv.url}`);
  for (const [prefix, dir] of Object.entries(mounts)) console.log(`  ${prefix} -> ${path.resolve(dir)}`);
}
