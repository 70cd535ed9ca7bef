// The reproduction's server: this folder's files, and a line per /beat?… request (a page's load).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [dir, port] = [process.argv[2], Number(process.argv[3])];
const types = { '.html': 'text/html', '.wasm': 'application/wasm' };
http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/beat') {
      console.log(`${Date.now()} ${url.search.slice(1)}`);
      res.end();
      return;
    }
    const file = path.join(dir, path.basename(url.pathname) || 'index.html');
    fs.readFile(file, (err, body) => {
      res.statusCode = err ? 404 : 200;
      res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
      res.setHeader('cache-control', 'no-store');
      res.end(err ? '' : body);
    });
  })
  .listen(port, '127.0.0.1');
