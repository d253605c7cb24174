#!/usr/bin/env node
/*
 * Fuzzes the real assets/js/search-engine.js with seeded random queries over an exported site folder, reading
 * files from disk instead of HTTP (as search-runner.js does), and checks that search never throws.
 *
 *   node search-fuzz.js ENGINE_JS SITE_DIR MANIFEST_PATH SEED COUNT
 *
 * Each of COUNT (at least 500) queries (random Unicode, lone and unbalanced quotes, stop words, punctuation, words
 * over 48 characters, compounds, numbers and identifiers, a 20 KB log paste, dictionary words mixed with junk...)
 * runs through engine.search(q, {limit: 10}), engine.search(q, {limit: 10, prefix: false}) and engine.suggest(q, 6).
 * Every call must resolve within 20 s to the documented shape: search to {hits, all, unmatched, corrections}
 * arrays with all.length >= hits.length, suggest to an array. Most queries share one warm engine; about one in
 * four gets a cold one. After 3 calls that never settle it stops early. Prints one JSON line {seed, ran,
 * dictionary, failures: [{q, length, shape, call, error}]} (q cut to 200 characters) and exits 0 even with
 * failures: the Java test (SearchFuzzIT) asserts.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');

const CALL_TIMEOUT_MS = 20000;
/** After this many calls that never settle, stop: the run would take too long and the failures say enough. */
const MAX_TIMEOUTS = 3;

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Query generators over one PRNG and a list of real dictionary words. */
function Generator(random, dictionary, stopwords) {
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1)); // inclusive
  const pick = (list) => list[Math.floor(random() * list.length)];
  const repeat = (n, f) => Array.from({ length: n }, f).join('');
  const words = (n, f, sep) => Array.from({ length: n }, f).join(sep === undefined ? ' ' : sep);
  const dict = dictionary.length ? dictionary : ['connection', 'pool', 'dns', 'timeout'];
  const stops = stopwords.length ? stopwords : ['the', 'of', 'and', 'to'];

  const ranges = [
    [0x0020, 0x007e], // ASCII
    [0x00a0, 0x024f], // Latin-1 and Latin Extended
    [0x0300, 0x036f], // combining marks
    [0x0590, 0x05ff], // Hebrew (RTL)
    [0x0600, 0x06ff], // Arabic (RTL)
    [0x0900, 0x097f], // Devanagari
    [0x3040, 0x30ff], // kana
    [0x4e00, 0x9fff], // CJK
    [0xff00, 0xffef], // fullwidth forms
    [0x1d400, 0x1d7ff], // mathematical alphanumerics (astral letters)
    [0x1f300, 0x1faff], // emoji (astral)
    [0x20000, 0x2a6df], // CJK extension B (astral letters)
    [0xe0000, 0xe007f] // tags
  ];
  const specials = ['\u0000', '\ud800', '\udfff', '\udc00x', 'a\ud83d', '\u200d', '\u200b', '\u200e', '\u200f',
    '\u202e', '\u2066', '\ufeff', '\ufffd', '\uffff', '\u2028', '\u0085', '\t', '\r\n', '\u00a0', '\u3000',
    '\u2019', '\u2019s', '\u0130', '\u1e9e', '\u00df', '\ufb01', '\u212a', '\u0345', 'e\u0301', '\u0301a',
    '\ud83d\udc68\u200d\ud83d\udcbb', '\ud83c\uddeb\ud83c\uddf7', '\u0661\u0662\u0663', '\u0966\u0967',
    '\ud835\udfce\ud835\udfcf'];
  const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~\u2013\u2014\u2026\u00ab\u00bb\u201c\u201d\u2018\u2019\u00a7\u00b6';
  const jsNames = ['constructor', '__proto__', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'length',
    'undefined', 'null', 'NaN', 'Infinity', '-1', '0', '1e309', 'then'];

  function unicodeChar() {
    if (random() < 0.15) {
      return pick(specials);
    }
    const r = pick(ranges);
    return String.fromCodePoint(int(r[0], r[1]));
  }

  function randomUnicode() {
    return repeat(int(1, 80), () => (random() < 0.2 ? ' ' : unicodeChar()));
  }

  function junkWord() {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    switch (int(0, 5)) {
      case 0: return repeat(int(1, 12), () => alphabet[int(0, alphabet.length - 1)]);
      case 1: return repeat(int(1, 6), unicodeChar);
      case 2: return pick(jsNames);
      case 3: return repeat(int(1, 4), () => punctuation[int(0, punctuation.length - 1)]);
      case 4: return typo(pick(dict));
      default: return String(int(0, 1e6));
    }
  }

  function typo(w) {
    if (w.length === 0) {
      return 'x';
    }
    const i = int(0, w.length - 1);
    switch (int(0, 3)) {
      case 0: return w.slice(0, i) + w.slice(i + 1);
      case 1: return w.slice(0, i) + 'xq'[int(0, 1)] + w.slice(i + 1);
      case 2: return w.slice(0, i) + w[i] + w.slice(i);
      default: return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w + 'e';
    }
  }

  function longWord() {
    const n = int(49, 400);
    switch (int(0, 3)) {
      case 0: return repeat(n, () => 'abcdefghijklmnopqrstuvwxyz'[int(0, 25)]);
      case 1: return pick(dict).repeat(Math.ceil(n / Math.max(1, pick(dict).length)) + 1).slice(0, n);
      case 2: return words(int(3, 12), () => pick(dict), pick(['-', '.', '_'])) + repeat(49, () => 'z');
      default: return repeat(n, () => String.fromCodePoint(int(0x1d400, 0x1d433)));
    }
  }

  function compound() {
    const seps = ['-', '.', '_', '\'', '\u2019'];
    const parts = Array.from({ length: int(2, 6) }, () => (random() < 0.6 ? pick(dict) : junkWord()));
    let s = parts[0];
    for (let i = 1; i < parts.length; i++) {
      s += repeat(int(1, random() < 0.8 ? 1 : 3), () => pick(seps)) + parts[i];
    }
    return pick(['', '', '-', '.', '_', '\'']) + s + pick(['', '', '-', '.', '_', '\'s', '\u2019s']);
  }

  function hex(n) {
    return repeat(n, () => '0123456789abcdef'[int(0, 15)]);
  }

  function identifier() {
    switch (int(0, 9)) {
      case 0: return String(int(0, 99999999));
      case 1: return '2026-0' + int(1, 9) + '-1' + int(0, 9) + 'T0' + int(0, 9) + ':' + int(10, 59) + ':' + int(10, 59)
        + '.' + int(100, 999) + 'Z';
      case 2: return hex(8) + '-' + hex(4) + '-4' + hex(3) + '-a' + hex(3) + '-' + hex(12);
      case 3: return int(1, 255) + '.' + int(0, 255) + '.' + int(0, 255) + '.' + int(0, 255) + ':' + int(1, 65535);
      case 4: return '0x' + hex(int(1, 16));
      case 5: return String(random() * 1e6) + 'ms';
      case 6: return '-' + int(0, 1000) + '.' + int(0, 99) + 'e' + int(-30, 30);
      case 7: return 'v' + int(0, 9) + '.' + int(0, 30) + '.' + int(0, 99) + '-rc.' + int(1, 5);
      case 8: return '12:' + int(10, 59) + ' UTC+0' + int(0, 9) + ':00';
      default: return hex(40);
    }
  }

  function logLine() {
    const level = pick(['INFO', 'WARN', 'ERROR', 'DEBUG', 'FATAL']);
    const templates = [
      () => identifier() + ' ' + level + ' [' + pick(dict) + '-' + int(1, 9) + '] ' + pick(dict) + '.' + pick(dict)
        + ' - Connection is not available, request timed out after ' + int(1, 60000) + 'ms.',
      () => identifier() + ' ' + level + ' ' + pick(dict) + ' pod/' + pick(dict) + '-' + hex(10) + '-' + hex(5)
        + ' OOMKilled exit code ' + int(1, 255),
      () => '    at ' + pick(dict) + '.' + pick(dict) + '.' + pick(dict) + '(' + pick(dict) + '.java:' + int(1, 999) + ')',
      () => '{"ts":"' + identifier() + '","level":"' + level + '","msg":"' + words(int(1, 8), () => pick(dict))
        + '","trace_id":"' + hex(32) + '"}',
      () => 'E' + int(1000, 1231) + ' ' + identifier() + ' ' + int(1, 99999) + ' ' + pick(dict) + '.go:' + int(1, 999)
        + '] "' + words(int(1, 6), () => pick(dict)) + '" err="' + junkWord() + '"',
      () => identifier() + ' GET /api/v' + int(1, 3) + '/' + pick(dict) + '?id=' + identifier() + ' HTTP/1.1 '
        + pick(['200', '404', '500', '502', '503', '504']) + ' ' + int(0, 99999) + ' "' + randomUnicode() + '"',
      () => words(int(3, 15), () => (random() < 0.7 ? pick(dict) : junkWord()))
    ];
    return pick(templates)();
  }

  function paste() {
    const lines = [];
    let size = 0;
    while (size < 20 * 1024) {
      const line = logLine();
      lines.push(line);
      size += line.length + 1;
    }
    return lines.join(pick(['\n', '\r\n', '\n\n']));
  }

  const shapes = [
    ['unicode', randomUnicode],
    ['lone quote', () => pick(['"', ' "', '" ', '\u201c', '"\u0000', '""', '"""', '" "'])],
    ['unbalanced quotes', () => {
      const w = () => (random() < 0.7 ? pick(dict) : junkWord());
      return pick([
        () => '"' + words(int(1, 6), w),
        () => words(int(1, 4), w) + ' "' + words(int(1, 4), w) + '" "' + words(int(0, 3), w),
        () => words(int(1, 4), w) + '"',
        () => '"' + pick(stops) + '" "' + pick(stops) + ' ' + pick(stops) + '"',
        () => '"' + compound() + ' ' + compound() + '"',
        () => repeat(int(2, 30), () => pick(['"', ' ', w()])),
        () => '"' + words(int(2, 5), () => pick(dict)) + '"' + pick(['', ' ', ' "'])
      ])();
    }],
    ['stop words', () => pick(['the of and to', words(int(1, 20), () => pick(stops)),
      words(int(1, 5), () => pick(stops).toUpperCase()), '"' + words(int(2, 4), () => pick(stops)) + '"'])],
    ['punctuation', () => repeat(int(1, 60), () => punctuation[int(0, punctuation.length - 1)])],
    ['long word', () => words(int(1, 3), () => (random() < 0.6 ? longWord() : pick(dict)))],
    ['compound', () => words(int(1, 5), compound)],
    ['identifiers', () => words(int(1, 8), () => (random() < 0.7 ? identifier() : pick(dict)))],
    ['paste', paste],
    ['dictionary and junk', () => words(int(1, 60), () => (random() < 0.6 ? pick(dict) : junkWord()))],
    ['dictionary', () => {
      const q = words(int(1, 4), () => pick(dict));
      return random() < 0.3 ? '"' + q + '"' : q;
    }],
    ['typos', () => words(int(1, 6), () => typo(pick(dict)))],
    ['prefix', () => words(int(0, 3), () => pick(dict)) + ' ' + pick(dict).slice(0, int(1, 4))],
    ['blank', () => pick(['', ' ', '\t\n', '\u3000', '\u200b', '   \u00a0 '])],
    ['mixed', () => words(int(1, 30), () => pick([randomUnicode, junkWord, compound, identifier, longWord,
      () => pick(dict), () => pick(stops), () => '"'])(), pick([' ', '', '  ', '\n', '\t']))]
  ];

  return {
    next() {
      const shape = pick(shapes);
      let q = shape[1]();
      if (random() < 0.1) {
        q = q.toUpperCase();
      }
      return { shape: shape[0], q };
    }
  };
}

