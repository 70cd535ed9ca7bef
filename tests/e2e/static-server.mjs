#!/usr/bin/env node
// A plain static file server (Node's http module only) that serves the built
// dist/ under a sub-path, the way a town's web host would, e.g.
//   http://127.0.0.1:4173/towns/hokuto/shirube/
// - only GET and HEAD; only files under the sub-path; 404 for everything else
// - no directory listings: a directory is served only as the sub-path root,
//   which answers with index.html ("/towns/hokuto/shirube" redirects to the "/" form)
// - correct Content-Type for every file kind the app ships (application/wasm included)
// - logs every request: method, URL, status, bytes, milliseconds
//
// Settings (environment): E2E_PORT (4173), E2E_HOST (127.0.0.1),
// E2E_BASE_PATH (/towns/hokuto/shirube/), E2E_DIST (dist, relative to the repo root),
// E2E_SERVER_LOG_FILE (also write the request log to this file, truncated at start).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = Number(process.env.E2E_PORT ?? 4173);
const HOST = process.env.E2E_HOST ?? '127.0.0.1';
let BASE = process.env.E2E_BASE_PATH ?? '/towns/hokuto/shirube/';
if (!BASE.startsWith('/')) BASE = `/${BASE}`;
if (!BASE.endsWith('/')) BASE = `${BASE}/`;
const DIST = path.resolve(repoRoot, process.env.E2E_DIST ?? 'dist');
const LOG_FILE = process.env.E2E_SERVER_LOG_FILE ? path.resolve(repoRoot, process.env.E2E_SERVER_LOG_FILE) : null;
if (LOG_FILE) {
  fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
  fs.writeFileSync(LOG_FILE, '');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`static-server: ${path.join(DIST, 'index.html')} does not exist; run "bash scripts/build.sh" first`);
  process.exit(1);
}

function log(req, status, bytes, started) {
  const ms = (performance.now() - started).toFixed(1);
  const line = `${new Date().toISOString()} ${req.method} ${req.url} -> ${status} ${bytes}B ${ms}ms`;
  console.log(line);
  if (LOG_FILE) fs.appendFileSync(LOG_FILE, `${line}\n`);
}

function send(req, res, status, body, headers, started) {
  const buf = Buffer.from(body);
  res.writeHead(status, { 'Content-Length': buf.length, 'Cache-Control': 'no-store', ...headers });
  res.end(req.method === 'HEAD' ? undefined : buf);
  log(req, status, buf.length, started);
}

function notFound(req, res, started) {
  send(req, res, 404, 'Not found\n', { 'Content-Type': 'text/plain; charset=utf-8' }, started);
}

// Maps a request path to a file inside DIST, or null (404).
function resolveFile(pathname) {
  if (!pathname.startsWith(BASE)) return null;
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(BASE.length));
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '' || rel === 'index.html') return path.join(DIST, 'index.html');
  if (rel.endsWith('/')) return null; // no directory listings, no directory index pages
  const file = path.resolve(DIST, rel);
  if (!file.startsWith(DIST + path.sep)) return null; // no escaping dist/
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  return stat.isFile() ? file : null;
}

const server = http.createServer((req, res) => {
  const started = performance.now();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, started);
    return;
  }
  let url;
  try {
    url = new URL(req.url, `http://${HOST}:${PORT}`);
  } catch {
    notFound(req, res, started);
    return;
  }
  if (url.pathname === BASE.slice(0, -1)) {
    send(req, res, 301, '', { Location: BASE + url.search }, started);
    return;
  }
  const file = resolveFile(url.pathname);
  if (!file) {
    notFound(req, res, started);
    return;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const size = fs.statSync(file).size;
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    log(req, 200, 0, started);
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', (err) => {
    console.error(`static-server: reading ${file}: ${err.message}`);
    res.destroy(err);
  });
  stream.on('end', () => log(req, 200, size, started));
  stream.pipe(res);
});

server.on('error', (err) => {
  console.error(`static-server: ${err.message}`);
  process.exit(1);
});
server.listen(PORT, HOST, () => {
  console.log(`static-server: serving ${DIST} at http://${HOST}:${PORT}${BASE}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.closeAllConnections();
    server.close();
    process.exit(0);
  });
}
