// Relevance of symptom queries: MRR@10 of Pagefind and of Hindsight's own search page on the same Hindsight site,
// in headless Chromium.
//
//   node bench/relevance.mjs --site OUT_DIR --queries src/test/resources/search/symptoms/X.tsv [--json FILE]
//        [--collection NAME] [--timeout MS] [--verbose]
//
// OUT_DIR is a site Hindsight built (java -jar target/hindsight.jar build -c CONTENT -d OUT_DIR --cache-dir TMP).
// Its incidents.json maps each incident's `source` (as in the TSV) to its `url`. If OUT_DIR/pagefind/ is missing,
// Pagefind (bench/package.json pins it; npm ci --prefix bench) indexes OUT_DIR first; the site has no
// data-pagefind-body, so Pagefind indexes the <body> of every page: incident pages and also list, tag, cause,
// service, year, report and search pages.
//
// The queries file has lines `<source path><TAB><symptom|paste><TAB><query>`; `#` starts a comment line. Each query
// has one target incident. For each query:
// - Pagefind: from an empty page on the site's origin, import /pagefind/pagefind.js, search(q), data() of the first
//   10 results. Each result URL is mapped to an incident by its path. Rank positions are kept as Pagefind returns
//   them: a page that is not an incident (a tag page, say) takes a position and is never a hit. This is what a
//   reader of a Pagefind results list on this site would see. For reference, "pagefind, incidents only" drops the
//   pages that are not incidents before ranking (data() of further results until 10 incidents are found).
// - Hindsight: open /search/, set the #site-search box to q and dispatch an 'input' event, wait until #search-app
//   has had and then lost its aria-busy attribute, read the first 10 `ol.search-results a.search-result-link` hrefs
//   and map them to incidents the same way.
// The reciprocal rank is 1/rank of the first result that is the target incident when that rank is 10 or better,
// else 0; MRR@10 is its mean over the queries; "top 10" counts the queries whose target is in the first 10. A query
// that fails (a page error, a timeout) counts 0 and is listed as an error. A query whose source is not an incident
// of the site (a typo in the TSV, a skipped file) is reported and left out of every figure.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { parseArgs } from './args.mjs';

const K = 10;
const BENCH = path.dirname(new URL(import.meta.url).pathname);
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const args = parseArgs(process.argv.slice(2));
if (!args.site || !args.queries) {
  console.error('usage: node bench/relevance.mjs --site OUT_DIR --queries SYMPTOMS.tsv [--json FILE] [--collection NAME]');
  process.exit(2);
}
const site = path.resolve(args.site);
const collection = args.collection || path.basename(args.queries).replace(/\.tsv$/, '');
const timeout = Number(args.timeout || 20000);

// --- the site's incidents ------------------------------------------------------------------------------------
const manifest = JSON.parse(fs.readFileSync(path.join(site, 'incidents.json'), 'utf8'));
const basePath = new URL(manifest.site?.baseUrl || '/', 'http://site.invalid/').pathname.replace(/\/?$/, '/');
const bySource = new Map();
const byPath = new Map();
for (const inc of manifest.incidents) {
  const p = sitePath(inc.url, true);
  bySource.set(inc.source, { source: inc.source, path: p, title: inc.title });
  byPath.set(p, inc.source);
}

// --- the queries -----------------------------------------------------------------------------------------------
const queries = [];
const unknown = [];
fs.readFileSync(args.queries, 'utf8').split('\n').forEach((line, i) => {
  if (!line.trim() || line.trimStart().startsWith('#')) return;
  const [source, kind, ...rest] = line.replace(/\r$/, '').split('\t');
  const q = rest.join('\t').trim();
  if (!source || !kind || !q) {
    console.error(`${args.queries}:${i + 1}: not <source><TAB><kind><TAB><query>; skipped`);
    return;
  }
  if (!bySource.has(source)) unknown.push({ line: i + 1, source, kind, query: q });
  else queries.push({ line: i + 1, source, kind, query: q });
});
for (const u of unknown) {
  console.error(`${args.queries}:${u.line}: ${u.source} is not an incident of ${site}; query left out`);
}

// --- Pagefind index --------------------------------------------------------------------------------------------
if (!fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))) {
  const bin = path.join(BENCH, 'node_modules', '.bin', 'pagefind');
  console.error(`relevance: indexing ${site} with Pagefind`);
  if (fs.existsSync(bin)) {
    execFileSync(bin, ['--site', site], { stdio: ['ignore', process.stderr, 'inherit'] });
  } else {
    execFileSync('npx', ['--prefix', BENCH, 'pagefind', '--site', site], { stdio: ['ignore', process.stderr, 'inherit'] });
  }
}
const pagefindVersion = readVersion(path.join(BENCH, 'node_modules', 'pagefind', 'package.json'));

