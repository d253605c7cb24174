/*
 * Hindsight search ranking: the top results of a query from partly loaded postings, as IncidentSearcher ranks them
 * with Lucene (docs/search.md, "One rule, two implementations"). No fetching here: search-engine.js loads each term's
 * main tier (its best-scoring documents), asks step() whether the top results are settled, and loads the tail a step
 * names until they are.
 *
 * A document's score is the sum, over the clauses it matches, of the clause's best alternative; an alternative is
 * one term, or the terms of a synonym phrase (all of them; their mean score). A result matches at least minMatch
 * of the words, a clause counting as the query words it covers (a merged synonym phrase, its words: wordCount, as
 * QueryPlan.Clause.size); with andFirst, documents matching every clause rank before the others. Ties: the lower document number
 * (newest) first. A term whose tail is not loaded bounds the score of any document missing from its main tier by
 * its lowest main-tier score (the tiers are impact-ordered), so step() stops as soon as no unseen or partly known
 * document can enter the top k: a WAND-style bound over two tiers.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.HindsightRanking = factory();
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var ABSENT = { state: 0, lo: 0, hi: 0 };

  /** What is known of one term: the scores of the documents loaded so far, and a bound for the rest. */
  function TermData(rec) {
    this.rec = rec;
    this.scores = new Map();
    this.complete = rec.df <= rec.main;
    this.add(rec.docs, rec.impacts);
    var min = 255;
    for (var j = 0; j < rec.impacts.length; j++) {
      min = Math.min(min, rec.impacts[j]);
    }
    this.bound = this.complete ? 0 : rec.max * min / 255;
  }

  TermData.prototype.add = function (docs, impacts) {
    var scale = this.rec.max / 255;
    for (var j = 0; j < docs.length; j++) {
      this.scores.set(docs[j], impacts[j] * scale);
    }
  };

  /** Adds the term's tail: every document is known from now on. */
  TermData.prototype.addTail = function (tail) {
    this.add(tail.docs, tail.impacts);
    this.complete = true;
    this.bound = 0;
  };

  // An alternative for one document: state 2 matched (lo = hi = its score), 1 unknown (hi bounds it), 0 absent.
  function alternative(alt, terms, doc) {
    var sum = 0;
    var extra = 0;
    var unknown = false;
    for (var i = 0; i < alt.terms.length; i++) {
      var td = terms.get(alt.terms[i]);
      var s = td.scores.get(doc);
      if (s !== undefined) {
        sum += s;
      } else if (td.complete) {
        return ABSENT;
      } else {
        unknown = true;
        extra += td.bound;
      }
    }
    var f = alt.weight / alt.terms.length;
    return unknown ? { state: 1, lo: 0, hi: (sum + extra) * f } : { state: 2, lo: sum * f, hi: sum * f };
  }

  // A clause for one document: its best alternative, whether it surely matches, may match, and is settled.
  function clause(c, terms, doc) {
    var out = { lo: 0, hi: 0, sure: false, possible: false, settled: true };
    c.alternatives.forEach(function (alt) {
      var a = alternative(alt, terms, doc);
      if (a.state === 2) {
        out.sure = true;
        out.lo = Math.max(out.lo, a.lo);
      } else if (a.state === 1) {
        out.settled = false;
      }
      out.possible = out.possible || a.state > 0;
      out.hi = Math.max(out.hi, a.hi);
    });
    if (!out.settled && out.sure && out.hi <= out.lo) {
      out.settled = true;
    }
    return out;
  }

  /** How many query words a clause's or a missing item's text is: "internal server error" is three. */
  function wordCount(text) {
    return text.split(' ').length;
  }

  /** The number of query words a plan's clauses cover. */
  function words(plan) {
    var n = 0;
    plan.clauses.forEach(function (c) { n += wordCount(c.word); });
    return n;
  }

  /**
   * Everything known of a document: words surely and possibly matched (each clause counting its words), score
   * bounds, which clauses it matches.
   */
  function docState(plan, terms, doc) {
    var st = { doc: doc, matched: 0, possible: 0, lo: 0, hi: 0, settled: true, mask: [] };
    plan.clauses.forEach(function (c) {
      var s = clause(c, terms, doc);
      var size = wordCount(c.word);
      st.matched += s.sure ? size : 0;
      st.possible += s.possible ? size : 0;
      st.lo += s.lo;
      st.hi += s.hi;
      st.settled = st.settled && s.settled;
      st.mask.push(s.sure);
    });
    return st;
  }

  // Bounds for a document in no loaded list: per clause, the alternatives whose terms all still have tails.
  function unseen(plan, terms) {
    var possible = 0;
    var hi = 0;
    plan.clauses.forEach(function (c) {
      var best = 0;
      c.alternatives.forEach(function (alt) {
        var sum = 0;
        for (var i = 0; i < alt.terms.length; i++) {
          var td = terms.get(alt.terms[i]);
          if (td.complete) {
            return;
          }
          sum += td.bound;
        }
        best = Math.max(best, sum * alt.weight / alt.terms.length);
      });
      possible += best > 0 ? wordCount(c.word) : 0;
      hi += best;
    });
    return { possible: possible, hi: hi };
  }

  function before(a, b) {
    return a.tier !== b.tier ? a.tier > b.tier : a.score !== b.score ? a.score > b.score : a.doc < b.doc;
  }

  /**
   * One ranking step. o: {k, minMatch, andFirst, accept(doc) (filters; optional)}. Returns {done: true, ranked
   * [{doc, score, all, mask}]} once the top k are known, or {done: false, load: term} naming the term whose tail to
   * load next. The top k are known when k documents surely match enough clauses and no other document, seen or
   * unseen, can score above the k-th of them; they are ordered by the score known so far, which a tail not loaded
   * can raise by at most that term's bound (the order inside the top k may differ from Lucene's there, the set not).
   * Documents after the top k are those surely matching, by known score.
   */
  function step(plan, terms, o) {
    var n = words(plan);
    var seen = new Set();
    terms.forEach(function (td) {
      td.scores.forEach(function (s, doc) { seen.add(doc); });
    });
    var sure = [];
    var others = [];
    seen.forEach(function (doc) {
      if (o.accept && !o.accept(doc)) {
        return;
      }
      var st = docState(plan, terms, doc);
      if (st.possible < o.minMatch || st.possible === 0) {
        return;
      }
      var item = { doc: doc, score: st.lo, all: st.matched === n, mask: st.mask,
        tier: o.andFirst && st.matched === n ? 1 : 0, settled: st.settled,
        high: { tier: o.andFirst && st.possible === n ? 1 : 0, score: st.hi, doc: doc } };
      if (st.matched >= o.minMatch && st.matched > 0) {
        sure.push(item);
      } else {
        others.push(item);
      }
    });
    sure.sort(function (a, b) { return before(a, b) ? -1 : before(b, a) ? 1 : 0; });
    var open = null;
    function consider(key) {
      if (open === null || before(key, open)) {
        open = key;
      }
    }
    others.forEach(function (it) { consider(it.high); });
    sure.slice(o.k).forEach(function (it) { consider(it.high); });
    var u = unseen(plan, terms);
    if (u.possible >= Math.max(1, o.minMatch)) {
      consider({ tier: o.andFirst && u.possible === n ? 1 : 0, score: u.hi, doc: -1 });
    }
    var done = open === null || (sure.length >= o.k && before(sure[o.k - 1], open));
    var load = done ? -1 : nextTail(plan, terms);
    return load < 0 ? { done: true, ranked: sure } : { done: false, load: load };
  }

  // The term with a tail whose bound weighs most in the query (ties: the lower term number).
  function nextTail(plan, terms) {
    var best = -1;
    var value = -1;
    plan.clauses.forEach(function (c) {
      c.alternatives.forEach(function (alt) {
        alt.terms.forEach(function (t) {
          var td = terms.get(t);
          var v = td.complete ? -1 : td.bound * alt.weight / alt.terms.length;
          if (v > value || (v === value && v >= 0 && t < best)) {
            value = v;
            best = t;
          }
        });
      });
    });
    return best;
  }

  return { TermData: TermData, step: step, docState: docState, wordCount: wordCount, words: words };
}));
