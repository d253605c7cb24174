#!/usr/bin/env node
/*
 * Runs queries through the real assets/js/search-engine.js against an exported site folder, reading files
 * from disk instead of HTTP, and counts the requests and bytes each cold query needs.
 *
 *   node search-runner.js ENGINE_JS SITE_DIR MANIFEST_PATH QUERIES_JSON [STALE_MANIFEST [sticky]]
 *
 * With STALE_MANIFEST, the loader plays a cache that hands out that file (an earlier build's manifest) for the
 * manifest, unless the engine asks past the cache; with "sticky", even then. A missing file rejects with status
 * 404, as fetch() sees it on a host. A query that fails prints {q, error}.
 *
 * QUERIES_JSON is an array of {q, filters?, prefix?, complete?, limit?, fragments?}. Each query runs on a fresh
 * engine (a cold cache); with fragments (default true) the fragments of the hits are fetched too, as the page
 * shows them. Prints one JSON array: per query {q, total, exact, hits [doc], scores, corrections, unmatched,
 * requests, bytes, files, highlight}.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');

async function main() {
  const [enginePath, siteDir, manifestPath, queriesPath] = process.argv.slice(2);
  const { Engine } = require(path.resolve(enginePath));
  const queries = JSON.parse(fs.readFileSync(queriesPath, 'utf8'));
  const manifestUrl = pathToFileURL(path.join(path.resolve(siteDir), manifestPath)).href;
  const stale = process.argv[6] ? fs.readFileSync(process.argv[6]) : null;
  const sticky = process.argv[7] === 'sticky';
  const load = (url, fresh) => {
    if (stale && url === manifestUrl && (!fresh || sticky)) {
      return Promise.resolve(new Uint8Array(stale));
    }
    return fs.promises.readFile(fileURLToPath(url)).then((b) => new Uint8Array(b), (e) => {
      if (e.code === 'ENOENT') {
        const missing = new Error('HTTP 404 for ' + url);
        missing.status = 404;
        throw missing;
      }
      throw e;
    });
  };
  const out = [];
  for (const q of queries) {
    const engine = new Engine(manifestUrl, load);
    let res;
    try {
      res = await engine.search(q.q, {
        filters: q.filters || {}, prefix: q.prefix !== false, complete: q.complete !== false, limit: q.limit || 10
      });
      if (q.fragments !== false) {
        await Promise.all(res.hits.map((h) => engine.fragment(h.doc)));
      }
    } catch (e) {
      out.push({ q: q.q, error: String(e && e.message || e), reloads: engine.stats.reloads });
      continue;
    }
    out.push({
      reloads: engine.stats.reloads,
      q: q.q,
      total: res.total,
      mode: res.mode,
      unquoted: res.unquoted,
      matchedWords: res.hits.map((h) => h.matchedWords),
      partial: res.hits.map((h) => h.partial),
      exact: res.exact,
      hits: res.hits.map((h) => h.doc),
      ranked: res.all.length, // the page reads res.all: it must be there for every query, matched or not
      scores: res.hits.map((h) => h.score),
      corrections: res.corrections,
      unmatched: res.unmatched,
      counts: res.counts,
      requests: engine.stats.requests,
      bytes: engine.stats.bytes,
      files: engine.stats.files,
      highlight: Array.from(res.highlight).sort()
    });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