// --- run -------------------------------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true,
});
const server = await serve(site);
const rows = [];
try {
  const pfContext = await browser.newContext();
  const pfPage = await pfContext.newPage();
  const pfErrors = [];
  pfPage.on('pageerror', (e) => pfErrors.push(String(e).split('\n')[0]));
  await pfPage.goto(server.url + '/__bench__.html');
  await pfPage.evaluate(async () => { window.__pagefind = await import('/pagefind/pagefind.js'); });
  const hsContext = await browser.newContext();

  for (const q of queries) {
    const target = bySource.get(q.source).path;
    const row = { line: q.line, source: q.source, kind: q.kind, query: q.query, target };
    row.pagefind = await measure(() => pagefindQuery(pfPage, pfErrors, q.query), target);
    row.pagefindIncidents = await measure(() => pagefindIncidentsQuery(pfPage, row.pagefind), target);
    row.hindsight = await measure(() => hindsightQuery(hsContext, q.query), target);
    rows.push(row);
    if (args.verbose) {
      console.error(`${q.kind.padEnd(8)} pf ${fmtRank(row.pagefind)} pfi ${fmtRank(row.pagefindIncidents)} `
        + `hs ${fmtRank(row.hindsight)}  ${q.query.slice(0, 80)}`);
    }
  }
  await pfContext.close();
  await hsContext.close();
} finally {
  await browser.close();
  await server.close();
}

const SYSTEMS = [['pagefind', 'Pagefind'], ['pagefindIncidents', 'Pagefind, incidents only'], ['hindsight', 'Hindsight page']];
const summary = {};
for (const [key] of SYSTEMS) {
  summary[key] = { all: stats(rows, key) };
  for (const kind of [...new Set(rows.map((r) => r.kind))].sort()) {
    summary[key][kind] = stats(rows.filter((r) => r.kind === kind), key);
  }
}
print();
if (args.json) {
  fs.writeFileSync(args.json, JSON.stringify({
    collection, site, queriesFile: args.queries, k: K, pagefindVersion, incidents: manifest.incidents.length,
    queries: rows.length, unknownSources: unknown, summary, rows,
  }, null, 2));
}

// --- systems ---------------------------------------------------------------------------------------------------

/** Pagefind: search(q), data() of the first K results; every result keeps its position. */
async function pagefindQuery(page, errors, q) {
  errors.length = 0;
  const r = await page.evaluate(async ({ q, k }) => {
    const search = await window.__pagefind.search(q);
    window.__last = search ? search.results : [];
    const data = await Promise.all(window.__last.slice(0, k).map((x) => x.data()));
    return { count: window.__last.length, urls: data.map((d) => d.url) };
  }, { q, k: K });
  if (errors.length) r.pageErrors = errors.slice();
  return r;
}

/** Pagefind with the pages that are not incidents dropped: data() of further results until K incidents. */
async function pagefindIncidentsQuery(page, first) {
  if (first.error) throw new Error('pagefind query failed');
  const urls = [];
  let pages = 0; // pages that are not incidents, ranked above the K-th incident
  const take = (list) => {
    for (const u of list) {
      if (urls.length >= K) return;
      if (byPath.has(sitePath(u))) urls.push(u);
      else pages++;
    }
  };
  take(first.urls);
  let seen = first.urls.length;
  while (urls.length < K && seen < first.count) {
    const more = await page.evaluate(async ({ from, to }) => {
      const data = await Promise.all(window.__last.slice(from, to).map((x) => x.data()));
      return data.map((d) => d.url);
    }, { from: seen, to: seen + 20 });
    take(more);
    seen += more.length;
    if (!more.length) break;
  }
  return { count: first.count, urls, skippedPages: pages };
}

