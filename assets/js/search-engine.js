/*
 * Hindsight search engine: queries the static export written by dev.hindsight.index.StaticExport.
 * No DOM here: the page script (search.js) loads it in the browser; tests run it under Node with a
 * file-reading fetch. It fetches only what a query needs: the manifest, the dictionary shards of the
 * query words, their postings (tails only when every match is needed), the facet columns, positions for
 * quoted phrases, a typo lexicon file for a word that matches nothing, and fragments of visible results.
 * Word splitting, query parsing and planning follow WordSplitter, QueryText and QueryPlanner in Java.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.HindsightSearch = factory();
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var MAX_WORD = 48;
  var PREFIX_SHARDS = 2;
  var WORD_CHAR = /[\p{L}\p{Nd}]/u;
  var JOINERS = '.-_\'\u2019';
  var utf8 = new TextDecoder('utf-8');

  // ---------------------------------------------------------------- bytes

  /** Reads the encodings of ByteSink: varints, strings, floats, bytes. */
  function Reader(bytes, pos) {
    this.b = bytes;
    this.p = pos || 0;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  Reader.prototype.uv = function () {
    var result = 0;
    var mul = 1;
    var byte;
    do {
      byte = this.b[this.p++];
      result += (byte & 0x7f) * mul;
      mul *= 128;
    } while (byte & 0x80);
    return result;
  };
  Reader.prototype.u8 = function () {
    return this.b[this.p++];
  };
  Reader.prototype.f32 = function () {
    var v = this.view.getFloat32(this.p, true);
    this.p += 4;
    return v;
  };
  Reader.prototype.str = function () {
    var n = this.uv();
    var s = utf8.decode(this.b.subarray(this.p, this.p + n));
    this.p += n;
    return s;
  };

  /** Inflates a gzip payload; bytes a host already decoded (no gzip magic) pass through. */
  function inflate(bytes) {
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
      return Promise.resolve(bytes);
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (buf) {
      return new Uint8Array(buf);
    });
  }

  // ---------------------------------------------------------------- words (WordSplitter)

  function isWordChar(ch) {
    return ch !== undefined && WORD_CHAR.test(ch);
  }

  function charAt(text, i) {
    var cp = text.codePointAt(i);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  function normalize(raw) {
    var w = raw.toLowerCase().replace(/\u2019/g, '\'');
    if (w.length > 2 && w.slice(-2) === '\'s') {
      w = w.slice(0, -2);
    }
    return w;
  }

  function isCompound(w) {
    return /[._-]/.test(w);
  }

  function parts(w) {
    if (!isCompound(w)) {
      return [];
    }
    return w.split(/[._-]/).filter(function (p) { return p.length > 0 && p.length <= MAX_WORD; });
  }

  /** Splits text into words: {surface, position, start, end, part}, compounds followed by their parts. */
  function splitWords(text) {
    var out = [];
    var pos = 0;
    var i = 0;
    var n = text.length;
    while (i < n) {
      var ch = charAt(text, i);
      if (!isWordChar(ch)) {
        i += ch.length;
        continue;
      }
      var start = i;
      while (i < n) {
        var c = charAt(text, i);
        if (isWordChar(c)) {
          i += c.length;
        } else if (JOINERS.indexOf(text[i]) >= 0 && i + 1 < n && isWordChar(charAt(text, i + 1))) {
          i++;
        } else {
          break;
        }
      }
      pos = emit(text.slice(start, i), start, pos, out);
    }
    return out;
  }

  function emit(raw, start, pos, out) {
    var w = normalize(raw);
    var end = start + raw.length;
    var ps = parts(w);
    if (ps.length === 0) {
      if (w.length <= MAX_WORD) {
        out.push({ surface: w, position: pos, start: start, end: end, part: false });
      }
      return pos + 1;
    }
    var kept = w.length <= MAX_WORD;
    if (kept) {
      out.push({ surface: w, position: pos, start: start, end: end, part: false });
    }
    var p = pos;
    var from = 0;
    var lower = raw.toLowerCase();
    ps.forEach(function (part) {
      var at = lower.indexOf(part, from);
      var s = at < 0 ? start : start + at;
      out.push({ surface: part, position: p, start: s, end: at < 0 ? end : s + part.length, part: kept });
      from = at < 0 ? from : at + part.length;
      p++;
    });
    return p;
  }

  function queryWords(text) {
    return splitWords(text).filter(function (w) { return !w.part; }).map(function (w) { return w.surface; });
  }

  // ---------------------------------------------------------------- query text (QueryText)

  /** Parses a query into loose words, quoted phrases and whether the last word is a prefix. */
  function parseQuery(text, stopwords) {
    var words = [];
    var phrases = [];
    var i = 0;
    var endsInWord = false;
    function addWord(w) {
      if (!stopwords.has(w) && words.indexOf(w) < 0) {
        words.push(w);
      }
    }
    while (i < text.length) {
      var quote = text.indexOf('"', i);
      var loose = quote < 0 ? text.slice(i) : text.slice(i, quote);
      queryWords(loose).forEach(addWord);
      if (quote < 0) {
        endsInWord = loose.length > 0 && !/\s/.test(loose[loose.length - 1]) && queryWords(loose).length > 0;
        break;
      }
      var close = text.indexOf('"', quote + 1);
      var inside = close < 0 ? text.slice(quote + 1) : text.slice(quote + 1, close);
      var pw = [];
      var offsets = [];
      var first = -1;
      splitWords(inside).forEach(function (w) {
        if ((isCompound(w.surface) && !w.part) || stopwords.has(w.surface)) {
          return;
        }
        if (first < 0) {
          first = w.position;
        }
        pw.push(w.surface);
        offsets.push(w.position - first);
      });
      if (pw.length === 1) {
        addWord(pw[0]);
      } else if (pw.length > 1) {
        phrases.push({ words: pw, offsets: offsets });
      }
      i = close < 0 ? text.length : close + 1;
    }
    var all = queryWords(text);
    var last = words.length ? words[words.length - 1] : '';
    var prefix = endsInWord && last !== '' && all[all.length - 1] === last;
    return { words: words, phrases: phrases, lastPrefix: prefix };
  }

  // ---------------------------------------------------------------- typo distance (TypoDistance)

  function typoAllowed(len, min, long) {
    return len < min ? 0 : len >= long ? 2 : 1;
  }

  function distance(a, b, max) {
    var n = a.length;
    var m = b.length;
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    var prev2 = new Array(m + 1).fill(0);
    var prev = new Array(m + 1);
    var cur = new Array(m + 1).fill(0);
    for (var j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (var i = 1; i <= n; i++) {
      cur[0] = i;
      var rowMin = i;
      for (j = 1; j <= m; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
      var t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], max + 1);
  }

  // ---------------------------------------------------------------- the engine

  function lastAtMost(sorted, key) {
    var lo = 0;
    var hi = sorted.length - 1;
    var ans = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] <= key) {
        ans = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ans;
  }

  /**
   * Opens the export whose manifest is at manifestUrl. load(url) returns a Promise of the file's bytes
   * (compressed or not); the default uses fetch().
   */
  function Engine(manifestUrl, load) {
    this.base = manifestUrl;
    this.loader = load || function (url) {
      return fetch(url).then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status + ' for ' + url);
        }
        return r.arrayBuffer();
      }).then(function (b) { return new Uint8Array(b); });
    };
    this.files = new Map();
    this.stats = { requests: 0, bytes: 0, files: [] };
    this.parsed = new Map();
    this.manifest = null;
  }

  Engine.prototype.url = function (name) {
    return new URL(name, this.base).href;
  };

  /** Fetches and inflates a file once; later calls share the promise. */
  Engine.prototype.file = function (name) {
    var self = this;
    var url = this.url(name);
    if (!this.files.has(url)) {
      this.files.set(url, Promise.resolve(this.loader(url)).then(function (bytes) {
        self.stats.requests++;
        self.stats.bytes += bytes.length;
        self.stats.files.push(name);
        return inflate(bytes);
      }));
    }
    return this.files.get(url);
  };

  /** Parses a file once with a parser. */
  Engine.prototype.parsedFile = function (name, parse) {
    if (!this.parsed.has(name)) {
      this.parsed.set(name, this.file(name).then(parse));
    }
    return this.parsed.get(name);
  };

  /** Loads the manifest. */
  Engine.prototype.open = function () {
    var self = this;
    if (!this.opening) {
      this.opening = this.loader(this.base).then(function (bytes) {
        self.stats.requests++;
        self.stats.bytes += bytes.length;
        self.stats.files.push('manifest');
        return inflate(bytes);
      }).then(function (bytes) {
        self.manifest = JSON.parse(utf8.decode(bytes));
        self.stopwords = new Set(self.manifest.stopwords);
        return self;
      });
    }
    return this.opening;
  };

  // ---- dictionary

  Engine.prototype.dictShard = function (i) {
    return this.parsedFile(this.manifest.dict.folder + '/' + i + '.bin', function (bytes) {
      var r = new Reader(bytes);
      var n = r.uv();
      var words = new Array(n);
      var terms = new Int32Array(n);
      var dfs = new Int32Array(n);
      var prev = '';
      for (var k = 0; k < n; k++) {
        var shared = r.uv();
        prev = prev.slice(0, shared) + r.str();
        words[k] = prev;
        terms[k] = r.uv();
        dfs[k] = r.uv();
      }
      return { words: words, terms: terms, dfs: dfs };
    });
  };

  Engine.prototype.shardOf = function (word) {
    return lastAtMost(this.manifest.dict.first, word);
  };

  /** Looks a surface word up: {term, df} or null. */
  Engine.prototype.lookup = function (word) {
    if (this.manifest.dict.first.length === 0) {
      return Promise.resolve(null);
    }
    return this.dictShard(this.shardOf(word)).then(function (s) {
      var lo = 0;
      var hi = s.words.length - 1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (s.words[mid] === word) {
          return { term: s.terms[mid], df: s.dfs[mid] };
        }
        if (s.words[mid] < word) {
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return null;
    });
  };

  /** Returns words starting with a prefix (not the prefix itself), most documents first: [{word, term, df}]. */
  Engine.prototype.prefixWords = function (prefix) {
    var self = this;
    var count = this.manifest.dict.first.length;
    if (count === 0) {
      return Promise.resolve([]);
    }
    var first = this.shardOf(prefix);
    var shards = [first];
    for (var i = first + 1; i < count && shards.length < PREFIX_SHARDS; i++) {
      if (this.manifest.dict.first[i].slice(0, prefix.length) > prefix) {
        break;
      }
      shards.push(i);
    }
    return Promise.all(shards.map(function (k) { return self.dictShard(k); })).then(function (list) {
      var found = [];
      list.forEach(function (s) {
        for (var k = 0; k < s.words.length; k++) {
          var w = s.words[k];
          if (w !== prefix && w.slice(0, prefix.length) === prefix) {
            found.push({ word: w, term: s.terms[k], df: s.dfs[k] });
          }
        }
      });
      found.sort(function (a, b) { return b.df - a.df || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0); });
      return found;
    });
  };

  /** Up to max distinct terms completing a prefix, other than the prefix's own term. */
  Engine.prototype.completions = function (prefix, max, ownTerm) {
    return this.prefixWords(prefix).then(function (found) {
      var out = [];
      for (var i = 0; i < found.length && out.length < max; i++) {
        if (found[i].term !== ownTerm && out.indexOf(found[i].term) < 0) {
          out.push(found[i].term);
        }
      }
      return out;
    });
  };

  /** Suggests completed words for autocomplete: [{word, df}] (one word per term). */
  Engine.prototype.suggest = function (prefix, max) {
    var self = this;
    return this.open().then(function () {
      var w = normalize(prefix.trim());
      if (w.length < self.manifest.prefix.min || self.stopwords.has(w)) {
        return [];
      }
      return self.prefixWords(w).then(function (found) {
        var seen = new Set();
        var out = [];
        found.forEach(function (f) {
          if (out.length < (max || 6) && !seen.has(f.term)) {
            seen.add(f.term);
            out.push({ word: f.word, df: f.df });
          }
        });
        return out;
      });
    });
  };

  /** The closest typo-lexicon word to a word, or null. */
  Engine.prototype.correction = function (word) {
    var self = this;
    var t = this.manifest.typo;
    var max = typoAllowed(word.length, t.min, t.long);
    if (max === 0) {
      return Promise.resolve(null);
    }
    var names = [];
    for (var len = word.length - max; len <= word.length + max; len++) {
      if (t.files[len] !== undefined) {
        names.push(t.folder + '/' + t.files[len] + '.bin');
      }
    }
    return Promise.all(names.map(function (name) {
      return self.parsedFile(name, function (bytes) {
        var r = new Reader(bytes);
        var n = r.uv();
        var words = new Array(n);
        var dfs = new Int32Array(n);
        var prev = '';
        for (var k = 0; k < n; k++) {
          var shared = r.uv();
          prev = prev.slice(0, shared) + r.str();
          words[k] = prev;
          dfs[k] = r.uv();
        }
        return { words: words, dfs: dfs };
      });
    })).then(function (lists) {
      var best = null;
      lists.forEach(function (l) {
        for (var k = 0; k < l.words.length; k++) {
          var d = distance(word, l.words[k], max);
          if (d > max) {
            continue;
          }
          var better = best === null || d < best.d || (d === best.d && (l.dfs[k] > best.df ||
            (l.dfs[k] === best.df && l.words[k] < best.word)));
          if (better) {
            best = { word: l.words[k], d: d, df: l.dfs[k] };
          }
        }
      });
      return best ? best.word : null;
    });
  };

  // ---- planning (QueryPlanner)

  Engine.prototype.exactOrCorrected = function (w, plan) {
    var self = this;
    return this.lookup(w).then(function (hit) {
      if (hit) {
        return { word: w, term: hit.term };
      }
      return self.correction(w).then(function (fixed) {
        if (!fixed) {
          plan.unmatched.push(w);
          return null;
        }
        return self.lookup(fixed).then(function (h2) {
          if (!h2) {
            plan.unmatched.push(w);
            return null;
          }
          plan.corrections.push({ from: w, to: fixed });
          return { word: fixed, term: h2.term };
        });
      });
    });
  };

  Engine.prototype.planWord = function (w, prefix, plan) {
    var self = this;
    var pm = this.manifest.prefix;
    return this.lookup(w).then(function (own) {
      var alts = own ? [{ term: own.term, weight: 1 }] : [];
      var more = prefix && w.length >= pm.min
        ? self.completions(w, pm.max, own ? own.term : -1) : Promise.resolve([]);
      return more.then(function (terms) {
        var weight = own ? pm.weight : 1;
        terms.forEach(function (t) { alts.push({ term: t, weight: weight }); });
        if (alts.length) {
          plan.clauses.push({ word: w, alternatives: alts });
          return null;
        }
        if (prefix && w.length < pm.min) {
          return null;
        }
        if (isCompound(w)) {
          var chain = Promise.resolve();
          parts(w).forEach(function (p) {
            if (!self.stopwords.has(p)) {
              chain = chain.then(function () { return self.planWord(p, false, plan); });
            }
          });
          return chain;
        }
        return self.exactOrCorrected(w, plan).then(function (r) {
          if (r) {
            plan.clauses.push({ word: r.word, alternatives: [{ term: r.term, weight: 1 }] });
          }
        });
      });
    });
  };

  /** Resolves a parsed query against the dictionary, in the order the Java planner does. */
  Engine.prototype.plan = function (query) {
    var self = this;
    var plan = { clauses: [], phrases: [], corrections: [], unmatched: [] };
    var chain = Promise.resolve();
    query.words.forEach(function (w, i) {
      var prefix = query.lastPrefix && i === query.words.length - 1;
      chain = chain.then(function () { return self.planWord(w, prefix, plan); });
    });
    query.phrases.forEach(function (p) {
      chain = chain.then(function () {
        var terms = [];
        var inner = Promise.resolve();
        p.words.forEach(function (w) {
          inner = inner.then(function () {
            return self.exactOrCorrected(w, plan).then(function (r) {
              if (r) {
                terms.push(r.term);
                plan.clauses.push({ word: w, alternatives: [{ term: r.term, weight: 1 }] });
              }
            });
          });
        });
        return inner.then(function () {
          if (terms.length === p.words.length) {
            plan.phrases.push({ terms: terms, offsets: p.offsets });
          }
        });
      });
    });
    return chain.then(function () { return plan; });
  };

  // ---- postings

  Engine.prototype.postingsShard = function (i) {
    return this.parsedFile(this.manifest.post.folder + '/' + i + '.bin', function (bytes) {
      var r = new Reader(bytes);
      var n = r.uv();
      var starts = new Int32Array(n);
      for (var k = 0; k < n; k++) {
        var len = r.uv();
        starts[k] = r.p;
        r.p += len;
      }
      return { bytes: bytes, starts: starts };
    });
  };

  /** A term's postings record: {df, main, max, tailFile, tailOffset, docs, impacts} (main tier only). */
  Engine.prototype.postings = function (term) {
    var post = this.manifest.post;
    var i = lastAtMost(post.first, term);
    return this.postingsShard(i).then(function (s) {
      var r = new Reader(s.bytes, s.starts[term - post.first[i]]);
      var t = { term: term, df: r.uv(), main: r.uv(), max: r.f32(), tailFile: -1, tailOffset: 0 };
      if (t.df > t.main) {
        t.tailFile = r.uv();
        t.tailOffset = r.uv();
      }
      t.docs = new Int32Array(t.main);
      t.impacts = new Uint8Array(t.main);
      var doc = -1;
      for (var k = 0; k < t.main; k++) {
        doc += r.uv();
        t.docs[k] = doc;
        t.impacts[k] = r.u8();
      }
      return t;
    });
  };

  /** The tail of a term (empty arrays when it has none). */
  Engine.prototype.tail = function (t) {
    if (t.tailFile < 0) {
      return Promise.resolve({ docs: new Int32Array(0), impacts: new Uint8Array(0) });
    }
    return this.file(this.manifest.tail.folder + '/' + t.tailFile + '.bin').then(function (bytes) {
      var n = t.df - t.main;
      var r = new Reader(bytes, t.tailOffset);
      var docs = new Int32Array(n);
      var impacts = new Uint8Array(n);
      var doc = -1;
      for (var k = 0; k < n; k++) {
        doc += r.uv();
        docs[k] = doc;
        impacts[k] = r.u8();
      }
      return { docs: docs, impacts: impacts };
    });
  };

  /** Positions of a term: Map doc -> Int32Array of positions. */
  Engine.prototype.positions = function (term) {
    var pos = this.manifest.pos;
    var i = lastAtMost(pos.first, term);
    return this.parsedFile(pos.folder + '/' + i + '.bin', function (bytes) {
      var r = new Reader(bytes);
      var n = r.uv();
      var starts = new Int32Array(n);
      var ends = new Int32Array(n);
      for (var k = 0; k < n; k++) {
        var len = r.uv();
        starts[k] = r.p;
        r.p += len;
        ends[k] = r.p;
      }
      return { bytes: bytes, starts: starts, ends: ends };
    }).then(function (s) {
      var k = term - pos.first[i];
      var r = new Reader(s.bytes, s.starts[k]);
      var map = new Map();
      var doc = -1;
      while (r.p < s.ends[k]) {
        doc += r.uv();
        var c = r.uv();
        var list = new Int32Array(c);
        var at = 0;
        for (var j = 0; j < c; j++) {
          at += r.uv();
          list[j] = at;
        }
        map.set(doc, list);
      }
      return map;
    });
  };

  // ---- facets

  /** Loads one facet dimension: {id, title, natural, values [{id, label}], start, ords, index}. */
  Engine.prototype.dim = function (id) {
    var self = this;
    var info = this.manifest.facets.dims.filter(function (d) { return d.id === id; })[0];
    if (!info) {
      return Promise.reject(new Error('no facet ' + id));
    }
    var docs = this.manifest.docs;
    if (info.file < 0) {
      if (!this.yearDim) {
        var years = this.manifest.facets.years;
        var start = new Int32Array(docs + 1);
        var ords = new Int32Array(docs);
        years.forEach(function (y, k) {
          var to = k + 1 < years.length ? years[k + 1][1] : docs;
          for (var d = y[1]; d < to; d++) {
            ords[d] = k;
          }
        });
        for (var d = 0; d <= docs; d++) {
          start[d] = d;
        }
        this.yearDim = Promise.resolve(build(info, years.map(function (y) { return { id: y[0], label: y[0] }; }),
          start, ords));
      }
      return this.yearDim;
    }
    return this.parsedFile(this.manifest.facets.folder + '/' + info.file + '.bin', function (bytes) {
      var r = new Reader(bytes);
      var nv = r.uv();
      var values = [];
      for (var v = 0; v < nv; v++) {
        values.push({ id: r.str(), label: r.str() });
      }
      var start = new Int32Array(docs + 1);
      for (var doc = 0; doc < docs; doc++) {
        start[doc + 1] = start[doc] + r.uv();
      }
      var ords = new Int32Array(start[docs]);
      for (var j = 0; j < ords.length; j++) {
        ords[j] = r.uv();
      }
      return build(info, values, start, ords);
    });
    function build(inf, values, start, ords) {
      return { id: inf.id, title: inf.title, natural: !!inf.natural, values: values, start: start, ords: ords,
        index: new Map(values.map(function (v, k) { return [v.id, k]; })) };
    }
  };

  /** The dimensions to load with a query: those within the eager budget, those filtered on, those loaded before. */
  Engine.prototype.wantedDims = function (filters, extra) {
    var self = this;
    var budget = this.manifest.facets.eager;
    var used = 0;
    var out = [];
    this.manifest.facets.dims.forEach(function (d) {
      var filtered = filters[d.id] && filters[d.id].length > 0;
      var loaded = self.parsed.has(self.manifest.facets.folder + '/' + d.file + '.bin');
      var eager = used + d.bytes <= budget;
      if (eager) {
        used += d.bytes;
      }
      if (d.file < 0 || eager || filtered || loaded || (extra || []).indexOf(d.id) >= 0) {
        out.push(d.id);
      }
    });
    return out;
  };

  // ---- search

  function clauseScores(clause, records, full) {
    // doc -> best weighted impact, over the alternatives (main tier, or everything when full)
    var map = new Map();
    clause.alternatives.forEach(function (alt, k) {
      var rec = records[k];
      var scale = alt.weight * rec.max / 255;
      var lists = full ? [rec, rec.tailData] : [rec];
      lists.forEach(function (l) {
        for (var j = 0; j < l.docs.length; j++) {
          var s = l.impacts[j] * scale;
          var d = l.docs[j];
          var had = map.get(d);
          if (had === undefined || s > had) {
            map.set(d, s);
          }
        }
      });
    });
    return map;
  }

  /** Upper bound of a clause's score for a document missing from its loaded lists (main tiers only). */
  function clauseBound(clause, records) {
    var bound = 0;
    clause.alternatives.forEach(function (alt, k) {
      var rec = records[k];
      if (rec.df > rec.main) {
        var min = 255;
        for (var j = 0; j < rec.impacts.length; j++) {
          min = Math.min(min, rec.impacts[j]);
        }
        bound = Math.max(bound, alt.weight * rec.max * min / 255);
      }
    });
    return bound;
  }

  function phraseMatches(doc, phrase, positions) {
    var first = positions[0].get(doc);
    if (!first) {
      return false;
    }
    for (var i = 0; i < first.length; i++) {
      var p = first[i];
      var ok = true;
      for (var k = 1; k < phrase.terms.length && ok; k++) {
        var list = positions[k].get(doc);
        ok = !!list && binaryHas(list, p + phrase.offsets[k]);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  function binaryHas(list, x) {
    var lo = 0;
    var hi = list.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] === x) {
        return true;
      }
      if (list[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  function docMatchesFilters(dims, filters, doc, skipDim) {
    for (var d = 0; d < dims.length; d++) {
      var dim = dims[d];
      var wanted = filters[dim.id];
      if (!wanted || wanted.length === 0 || dim.id === skipDim) {
        continue;
      }
      var ok = false;
      for (var j = dim.start[doc]; j < dim.start[doc + 1] && !ok; j++) {
        ok = wanted.indexOf(dim.values[dim.ords[j]].id) >= 0;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  function countFacets(dims, filters, docs) {
    var counts = {};
    dims.forEach(function (dim) {
      var c = new Int32Array(dim.values.length);
      docs.forEach(function (doc) {
        if (docMatchesFilters(dims, filters, doc, dim.id)) {
          for (var j = dim.start[doc]; j < dim.start[doc + 1]; j++) {
            c[dim.ords[j]]++;
          }
        }
      });
      counts[dim.id] = dim.values.map(function (v, k) {
        return { value: v.id, label: v.label, count: c[k] };
      });
    });
    return counts;
  }

  function rank(scored) {
    scored.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return scored;
  }

  /**
   * Runs a query. options: filters {dim: [values]}, prefix (default true: complete the last word while
   * typing), complete (default true: every match, with counts; false: main tiers only, for previews),
   * limit (default 10), facets (extra dimensions to count besides the default ones). Returns {total,
   * hits [{doc, score}], all (every match, ranked), counts {dim: [{value, label, count}]} for the loaded
   * dimensions, corrections, unmatched, plan, exact, highlight (Set of surface words to mark)}.
   */
  Engine.prototype.search = function (text, options) {
    var self = this;
    var o = options || {};
    var filters = o.filters || {};
    var complete = o.complete !== false;
    var limit = o.limit || 10;
    return this.open().then(function () {
      var query = parseQuery(text, self.stopwords);
      if (o.prefix === false) {
        query.lastPrefix = false;
      }
      return self.plan(query);
    }).then(function (plan) {
      var hasFilters = Object.keys(filters).some(function (k) { return filters[k] && filters[k].length; });
      var result = { plan: plan, corrections: plan.corrections, unmatched: plan.unmatched, hits: [], all: [],
        total: 0, counts: null, exact: true, highlight: new Set() };
      var dimsP = complete || hasFilters
        ? Promise.all(self.wantedDims(filters, o.facets).map(function (id) { return self.dim(id); }))
        : Promise.resolve(null);
      if (plan.unmatched.length) {
        return dimsP.then(function (dims) {
          result.counts = dims ? countFacets(dims, filters, []) : null;
          return result;
        });
      }
      var needAll = complete || hasFilters || plan.phrases.length > 0;
      var recordsP = Promise.all(plan.clauses.map(function (c) {
        return Promise.all(c.alternatives.map(function (a) { return self.postings(a.term); }));
      }));
      return recordsP.then(function (records) {
        var tails = [];
        if (needAll) {
          records.forEach(function (recs) {
            recs.forEach(function (rec) {
              tails.push(self.tail(rec).then(function (t) { rec.tailData = t; }));
            });
          });
        }
        var posP = Promise.all(plan.phrases.map(function (p) {
          return Promise.all(p.terms.map(function (t) { return self.positions(t); }));
        }));
        return Promise.all([Promise.all(tails), dimsP, posP, self.variants(plan)]).then(function (loaded) {
          result.highlight = loaded[3];
          return self.score(plan, records, needAll, loaded[1], loaded[2], filters, limit, result);
        });
      });
    });
  };

  Engine.prototype.score = function (plan, records, full, dims, positions, filters, limit, result) {
    var docCount = this.manifest.docs;
    var matched;
    if (plan.clauses.length === 0) {
      matched = [];
      for (var d = 0; d < docCount; d++) {
        matched.push({ doc: d, score: 0 });
      }
    } else {
      var maps = plan.clauses.map(function (c, i) { return clauseScores(c, records[i], full); });
      var order = maps.map(function (m, i) { return i; }).sort(function (a, b) { return maps[a].size - maps[b].size; });
      matched = [];
      if (full) {
        maps[order[0]].forEach(function (s, doc) {
          var sum = 0;
          for (var i = 0; i < maps.length; i++) {
            var v = maps[i].get(doc);
            if (v === undefined) {
              return;
            }
            sum += v;
          }
          matched.push({ doc: doc, score: sum });
        });
      } else {
        matched = this.partial(plan, records, maps, result, limit);
      }
    }
    if (plan.phrases.length) {
      matched = matched.filter(function (m) {
        return plan.phrases.every(function (p, i) { return phraseMatches(m.doc, p, positions[i]); });
      });
    }
    var all = matched;
    if (dims) {
      matched = matched.filter(function (m) { return docMatchesFilters(dims, filters, m.doc, null); });
      result.counts = countFacets(dims, filters, all.map(function (m) { return m.doc; }));
    }
    result.total = full ? matched.length : -1;
    result.all = rank(matched);
    result.hits = result.all.slice(0, limit);
    return result;
  };

  /** Ranks from main tiers only; result.exact says whether the top hits are provably the true top hits. */
  Engine.prototype.partial = function (plan, records, maps, result, limit) {
    var bounds = plan.clauses.map(function (c, i) { return clauseBound(c, records[i]); });
    var candidates = new Map();
    maps.forEach(function (m) {
      m.forEach(function (s, doc) { candidates.set(doc, true); });
    });
    var exact = [];
    var unsure = 0;
    candidates.forEach(function (v, doc) {
      var sum = 0;
      var upper = 0;
      var known = true;
      for (var i = 0; i < maps.length; i++) {
        var s = maps[i].get(doc);
        if (s === undefined) {
          if (bounds[i] === 0) {
            return;
          }
          known = false;
          upper += bounds[i];
        } else {
          sum += s;
          upper += s;
        }
      }
      if (known) {
        exact.push({ doc: doc, score: sum });
      } else {
        unsure = Math.max(unsure, upper);
      }
    });
    var unseen = bounds.reduce(function (a, b) { return a + b; }, 0);
    unsure = Math.max(unsure, bounds.every(function (b) { return b > 0; }) ? unseen : 0);
    rank(exact);
    var kth = exact.length >= limit ? exact[limit - 1].score : -1;
    result.exact = kth >= 0 && kth > unsure;
    return exact;
  };

  /** Every surface form, in the loaded dictionary shards, of the terms a plan matches (for highlighting). */
  Engine.prototype.variants = function (plan) {
    var self = this;
    var terms = new Set();
    var words = new Set();
    plan.clauses.forEach(function (c) {
      words.add(c.word);
      c.alternatives.forEach(function (a) { terms.add(a.term); });
    });
    var shards = new Set();
    words.forEach(function (w) { shards.add(self.shardOf(w)); });
    return Promise.all(Array.from(shards).map(function (i) { return self.dictShard(i); })).then(function (list) {
      var out = new Set(words);
      list.forEach(function (s) {
        for (var k = 0; k < s.words.length; k++) {
          if (terms.has(s.terms[k])) {
            out.add(s.words[k]);
          }
        }
      });
      return out;
    });
  };

  /** The fragment of a document: {t, u, d, s, v, c, x, b}. */
  Engine.prototype.fragment = function (doc) {
    var f = this.manifest.frag;
    var chunk = Math.floor(doc / f.chunk);
    return this.parsedFile(f.folder + '/' + chunk + '.bin', function (bytes) {
      return JSON.parse(utf8.decode(bytes));
    }).then(function (list) { return list[doc - chunk * f.chunk]; });
  };

  /**
   * Cuts a snippet of about 220 characters around the most distinct highlighted words of a text:
   * [{text, mark}] segments.
   */
  function snippet(text, highlight, length) {
    var max = length || 220;
    var t = text.replace(/\s+/g, ' ').trim();
    var hits = splitWords(t).filter(function (w, i, all) {
      if (!highlight.has(w.surface)) {
        return false;
      }
      return !(w.part && i > 0 && highlight.has(all[i - 1].surface) && all[i - 1].start === w.start);
    });
    var bestStart = 0;
    var bestScore = 0;
    for (var i = 0; i < hits.length; i++) {
      var seen = new Set();
      for (var j = i; j < hits.length && hits[j].end - hits[i].start <= max - 40; j++) {
        seen.add(hits[j].surface);
      }
      if (seen.size > bestScore) {
        bestScore = seen.size;
        bestStart = hits[i].start;
      }
    }
    var from = bestScore === 0 ? 0 : Math.max(0, t.lastIndexOf(' ', Math.max(0, bestStart - 40)) + 1);
    if (from > 0 && bestStart - from > 60) {
      from = bestStart;
    }
    var to = Math.min(t.length, from + max);
    if (to < t.length) {
      var space = t.lastIndexOf(' ', to);
      to = space > from + max / 2 ? space : to;
    }
    var segs = [];
    if (from > 0) {
      segs.push({ text: '… ', mark: false });
    }
    var at = from;
    hits.forEach(function (w) {
      if (w.start >= at && w.end <= to) {
        if (w.start > at) {
          segs.push({ text: t.slice(at, w.start), mark: false });
        }
        segs.push({ text: t.slice(w.start, w.end), mark: true });
        at = w.end;
      }
    });
    if (at < to) {
      segs.push({ text: t.slice(at, to), mark: false });
    }
    if (to < t.length) {
      segs.push({ text: ' …', mark: false });
    }
    return segs;
  }

  return {
    Engine: Engine,
    splitWords: splitWords,
    parseQuery: parseQuery,
    distance: distance,
    snippet: snippet,
    normalize: normalize
  };
}));