class Timeout extends Error {}

function withTimeout(promise, what) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Timeout(what + ' did not settle within ' + CALL_TIMEOUT_MS + ' ms')),
        CALL_TIMEOUT_MS);
    })
  ]);
}

function describe(e) {
  if (e && e.stack) {
    return String(e.stack).split('\n').slice(0, 4).join('\n');
  }
  return 'rejected with ' + String(e);
}

function checkSearch(res) {
  if (!res || typeof res !== 'object') {
    return 'resolved to ' + String(res) + ', not a result object';
  }
  for (const key of ['hits', 'all', 'unmatched', 'corrections']) {
    if (!Array.isArray(res[key])) {
      return 'result.' + key + ' is ' + (res[key] === undefined ? 'undefined' : typeof res[key]) + ', not an array';
    }
  }
  if (res.all.length < res.hits.length) {
    return 'result.all has ' + res.all.length + ' entries, fewer than the ' + res.hits.length + ' hits';
  }
  if (res.hits.length > 10) {
    return res.hits.length + ' hits for limit 10';
  }
  const bad = res.all.find((h) => !h || !Number.isInteger(h.doc) || typeof h.score !== 'number' || Number.isNaN(h.score));
  if (bad !== undefined) {
    return 'a ranked entry is not {doc: integer, score: number}: ' + JSON.stringify(bad);
  }
  return null;
}