/** Hindsight's search page: type q into #site-search, wait for #search-app to finish, read the first K links. */
async function hindsightQuery(context, q) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).split('\n')[0]));
  try {
    await page.goto(server.url + '/search/', { waitUntil: 'load', timeout });
    const how = await page.evaluate(({ q, timeout }) => new Promise((resolve, reject) => {
      const app = document.getElementById('search-app');
      const input = document.getElementById('site-search');
      if (!app || !input) {
        reject(new Error('no #search-app or #site-search on /search/'));
        return;
      }
      const start = () => {
        // The page debounces typing, then sets aria-busy while it searches and removes it once the results are
        // in the list. Any aria-busy change after our input event means that search started; it is done when the
        // attribute is gone. Records are examined together, so a search that sets and clears the attribute within
        // one task is not missed.
        let started = false;
        const finish = (v) => { obs.disconnect(); clearTimeout(grace); clearTimeout(limit); resolve(v); };
        const obs = new MutationObserver((records) => {
          if (records.length) started = true;
          if (started && !app.hasAttribute('aria-busy')) finish('done');
        });
        obs.observe(app, { attributes: true, attributeFilter: ['aria-busy'] });
        const grace = setTimeout(() => { if (!started) finish('never busy'); }, 3000);
        const limit = setTimeout(() => { obs.disconnect(); reject(new Error(`#search-app still busy after ${timeout} ms`)); }, timeout);
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      // The page may be busy with a query of its own (none for a bare /search/); wait for it to finish first.
      if (!app.hasAttribute('aria-busy')) {
        start();
        return;
      }
      const pre = new MutationObserver(() => {
        if (!app.hasAttribute('aria-busy')) { pre.disconnect(); start(); }
      });
      pre.observe(app, { attributes: true, attributeFilter: ['aria-busy'] });
    }), { q, timeout });
    const r = await page.evaluate((k) => {
      const links = Array.from(document.querySelectorAll('ol.search-results a.search-result-link')).slice(0, k);
      const status = document.querySelector('#search-app .search-status, #search-app .search-error');
      return { urls: links.map((a) => a.href), status: status ? status.textContent.trim() : '' };
    }, K);
    if (how !== 'done') r.note = how;
    if (/^Search is not available|needs the site to be served/.test(r.status)) r.failed = r.status;
    if (errors.length) r.pageErrors = errors.slice();
    if (r.failed) throw new Error(r.failed);
    r.urls = r.urls.map((u) => new URL(u).pathname);
    return r;
  } finally {
    await page.close();
  }
}

// --- helpers ---------------------------------------------------------------------------------------------------

/** Runs a system on one query; adds the target's rank (1-based, 0 when not in the first K) and the incidents. */
async function measure(run, target) {
  try {
    const r = await run();
    const incidents = r.urls.map((u) => byPath.get(sitePath(u)) || null);
    const at = r.urls.findIndex((u) => sitePath(u) === target);
    return { ...r, incidents, rank: at >= 0 && at < K ? at + 1 : 0 };
  } catch (e) {
    return { error: String(e).split('\n')[0], urls: [], incidents: [], rank: 0 };
  }
}

/** The path of a URL relative to the site root, served from "/": no base path, no index.html, a trailing slash. */
function sitePath(url, stripBase = false) {
  let p = new URL(url, 'http://site.invalid/').pathname;
  try { p = decodeURI(p); } catch { /* keep it encoded */ }
  if (stripBase && basePath !== '/' && p.startsWith(basePath)) p = '/' + p.slice(basePath.length);
  p = p.replace(/\/index\.html?$/, '/');
  if (!p.endsWith('/') && !/\.[A-Za-z0-9]+$/.test(p.slice(p.lastIndexOf('/')))) p += '/';
  return p;
}

function stats(list, key) {
  const n = list.length;
  const rr = list.reduce((a, r) => a + (r[key].rank ? 1 / r[key].rank : 0), 0);
  return {
    queries: n, mrr: n ? rr / n : NaN, top10: list.filter((r) => r[key].rank > 0).length,
    top1: list.filter((r) => r[key].rank === 1).length, errors: list.filter((r) => r[key].error).length,
  };
}

function fmtRank(r) {
  return r.error ? 'ERR' : r.rank ? String(r.rank).padStart(3) : '  -';
}

function print() {
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  const kindCounts = kinds.map((k) => `${rows.filter((r) => r.kind === k).length} ${k}`).join(', ');
  console.log(`${collection}: ${manifest.incidents.length} incidents, ${rows.length} queries (${kindCounts})`
    + (unknown.length ? `, ${unknown.length} left out (source not an incident)` : '')
    + `; Pagefind ${pagefindVersion}`);
  console.log('  ' + 'system'.padEnd(28) + 'kind'.padEnd(9) + 'queries'.padStart(8) + 'MRR@10'.padStart(8)
    + 'top 10'.padStart(8) + 'top 1'.padStart(7) + 'errors'.padStart(8));
  for (const [key, label] of SYSTEMS) {
    for (const kind of ['all', ...kinds]) {
      const s = summary[key][kind];
      console.log('  ' + (kind === 'all' ? label : '').padEnd(28) + kind.padEnd(9) + String(s.queries).padStart(8)
        + s.mrr.toFixed(3).padStart(8) + String(s.top10).padStart(8) + String(s.top1).padStart(7)
        + String(s.errors).padStart(8));
    }
  }
  const errs = rows.filter((r) => SYSTEMS.some(([k]) => r[k].error));
  for (const r of errs.slice(0, 5)) {
    for (const [k, label] of SYSTEMS) {
      if (r[k].error) console.log(`  error (${label}, line ${r.line}): ${r[k].error}`);
    }
  }
  if (errs.length > 5) console.log(`  ... ${errs.length - 5} more queries with errors (see --json)`);
}

function readVersion(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')).version; } catch { return '?'; }
}

