/*
 * Hindsight search engine: queries the static export written by dev.hindsight.index.StaticExport.
 * No DOM here: the page script (search.js) loads it in the browser; tests run it under Node with a
 * file-reading fetch. It fetches only what a query needs: the manifest, the dictionary shards of the
 * query words, their postings (tails only when every match is needed), the facet columns, positions for
 * quoted phrases, a typo lexicon file for a word that matches nothing, and fragments of visible results.
 * Word splitting, query parsing and planning follow WordSplitter, QueryText, QueryPlanner and PasteTerms in
 * Java; search-stemmer.js stems a word the dictionary lacks, and search-ranking.js ranks relaxed and pasted
 * queries from the top of each posting list (docs/search.md).
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-stemmer.js'), require('./search-ranking.js'));
  } else {
    root.HindsightSearch = factory(root.HindsightStemmer, root.HindsightRanking);
  }
}(typeof self !== 'undefined' ? self : this, function (Stemmer, Ranking) {
  'use strict';

  var MAX_WORD = 48;
  var PREFIX_SHARDS = 2;
  var WORD_CHAR = /[\p{L}\p{Nd}]/u;
  var CJK_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var CJK_MARKS = '\u30FC\uFF70\uFF9E\uFF9F';
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

  // ---------------------------------------------------------------- words (WordSplitter, CjkGrams)

  /** A letter of a CJK run: Han, Hiragana, Katakana or Hangul, or a prolonged sound or halfwidth voicing mark. */
  function isCjk(ch) {
    return ch !== undefined && ch >= '\u1100' && (CJK_MARKS.indexOf(ch) >= 0 || (WORD_CHAR.test(ch) && CJK_SCRIPT.test(ch)));
  }

  function isWordChar(ch) {
    return ch !== undefined && WORD_CHAR.test(ch) && !isCjk(ch);
  }

  function charAt(text, i) {
    var cp = text.codePointAt(i);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  /** Reads the fullwidth forms of ASCII (U+FF01 to U+FF5E) as ASCII, one UTF-16 unit for one. */
  function foldWidth(text) {
    return text.replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); });
  }

  function normalize(raw) {
    var w = foldWidth(raw).toLowerCase().replace(/\u2019/g, '\'');
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

  /** True when a word is a CJK run: not empty, CJK letters only. */
  function isCjkRun(w) {
    var chars = Array.from(w);
    return chars.length > 0 && chars.every(isCjk);
  }

  /** The words of the CJK run text[start, end): each bigram at the next position; a run of one letter is one word. */
  function cjkWords(text, start, end, pos, out) {
    var first = start;
    var second = first + charAt(text, first).length;
    if (second >= end) {
      out.push({ surface: text.slice(first, end), position: pos, start: first, end: end, part: false });
      return pos + 1;
    }
    while (second < end) {
      var after = second + charAt(text, second).length;
      out.push({ surface: text.slice(first, after), position: pos++, start: first, end: after, part: false });
      first = second;
      second = after;
    }
    return pos;
  }

  /** The distinct words a CJK run is indexed as, in order: its bigrams, or the run when it is one letter. */
  function grams(run) {
    var out = [];
    var words = [];
    cjkWords(run, 0, run.length, 0, words);
    words.forEach(function (w) {
      if (out.indexOf(w.surface) < 0) {
        out.push(w.surface);
      }
    });
    return out;
  }

  /**
   * Splits text into words: {surface, position, start, end, part}, compounds followed by their parts, a CJK run as
   * its bigrams (whole, with wholeRuns, as a query word).
   */
  function splitWords(text, wholeRuns) {
    var out = [];
    var pos = 0;
    var i = 0;
    var t = foldWidth(text);
    var n = t.length;
    while (i < n) {
      var ch = charAt(t, i);
      if (isCjk(ch)) {
        var runStart = i;
        while (i < n && isCjk(charAt(t, i))) {
          i += charAt(t, i).length;
        }
        if (wholeRuns) {
          out.push({ surface: t.slice(runStart, i), position: pos++, start: runStart, end: i, part: false });
        } else {
          pos = cjkWords(t, runStart, i, pos, out);
        }
        continue;
      }
      if (!isWordChar(ch)) {
        i += ch.length;
        continue;
      }
      var start = i;
      while (i < n) {
        var c = charAt(t, i);
        if (isWordChar(c)) {
          i += c.length;
        } else if (JOINERS.indexOf(t[i]) >= 0 && i + 1 < n && isWordChar(charAt(t, i + 1))) {
          i++;
        } else {
          break;
        }
      }
      pos = emit(t.slice(start, i), start, pos, out);
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

  function topLevel(words) {
    return words.filter(function (w) { return !w.part; }).map(function (w) { return w.surface; });
  }

  /** The words of a query as typed: compounds whole, a CJK run whole (WordSplitter.queryWords). */
  function queryWords(text) {
    return topLevel(splitWords(text, true));
  }

  /** The top-level words of a text as indexed: compounds whole, CJK runs as bigrams (WordSplitter.words). */
  function indexWords(text) {
    return topLevel(splitWords(text, false));
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
      var typed = 0;
      var previous = null;
      splitWords(inside).forEach(function (w) {
        if ((isCompound(w.surface) && !w.part) || stopwords.has(w.surface)) {
          return;
        }
        if (first < 0) {
          first = w.position;
        }
        pw.push(w.surface);
        offsets.push(w.position - first);
        var sameRun = previous !== null && isCjkRun(w.surface) && isCjkRun(previous.surface) && w.start < previous.end;
        typed += sameRun ? 0 : 1;
        previous = w;
      });
      if (pw.length === 1) {
        addWord(pw[0]);
      } else if (pw.length > 1) {
        phrases.push({ words: pw, offsets: offsets, typed: typed });
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
   * Opens the export whose manifest is at manifestUrl. load(url, fresh) returns a Promise of the file's bytes
   * (compressed or not), and rejects with an error whose status is 404 for a file that is not there; fresh asks
   * past every cache. The default uses fetch(), with the browser's own caching: the manifest keeps one name across
   * builds and the host should make the browser revalidate it (netlify.toml does), every other file is
   * content-hashed. A host that caches the manifest anyway (GitHub Pages: ten minutes) can hand out the manifest of
   * an earlier deploy, whose shards are gone: a query that meets a missing file loads the manifest again, past the
   * cache, and runs once more (see reload).
   */
  function Engine(manifestUrl, load) {
    this.base = manifestUrl;
    this.loader = load || function (url, fresh) {
      return fetch(url, fresh ? { cache: 'reload' } : undefined).then(function (r) {
        if (!r.ok) {
          var e = new Error('HTTP ' + r.status + ' for ' + url);
          e.status = r.status;
          throw e;
        }
        return r.arrayBuffer();
      }).then(function (b) { return new Uint8Array(b); });
    };
    this.files = new Map();
    this.stats = { requests: 0, bytes: 0, files: [], reloads: 0 };
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

  /** Loads the manifest (fresh: past every cache). */
  Engine.prototype.open = function (fresh) {
    var self = this;
    if (!this.opening) {
      this.opening = Promise.resolve(this.loader(this.base, fresh === true)).then(function (bytes) {
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

  /**
   * Forgets the manifest and every file read under it, and loads the manifest again past the cache. Done at most
   * once per engine: a second missing file means the site itself is broken, not a stale manifest.
   */
  Engine.prototype.reload = function () {
    if (this.reloaded) {
      return this.opening;
    }
    this.reloaded = true;
    this.stats.reloads++;
    this.files = new Map();
    this.parsed = new Map();
    this.manifest = null;
    this.opening = null;
    return this.open(true);
  };

  /**
   * Returns true when an error says a file of the export is not on the host (HTTP 404) and the engine has not
   * reloaded yet: then reload() and one more try may succeed.
   */
  Engine.prototype.retryable = function (err) {
    return !!err && err.status === 404 && !this.reloaded;
  };

  // ---- dictionary

  Engine.prototype.dictShard = function (i) {
    return this.parsedFile(this.manifest.dict.folder + '/' + i + '.bin', function (bytes) {
      var r = new Reader(bytes);
      var n = r.uv();
      var words = new Array(n);
      var terms = new Int32Array(n);
      var dfs = new Int32Array(n);
      var stems = new Uint8Array(n);
      var prev = '';
      for (var k = 0; k < n; k++) {
        var shared = r.uv();
        prev = prev.slice(0, shared) + r.str();
        words[k] = prev;
        terms[k] = r.uv();
        var v = r.uv();
        dfs[k] = Math.floor(v / 2);
        stems[k] = v % 2;
      }
      return { words: words, terms: terms, dfs: dfs, stems: stems };
    });
  };

  Engine.prototype.shardOf = function (word) {
    return lastAtMost(this.manifest.dict.first, word);
  };

  /** The entry of a key in the dictionary: a surface word (stem 0) or a stem entry (stem 1); {term, df} or null. */
  Engine.prototype.entry = function (key, stem) {
    if (this.manifest.dict.first.length === 0) {
      return Promise.resolve(null);
    }
    return this.dictShard(this.shardOf(key)).then(function (s) {
      var lo = 0;
      var hi = s.words.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (s.words[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (var k = lo; k < s.words.length && s.words[k] === key; k++) {
        if (s.stems[k] === stem) {
          return { term: s.terms[k], df: s.dfs[k] };
        }
      }
      return null;
    });
  };

  /** Looks a surface word up: {term, df} or null. */
  Engine.prototype.lookup = function (word) {
    return this.entry(word, 0);
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
          if (!s.stems[k] && w !== prefix && w.slice(0, prefix.length) === prefix) {
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

  /**
   * The index term of a word's stem, when the index has it: {term, df} or null (identifiers are not stemmed). The
   * stem's own entry, or a surface word spelling it whose term is itself.
   */
  Engine.prototype.stemmed = function (word) {
    var self = this;
    var stem = Stemmer.term(word);
    return this.entry(stem, 1).then(function (own) {
      if (own || Stemmer.term(stem) !== stem) {
        return own;
      }
      return self.entry(stem, 0);
    });
  };

  Engine.prototype.exactOrCorrected = function (w, plan) {
    var self = this;
    return this.lookup(w).then(function (hit) {
      if (hit) {
        return { word: w, term: hit.term };
      }
      return self.stemmed(w).then(function (st) {
        if (st) {
          return { word: w, term: st.term };
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
    });
  };

  Engine.prototype.planWord = function (w, prefix, plan, clauses) {
    var self = this;
    var pm = this.manifest.prefix;
    if (isCjkRun(w)) {
      return this.planCjkWord(w, prefix, plan, clauses);
    }
    return this.lookup(w).then(function (own) {
      var alts = own ? [alt([own.term], 1)] : [];
      var more = prefix && w.length >= pm.min
        ? self.completions(w, pm.max, own ? own.term : -1) : Promise.resolve([]);
      return more.then(function (terms) {
        var weight = own ? pm.weight : 1;
        terms.forEach(function (t) { alts.push(alt([t], weight)); });
        if (alts.length) {
          clauses.push({ word: w, alternatives: alts });
          return null;
        }
        if (prefix && w.length < pm.min) {
          return null;
        }
        if (isCompound(w)) {
          var chain = Promise.resolve();
          parts(w).forEach(function (p) {
            if (!self.stopwords.has(p)) {
              chain = chain.then(function () { return self.planWord(p, false, plan, clauses); });
            }
          });
          return chain;
        }
        return self.exactOrCorrected(w, plan).then(function (r) {
          if (r) {
            // A correction in a description weighs less (QueryPlanner.CORRECTED_WEIGHT): r.word is the corrected word.
            var m = self.manifest.mode;
            clauses.push({ word: r.word, alternatives: [alt([r.term], r.word !== w && plan.describing ? m.corrected : 1)] });
          }
        });
      });
    });
  };

  /** A word of CJK letters: one clause asking for every bigram (or the lone letter), or unmatched (QueryPlanner). */
  Engine.prototype.planCjkWord = function (w, prefix, plan, clauses) {
    var self = this;
    return Promise.all(grams(w).map(function (g) { return self.lookup(g); })).then(function (hits) {
      if (hits.every(function (h) { return h; })) {
        clauses.push({ word: w, alternatives: [alt(hits.map(function (h) { return h.term; }), 1)] });
      } else if (!prefix || w.length >= self.manifest.prefix.min) {
        plan.unmatched.push(w);
      }
    });
  };

  function alt(terms, weight) {
    return { terms: terms, weight: weight };
  }

  function sameTerms(a, b) {
    return a.length === b.length && a.every(function (t, i) { return t === b[i]; });
  }

  /** How many words from `from` on spell a phrase, their terms end to end (a CJK word gives its bigrams); 0 if none. */
  function covered(phrase, own, from) {
    var k = 0;
    var w = from;
    while (k < phrase.length && w < own.length) {
      var word = own[w];
      if (word.length === 0 || k + word.length > phrase.length || !sameTerms(phrase.slice(k, k + word.length), word)) {
        return 0;
      }
      k += word.length;
      w++;
    }
    return k === phrase.length ? w - from : 0;
  }

  /** Merges runs of clauses spelling a synonym phrase into one clause matched by any phrase of the group. */
  Engine.prototype.withSynonyms = function (clauses) {
    var groups = this.manifest.synonyms || [];
    var own = clauses.map(function (c) {
      var a = c.alternatives[0];
      return a.weight === 1 ? a.terms : [];
    });
    var out = [];
    var i = 0;
    while (i < clauses.length) {
      var best = null;
      groups.forEach(function (g) {
        g.forEach(function (phrase) {
          var n = covered(phrase, own, i);
          if (n > 0 && (!best || n > best.n)) {
            best = { group: g, n: n };
          }
        });
      });
      if (!best) {
        out.push(clauses[i++]);
        continue;
      }
      var alts = best.n === 1 ? clauses[i].alternatives.slice() : [alt([].concat.apply([], own.slice(i, i + best.n)), 1)];
      best.group.forEach(function (phrase) {
        if (!alts.some(function (a) { return sameTerms(a.terms, phrase); })) {
          alts.push(alt(phrase, 1));
        }
      });
      out.push({ word: clauses.slice(i, i + best.n).map(function (c) { return c.word; }).join(' '), alternatives: alts });
      i += best.n;
    }
    return out;
  };

  /** Resolves a parsed query against the dictionary, in the order the Java planner does. */
  Engine.prototype.plan = function (query) {
    var self = this;
    var typed = query.words.length;
    query.phrases.forEach(function (p) { typed += p.typed; });
    var plan = { mode: 'relaxed', clauses: [], phrases: [], corrections: [], unmatched: [], minMatch: 0,
      brokenPhrase: false, describing: typed > this.manifest.mode.shortWords };
    var loose = [];
    var chain = Promise.resolve();
    query.words.forEach(function (w, i) {
      var prefix = query.lastPrefix && i === query.words.length - 1;
      chain = chain.then(function () { return self.planWord(w, prefix, plan, loose); });
    });
    chain = chain.then(function () { plan.clauses = self.withSynonyms(loose); });
    query.phrases.forEach(function (p) {
      chain = chain.then(function () {
        var terms = [];
        var inner = Promise.resolve();
        p.words.forEach(function (w) {
          inner = inner.then(function () {
            return self.exactOrCorrected(w, plan).then(function (r) {
              if (r) {
                terms.push(r.term);
                plan.clauses.push({ word: w, alternatives: [alt([r.term], 1)] });
              }
            });
          });
        });
        return inner.then(function () {
          if (terms.length === p.words.length) {
            plan.phrases.push({ terms: terms, offsets: p.offsets });
          } else {
            plan.brokenPhrase = true;
          }
        });
      });
    });
    return chain.then(function () {
      var m = self.manifest.mode;
      plan.mode = typed <= m.shortWords && plan.unmatched.length === 0 ? 'short' : 'relaxed';
      plan.minMatch = plan.phrases.length === 0 && !plan.brokenPhrase
        ? minMatch(Ranking.words(plan), m.minShare) : Ranking.words(plan);
      return plan;
    });
  };

  /** Words a relaxed match needs: minShare of n rounded up, at least 2 from 3 words (QueryMode.minMatch). */
  function minMatch(n, share) {
    if (n < 3) {
      return Math.min(1, n);
    }
    return Math.max(2, Math.ceil(share * n - 1e-9));
  }

  /** Returns true for pasted text: more words than the manifest's longWords, or more than one line. */
  Engine.prototype.isLong = function (text) {
    return text.trim().indexOf('\n') >= 0 || indexWords(text).length > this.manifest.mode.longWords;
  };

  var NAME_DIMS = ['causes', 'services', 'teams'];

  function containsRun(words, run) {
    if (run.length === 0) {
      return false;
    }
    for (var i = 0; i + run.length <= words.length; i++) {
      var ok = true;
      for (var k = 0; k < run.length && ok; k++) {
        ok = words[i + k] === run[k];
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** The cause, service and team names a text mentions (Mentions.in): [{dim, id, label}]. */
  Engine.prototype.mentions = function (text) {
    var words = indexWords(text);
    return (this.manifest.names || []).filter(function (n) {
      return containsRun(words, indexWords(n[1])) || containsRun(words, indexWords(n[2]));
    }).map(function (n) { return { dim: NAME_DIMS[n[0]], id: n[1], label: n[2] }; });
  };

  /** Plans pasted text as PasteTerms does: the rarest corpus terms of its first maxWords words. */
  Engine.prototype.pastePlan = function (text) {
    var self = this;
    var m = this.manifest.mode;
    var words = [];
    var top = 0;
    var all = splitWords(text);
    for (var i = 0; i < all.length; i++) {
      if (!all[i].part && ++top > m.maxWords) {
        break;
      }
      if (!this.stopwords.has(all[i].surface)) {
        words.push(all[i].surface);
      }
    }
    return Promise.all(words.map(function (w) {
      return self.lookup(w).then(function (hit) {
        return hit || self.stemmed(w);
      });
    })).then(function (found) {
      var byTerm = new Map();
      found.forEach(function (f, k) {
        if (!f) {
          return;
        }
        var had = byTerm.get(f.term);
        if (!had || f.df > had.df) {
          byTerm.set(f.term, { term: f.term, word: had ? had.word : words[k], df: f.df, at: had ? had.at : k });
        }
      });
      var docs = self.manifest.docs;
      var picked = Array.from(byTerm.values()).filter(function (p) {
        return docs < m.pasteMinDocs || 2 * p.df <= docs;
      });
      picked.sort(function (a, b) { return a.df - b.df || a.term - b.term; });
      picked = picked.slice(0, m.pasteTerms);
      var unused = [];
      if (picked.length === 0) {
        queryWords(text).forEach(function (w) {
          if (unused.length < 8 && !self.stopwords.has(w) && unused.indexOf(w) < 0) {
            unused.push(w);
          }
        });
      }
      return { mode: 'long', clauses: picked.map(function (p) { return { word: p.word, alternatives: [alt([p.term], 1)] }; }),
        phrases: [], corrections: [], unmatched: unused, minMatch: Math.min(2, picked.length), brokenPhrase: false };
    });
  };

  // ---- postings

  Engine.prototype.postingsShard = function (i, set) {
    return this.parsedFile(set.folder + '/' + i + '.bin', function (bytes) {
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

  /**
   * A term's postings record: {df, main, max, tailFile, tailOffset, docs, impacts, tails} (main tier only), with
   * impacts under the keyword weights (short queries) or, when described, the description weights.
   */
  Engine.prototype.postings = function (term, described) {
    var post = described ? this.manifest.postd : this.manifest.post;
    var tails = described ? this.manifest.taild : this.manifest.tail;
    var i = lastAtMost(post.first, term);
    return this.postingsShard(i, post).then(function (s) {
      var r = new Reader(s.bytes, s.starts[term - post.first[i]]);
      var t = { term: term, df: r.uv(), main: r.uv(), max: r.f32(), tailFile: -1, tailOffset: 0, tails: tails.folder };
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
    return this.file(t.tails + '/' + t.tailFile + '.bin').then(function (bytes) {
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
        this.yearDim = Promise.resolve(build(info, years.map(function (y) { return { id: y[0], label: y[2] || y[0] }; }),
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

  /** Every term a plan asks for. */
  function planTerms(plan) {
    var out = [];
    plan.clauses.forEach(function (c) {
      c.alternatives.forEach(function (a) {
        a.terms.forEach(function (t) {
          if (out.indexOf(t) < 0) {
            out.push(t);
          }
        });
      });
    });
    return out;
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

  function order(a, b) {
    return b.score - a.score || a.doc - b.doc;
  }

  /**
   * Runs a query. options: filters {dim: [values]}, prefix (default true: complete the last word while typing),
   * complete (default true: in short mode, every match with exact counts), limit (default 10), facets (extra
   * dimensions to count besides the default ones; in relaxed and long modes facets are counted only when asked for
   * or filtered on). Returns {mode, total (every-word matches; -1 when not counted), hits [{doc, score, partial,
   * matched, missing}], all (ranked; relaxed and long modes: the best 50), counts {dim: [{value, label, count}]} or
   * null, corrections, unmatched, minMatch, plan, exact, highlight (Set of surface words to mark), mentions (pasted
   * text: the cause, service and team names it holds, [{dim, id, label}])}.
   */
  Engine.prototype.search = function (text, options) {
    var self = this;
    return this.searchOnce(text, options).catch(function (err) {
      if (!self.retryable(err)) {
        throw err;
      }
      return self.reload().then(function () { return self.searchOnce(text, options); });
    });
  };

  /** Runs one query against the manifest loaded now; search() is this with one reload when a file is missing. */
  /**
   * One search; when quoted phrases match nothing, the same words without the quotes, marked unquoted: quotes in a
   * pasted log line or JSON (msg="...") are the text's own (IncidentSearcher.search).
   */
  Engine.prototype.searchOnce = function (text, options) {
    var self = this;
    return this.searchText(text, options).then(function (result) {
      var p = result.plan;
      result.unquoted = false;
      if (result.all.length === 0 && p.mode !== 'long' && (p.phrases.length > 0 || p.brokenPhrase)) {
        return self.searchText(String(text).replace(/"/g, ' '), options).then(function (r) {
          r.unquoted = true;
          return r;
        });
      }
      return result;
    });
  };

  Engine.prototype.searchText = function (text, options) {
    var self = this;
    var o = options || {};
    var filters = o.filters || {};
    var limit = o.limit || 10;
    return this.open().then(function () {
      if (self.isLong(text)) {
        return self.pastePlan(text);
      }
      var query = parseQuery(text, self.stopwords);
      if (o.prefix === false) {
        query.lastPrefix = false;
      }
      return self.plan(query);
    }).then(function (plan) {
      var hasFilters = Object.keys(filters).some(function (k) { return filters[k] && filters[k].length; });
      var result = { mode: plan.mode, plan: plan, corrections: plan.corrections, unmatched: plan.unmatched,
        minMatch: plan.minMatch, words: Ranking.words(plan), hits: [], all: [], total: 0, counts: null, exact: true, highlight: new Set(),
        mentions: plan.mode === 'long' ? self.mentions(text) : [] };
      var exhaustive = plan.mode === 'short' && o.complete !== false || plan.phrases.length > 0 || plan.clauses.length === 0;
      var wanted = exhaustive || hasFilters || (o.facets && o.facets.length) ? self.wantedDims(filters, o.facets) : [];
      var dimsP = Promise.all(wanted.map(function (id) { return self.dim(id); }));
      // A typed query with nothing to search for ("((((", an emoji) and no filter matches nothing, where an empty
      // plan would list every incident (as IncidentSearcher.wordless does).
      result.wordless = plan.mode !== 'long' && plan.clauses.length === 0 && plan.phrases.length === 0
        && !plan.unmatched.length && !hasFilters && String(text).trim() !== '';
      if (plan.brokenPhrase || result.wordless
          || (plan.clauses.length === 0 && plan.phrases.length === 0 && plan.unmatched.length)) {
        return dimsP.then(function (dims) {
          result.counts = dims.length ? countFacets(dims, filters, []) : null;
          return result;
        });
      }
      var termsP = Promise.all(planTerms(plan).map(function (t) { return self.postings(t, plan.mode !== 'short'); }));
      return Promise.all([termsP, dimsP, self.variants(plan)]).then(function (loaded) {
        result.highlight = loaded[2];
        var terms = new Map();
        loaded[0].forEach(function (rec) { terms.set(rec.term, new Ranking.TermData(rec)); });
        var dims = loaded[1];
        var accept = hasFilters ? function (doc) { return docMatchesFilters(dims, filters, doc, null); } : null;
        var ranked = exhaustive ? self.everyMatch(plan, terms, dims, filters, result)
          : self.topMatches(plan, terms, accept, result);
        return ranked.then(function (all) {
          result.all = all;
          result.hits = all.slice(0, limit);
          if (!exhaustive && dims.length) {
            result.counts = countFacets(dims, filters, all.map(function (h) { return h.doc; }));
          }
          return result;
        });
      });
    });
  };

  /** Loads every tail of a plan's terms. */
  Engine.prototype.loadTails = function (terms) {
    var self = this;
    var open = [];
    terms.forEach(function (td) {
      if (!td.complete) {
        open.push(self.tail(td.rec).then(function (t) { td.addTail(t); }));
      }
    });
    return Promise.all(open);
  };

  /**
   * Short mode: every document matching every clause and phrase, with the exact total and facet counts; when fewer
   * than a page match and the plan relaxes, the partial matches follow (best 50).
   */
  Engine.prototype.everyMatch = function (plan, terms, dims, filters, result) {
    var self = this;
    var posP = Promise.all(plan.phrases.map(function (p) {
      return Promise.all(p.terms.map(function (t) { return self.positions(t); }));
    }));
    return Promise.all([this.loadTails(terms), posP]).then(function (loaded) {
      var positions = loaded[1];
      var n = Ranking.words(plan);
      var matched = [];
      if (n === 0) {
        for (var d = 0; d < self.manifest.docs; d++) {
          matched.push({ doc: d, score: 0 });
        }
      } else {
        var seen = new Set();
        terms.forEach(function (td) { td.scores.forEach(function (v, doc) { seen.add(doc); }); });
        seen.forEach(function (doc) {
          var st = Ranking.docState(plan, terms, doc);
          if (st.matched === n) {
            matched.push({ doc: doc, score: st.lo });
          }
        });
      }
      matched = matched.filter(function (m) {
        return plan.phrases.every(function (p, i) { return phraseMatches(m.doc, p, positions[i]); });
      });
      var every = matched;
      if (dims.length) {
        matched = matched.filter(function (m) { return docMatchesFilters(dims, filters, m.doc, null); });
        result.counts = countFacets(dims, filters, every.map(function (m) { return m.doc; }));
      }
      result.total = matched.length;
      matched.sort(order);
      var all = matched.map(function (m) { return self.hit(plan, terms, m.doc, m.score, false); });
      if (!relaxes(plan) || matched.length >= self.manifest.mode.page) {
        return all;
      }
      var inAll = new Set(matched.map(function (m) { return m.doc; }));
      var accept = dims.length ? function (doc) { return docMatchesFilters(dims, filters, doc, null); } : null;
      var r = Ranking.step(plan, terms, { k: self.manifest.mode.page, minMatch: plan.minMatch, andFirst: true, accept: accept });
      r.ranked.forEach(function (h) {
        if (!inAll.has(h.doc) && all.length < matched.length + self.manifest.mode.best) {
          all.push(self.hit(plan, terms, h.doc, h.score, true, h.mask));
        }
      });
      return self.fillWithOneWord(plan, terms, accept, all);
    });
  };

  /**
   * Fills the first page with documents matching one word only, best first, when fewer than a page match the words
   * a partial match needs (IncidentSearcher.fillWithOneWord): a query never comes back empty while some incident has
   * one of its words.
   */
  Engine.prototype.fillWithOneWord = function (plan, terms, accept, hits) {
    var self = this;
    var page = this.manifest.mode.page;
    if (hits.length >= page || plan.minMatch <= 1 || plan.clauses.length === 0) {
      return Promise.resolve(hits);
    }
    return this.settle(plan, terms, { k: page, minMatch: 1, andFirst: false, accept: accept }).then(function (ranked) {
      var listed = new Set(hits.map(function (h) { return h.doc; }));
      ranked.forEach(function (h) {
        if (hits.length < page && !listed.has(h.doc)) {
          listed.add(h.doc);
          hits.push(self.hit(plan, terms, h.doc, h.score, true, h.mask));
        }
      });
      return hits;
    });
  };

  /** Ranks with search-ranking.js, loading the tails it asks for until the top o.k are settled. */
  Engine.prototype.settle = function (plan, terms, o) {
    var self = this;
    function next() {
      var r = Ranking.step(plan, terms, o);
      if (r.done) {
        return r.ranked;
      }
      var td = terms.get(r.load);
      return self.tail(td.rec).then(function (t) {
        td.addTail(t);
        return next();
      });
    }
    return Promise.resolve().then(next);
  };

  function relaxes(plan) {
    return plan.minMatch < Ranking.words(plan);
  }

  /**
   * Relaxed and long modes: the best documents from the top of each posting list, loading tails only until the top
   * page is settled (search-ranking.js). Documents matching every clause come first (not in long mode); when a page
   * of them exists, only they are listed.
   */
  Engine.prototype.topMatches = function (plan, terms, accept, result) {
    var self = this;
    var m = this.manifest.mode;
    var o = { k: m.page, minMatch: plan.mode === 'long' ? plan.minMatch : Math.min(plan.minMatch, Ranking.words(plan)),
      andFirst: plan.mode !== 'long', accept: accept };
    result.total = -1;
    result.exact = true;
    return this.settle(plan, terms, o).then(function (ranked) {
      if (o.andFirst && ranked.length >= m.page && ranked[m.page - 1].all) {
        ranked = ranked.filter(function (h) { return h.all; });
      }
      var hits = ranked.slice(0, m.best).map(function (h) {
        return self.hit(plan, terms, h.doc, h.score, plan.mode === 'long' || !h.all, h.mask);
      });
      return self.fillWithOneWord(plan, terms, accept, hits);
    });
  };

  /**
   * A result: {doc, score, partial, matched [words], missing [words, those no incident uses included], and the
   * counts of query words matched and asked for (a synonym phrase counts its words)}.
   */
  Engine.prototype.hit = function (plan, terms, doc, score, partial, mask) {
    var matched = [];
    var missing = [];
    plan.clauses.forEach(function (c, i) {
      (mask ? mask[i] : true) ? matched.push(c.word) : missing.push(c.word);
    });
    missing = missing.concat(plan.unmatched);
    var count = function (list) { return list.reduce(function (n, w) { return n + Ranking.wordCount(w); }, 0); };
    var matchedWords = count(matched);
    return { doc: doc, score: score, partial: partial, matched: matched, missing: missing,
      matchedWords: matchedWords, ofWords: matchedWords + count(missing) };
  };

  /**
   * Every surface form, in the loaded dictionary shards, of the terms a plan matches (for highlighting). A CJK word
   * is marked where it is spelled out (see matches), so its bigrams are left out.
   */
  Engine.prototype.variants = function (plan) {
    var self = this;
    var terms = new Set();
    var words = new Set();
    plan.clauses.forEach(function (c) {
      words.add(c.word);
      c.alternatives.forEach(function (a) { a.terms.forEach(function (t) { terms.add(t); }); });
    });
    var shards = new Set();
    words.forEach(function (w) {
      if (!isCjkRun(w)) {
        shards.add(self.shardOf(w));
      }
    });
    return Promise.all(Array.from(shards).map(function (i) { return self.dictShard(i); })).then(function (list) {
      var out = new Set(words);
      list.forEach(function (s) {
        for (var k = 0; k < s.words.length; k++) {
          if (!s.stems[k] && terms.has(s.terms[k]) && !isCjkRun(s.words[k])) {
            out.add(s.words[k]);
          }
        }
      });
      return out;
    });
  };

  /**
   * The fragment of a document: {t, u, d, s, v, c, x, b}. A missing fragment file rejects with status 404; when
   * retryable(err), the page reloads the engine and runs its query again (the numbering may have changed with the
   * export).
   */
  Engine.prototype.fragment = function (doc) {
    var f = this.manifest.frag;
    var chunk = Math.floor(doc / f.chunk);
    return this.parsedFile(f.folder + '/' + chunk + '.bin', function (bytes) {
      return JSON.parse(utf8.decode(bytes));
    }).then(function (list) { return list[doc - chunk * f.chunk]; });
  };

  /**
   * Where a text holds highlighted words, by start: [{start, end, key}]. A word of the text is a match when its
   * surface is highlighted (a compound's first part, which starts with it, left out); a highlighted CJK word is a
   * match wherever the text spells it, inside a longer run too. Matches may overlap; key is the word matched.
   */
  function matches(text, highlight) {
    var out = [];
    var words = splitWords(text);
    words.forEach(function (w, i) {
      if (!highlight.has(w.surface) || isCjkRun(w.surface)) {
        return;
      }
      if (!(w.part && i > 0 && highlight.has(words[i - 1].surface) && words[i - 1].start === w.start)) {
        out.push({ start: w.start, end: w.end, key: w.surface });
      }
    });
    highlight.forEach(function (h) {
      if (!isCjkRun(h)) {
        return;
      }
      for (var at = text.indexOf(h); at >= 0; at = text.indexOf(h, at + 1)) {
        out.push({ start: at, end: at + h.length, key: h });
      }
    });
    return out.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
  }

  /**
   * Cuts a snippet of about 220 characters around the most distinct highlighted words of a text:
   * [{text, mark}] segments. Overlapping matches make one mark.
   */
  function snippet(text, highlight, length) {
    var max = length || 220;
    var t = text.replace(/\s+/g, ' ').trim();
    var hits = matches(t, highlight);
    var bestStart = 0;
    var bestScore = 0;
    for (var i = 0; i < hits.length; i++) {
      var seen = new Set();
      for (var j = i; j < hits.length && hits[j].end - hits[i].start <= max - 40; j++) {
        seen.add(hits[j].key);
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
      if (w.start < from || w.end > to) {
        return;
      }
      var last = segs[segs.length - 1];
      if (w.start < at && last && last.mark) {
        if (w.end > at) {
          last.text += t.slice(at, w.end);
          at = w.end;
        }
        return;
      }
      if (w.start >= at) {
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
    queryWords: queryWords,
    isCjkRun: isCjkRun,
    matches: matches,
    parseQuery: parseQuery,
    distance: distance,
    snippet: snippet,
    normalize: normalize
  };
}));
