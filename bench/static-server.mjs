// A tiny static file server for the benchmark that counts the bytes it sends.
// Like a typical static host (Netlify), it gzips text types (html, css, js, json, svg, xml) on the fly;
// files that are already compressed inside (Hindsight's search shards, Pagefind's .pf_* and wasm) go as they are.
// It also serves /__bench__.html, an empty page on the site's origin, so a query can start from a blank page.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain',
  '.wasm': 'application/wasm', '.png': 'image/png', '.ico': 'image/x-icon', '.csv': 'text/csv',
};
const COMPRESS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.csv']);
const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

/** Starts a server for a folder; returns {url, log, reset(), close()}. The log lists {path, bytes} per response. */
export async function serve(root, { gzip = true } = {}) {
  const log = [];
  const gzCache = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    let body;
    let ext;
    if (rel === '/__bench__.html') {
      body = Buffer.from(BLANK);
      ext = '.html';
    } else {
      let file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
      try {
        if (fs.statSync(file).isDirectory()) {
          file = path.join(file, 'index.html');
        }
        body = fs.readFileSync(file);
        ext = path.extname(file).toLowerCase();
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        log.push({ path: rel, status: 404, bytes: 9 });
        return;
      }
    }
    const headers = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-cache' };
    const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    if (gzip && accepts && COMPRESS.has(ext)) {
      const key = rel;
      if (!gzCache.has(key)) {
        gzCache.set(key, zlib.gzipSync(body, { level: 6 }));
      }
      body = gzCache.get(key);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
    log.push({ path: rel, status: 200, bytes: body.length });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    reset() { log.length = 0; },
    close() { return new Promise((ok) => server.close(ok)); },
  };
}