function checkSuggest(res) {
  if (!Array.isArray(res)) {
    return 'suggest resolved to ' + String(res) + ', not an array';
  }
  if (res.length > 6) {
    return 'suggest returned ' + res.length + ' words for max 6';
  }
  return null;
}

async function dictionaryWords(engine) {
  const found = new Set(engine.manifest && engine.manifest.dict ? engine.manifest.dict.first : []);
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (const a of chars) {
    for (const b of chars) {
      try {
        (await engine.suggest(a + b, 100000)).forEach((w) => found.add(w.word));
      } catch (e) {
        // the fuzzing itself reports a suggest that throws
      }
    }
  }
  return Array.from(found).sort();
}

async function main() {
  const [enginePath, siteDir, manifestPath, seedArg, countArg] = process.argv.slice(2);
  const seed = Number(seedArg) >>> 0;
  const count = Math.max(500, Number(countArg) || 0);
  const { Engine } = require(path.resolve(enginePath));
  const manifestUrl = pathToFileURL(path.join(path.resolve(siteDir), manifestPath)).href;
  const load = (url) => fs.promises.readFile(fileURLToPath(url)).then((b) => new Uint8Array(b));
  const open = () => new Engine(manifestUrl, load);

  const warm = open();
  await warm.open();
  const dictionary = await dictionaryWords(warm);
  const stopwords = Array.from(warm.manifest.stopwords || []);
  const random = mulberry32(seed);
  const generator = Generator(random, dictionary, stopwords);

  const failures = [];
  const fail = (q, shape, call, error) => failures.push({ q: q.slice(0, 200), length: q.length, shape, call, error });
  let ran = 0;
  let timeouts = 0;
  for (let i = 0; i < count && timeouts < MAX_TIMEOUTS; i++) {
    const { shape, q } = generator.next();
    const engine = random() < 0.25 ? open() : warm;
    const calls = [
      ['search(q, {limit: 10})', () => engine.search(q, { limit: 10 }), checkSearch],
      ['search(q, {limit: 10, prefix: false})', () => engine.search(q, { limit: 10, prefix: false }), checkSearch],
      ['suggest(q, 6)', () => engine.suggest(q, 6), checkSuggest]
    ];
    for (const [name, call, check] of calls) {
      try {
        const problem = check(await withTimeout(call(), name));
        if (problem) {
          fail(q, shape, name, problem);
        }
      } catch (e) {
        timeouts += e instanceof Timeout ? 1 : 0;
        fail(q, shape, name, e instanceof Timeout ? e.message : describe(e));
      }
    }
    ran++;
  }
  process.stdout.write(JSON.stringify({ seed, ran, dictionary: dictionary.length, failures }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
