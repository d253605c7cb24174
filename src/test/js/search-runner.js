#!/usr/bin/env node
/*
 * Runs queries through the real assets/js/search-engine.js against an exported site folder, reading files
 * from disk instead of HTTP, and counts the requests and bytes each cold query needs.
 *
 *   node search-runner.js ENGINE_JS SITE_DIR MANIFEST_PATH QUERIES_JSON
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
  const load = (url) => fs.promises.readFile(fileURLToPath(url)).then((b) => new Uint8Array(b));
  const out = [];
  for (const q of queries) {
    const engine = new Engine(manifestUrl, load);
    const res = await engine.search(q.q, {
      filters: q.filters || {}, prefix: q.prefix !== false, complete: q.complete !== false, limit: q.limit || 10
    });
    if (q.fragments !== false) {
      await Promise.all(res.hits.map((h) => engine.fragment(h.doc)));
    }
    out.push({
      q: q.q,
      total: res.total,
      mode: res.mode,
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
