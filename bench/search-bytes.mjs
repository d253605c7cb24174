// Bytes and requests for cold queries: Hindsight's static search against Pagefind's, in headless Chromium.
//
//   node bench/search-bytes.mjs --hindsight OUT_DIR --pagefind HUGO_OUT_DIR \
//        --queries bench/queries.txt,bench/queries-symptom.txt,bench/queries-paste.txt \
//        [--results 10] [--json FILE] [--no-gzip] [--verbose]
//
// Each site is served from localhost by static-server.mjs, which counts the response bytes it sends (so requests
// made from web workers are counted too). Every query runs in a fresh browser context: an empty cache, a cold query.
// - Pagefind: from an empty page on the site's origin, import /pagefind/pagefind.js, search, then load data() of
//   the first N results (what a results list shows).
// - Hindsight: open /search/?q=... and wait until the network is idle (the client has fetched the manifest, the
//   shards, the postings and the fragments of the visible results). The search page's own HTML, CSS and images
//   are counted apart ("page"), since every page of the site has them; "query" is everything else (the search
//   scripts included, as Pagefind's are).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2));
// --queries takes one file or a comma-separated list; each file is one kind of query, named after the file
// (queries.txt: two-word, queries-symptom.txt: symptom, queries-paste.txt: paste).
const queryFiles = (args.queries || new URL('./queries.txt', import.meta.url).pathname).split(',');
const queries = queryFiles.flatMap((file) => {
  const base = file.replace(/^.*\//, '').replace(/\.txt$/, '');
  const kind = base === 'queries' ? 'two-word' : base.replace(/^queries-/, '');
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    .map((text) => ({ text, kind }));
});
const results = Number(args.results || 10);
const gzip = !args['no-gzip'];
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true,
});
const systems = [];
if (args.hindsight) {
  systems.push({ name: 'hindsight', server: await serve(args.hindsight, { gzip }), run: hindsightQuery });
}
if (args.pagefind) {
  systems.push({ name: 'pagefind', server: await serve(args.pagefind, { gzip }), run: pagefindQuery });
}
const rows = [];
try {
  for (const { text: q, kind } of queries) {
    for (const s of systems) { // interleaved: both systems see the same machine state for each query
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        const r = await s.run(page, s.server, q);
        await new Promise((ok) => setTimeout(ok, 50));
        const log = s.server.log.slice();
        // The page's own HTML, CSS, images and favicon are not part of the query; every page has them.
        const isPage = (e) => e.path === r.document || /\.(css|svg|png|ico|jpe?g|webp|woff2?)$/.test(e.path);
        const query = log.filter((e) => !isPage(e));
        rows.push({
          system: s.name, kind, query: q, results: r.count, ms: Math.round(r.ms),
          requests: query.length, bytes: sum(query), pageBytes: sum(log.filter(isPage)),
          files: args.verbose ? log : undefined, errors,
        });
      } catch (e) {
        rows.push({ system: s.name, kind, query: q, error: String(e).split('\n')[0], errors });
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  for (const s of systems) await s.server.close();
}

print(rows);
if (args.json) {
  fs.writeFileSync(args.json, JSON.stringify({ results, gzip, rows }, null, 2));
}

async function pagefindQuery(page, server, q) {
  await page.goto(server.url + '/__bench__.html');
  server.reset();
  const r = await page.evaluate(async ({ q, n }) => {
    const t0 = performance.now();
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(q);
    await Promise.all(search.results.slice(0, n).map((x) => x.data()));
    return { count: search.results.length, ms: performance.now() - t0 };
  }, { q, n: results });
  return { ...r, document: '/__bench__.html' };
}

async function hindsightQuery(page, server, q) {
  server.reset();
  const t0 = Date.now();
  await page.goto(server.url + '/search/?q=' + encodeURIComponent(q), { waitUntil: 'networkidle' });
  const ms = Date.now() - t0 - 500; // networkidle waits 500 ms after the last request
  const sel = args['hindsight-results'] || 'li.search-result';
  const count = await page.$$eval(sel, (els) => els.length).catch(() => -1);
  return { count, ms, document: '/search/' };
}

function sum(entries) {
  return entries.reduce((a, e) => a + e.bytes, 0);
}

function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function print(rows) {
  const kb = (b) => (b / 1024).toFixed(1);
  console.log(`cold queries, first ${results} results, host gzip ${gzip ? 'on' : 'off'}`);
  console.log('query'.padEnd(26) + 'system'.padEnd(11) + 'results'.padStart(8) + 'requests'.padStart(9)
    + 'query KB'.padStart(10) + 'page KB'.padStart(9) + 'ms'.padStart(7));
  for (const r of rows) {
    if (r.error) {
      console.log(r.query.padEnd(26) + r.system.padEnd(11) + '  ERROR ' + r.error);
      continue;
    }
    console.log(r.query.slice(0, 25).padEnd(26) + r.system.padEnd(11) + String(r.results).padStart(8)
      + String(r.requests).padStart(9) + kb(r.bytes).padStart(10) + kb(r.pageBytes).padStart(9)
      + String(r.ms).padStart(7) + (r.errors.length ? '  page errors: ' + r.errors.join('; ') : ''));
    if (r.files) r.files.forEach((f) => console.log('    ' + f.status + ' ' + String(f.bytes).padStart(8) + ' ' + f.path));
  }
  for (const kind of [...new Set(rows.map((r) => r.kind))]) {
    for (const name of ['hindsight', 'pagefind']) {
      const ok = rows.filter((r) => r.system === name && r.kind === kind && !r.error);
      if (ok.length) {
        console.log(`${kind} ${name}: median ${kb(median(ok.map((r) => r.bytes)))} KB in ${median(ok.map((r) => r.requests))} `
          + `requests (range ${kb(Math.min(...ok.map((r) => r.bytes)))}-${kb(Math.max(...ok.map((r) => r.bytes)))} KB, `
          + `${ok.length} queries)`);
      }
    }
  }
}

