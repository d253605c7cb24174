/*
 * Hindsight: marks a search's words on the incident page it opened, and scrolls to the first of them.
 * search.js loads this only when the address fragment starts with #hl= (the search page writes the matched surface
 * words there, so no dictionary is fetched here, and nothing of the search reaches the host). Words are matched
 * whole and case-insensitively in the page's text, fullwidth letters as ASCII, CJK letters counting as a word's edge
 * (DB in DB障害); a word of Chinese, Japanese or Korean letters is matched wherever it is spelled, inside a longer
 * run too, as the search found it. Marks are built from text nodes only, never from HTML.
 */
(function () {
  'use strict';

  var PREFIX = '#hl=';
  var MAX_WORDS = 24;
  // The CJK letters of search-engine.js (CJK_SCRIPT, CJK_MARKS); WordSplitterParityTest holds the two together.
  var CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30FC\\uFF70\\uFF9E\\uFF9F';
  var CJK_WORD = new RegExp('^[' + CJK + ']', 'u');
  var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEXTAREA: 1, INPUT: 1, MARK: 1, SVG: 1, BUTTON: 1 };

  /** The words in the fragment, or [] when it holds none. */
  function words() {
    if (location.hash.indexOf(PREFIX) !== 0) {
      return [];
    }
    var raw;
    try {
      raw = decodeURIComponent(location.hash.slice(PREFIX.length));
    } catch (e) {
      return [];
    }
    var out = [];
    raw.split(/\s+/).forEach(function (w) {
      if ((w.length > 1 || CJK_WORD.test(w)) && out.indexOf(w) < 0 && out.length < MAX_WORDS) {
        out.push(w);
      }
    });
    return out;
  }

  function escape(w) {
    return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /** Reads the fullwidth forms of ASCII as ASCII, one UTF-16 unit for one (as search-engine.js splits words). */
  function foldWidth(text) {
    return text.replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); });
  }

  /**
   * The pattern of the words: other words whole (between a start, an end, a character that is no letter or digit, or
   * a CJK letter), CJK words anywhere, the longest first. The word matched is group 1 or 2.
   */
  function pattern(list) {
    var cjk = list.filter(function (w) { return CJK_WORD.test(w); });
    var other = list.filter(function (w) { return !CJK_WORD.test(w); });
    var edge = '[^\\p{L}\\p{Nd}]|[' + CJK + ']';
    var branches = [];
    if (other.length) {
      branches.push('(?<=^|' + edge + ')(' + other.map(escape).join('|') + ')(?=$|' + edge + ')');
    }
    if (cjk.length) {
      // Longest first: the first alternative that matches wins, and データ must not cut データベース short.
      cjk.sort(function (a, b) { return b.length - a.length; });
      branches.push('(' + cjk.map(escape).join('|') + ')');
    }
    return new RegExp(branches.join('|'), 'giu');
  }

  /** Wraps every match inside root in a mark; returns the marks in document order. */
  function mark(root, list) {
    var re = pattern(list);
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        for (var p = n.parentNode; p && p !== root; p = p.parentNode) {
          if (SKIP[p.nodeName.toUpperCase()]) {
            return NodeFilter.FILTER_REJECT;
          }
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n);
    }
    var marks = [];
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var folded = foldWidth(text);
      re.lastIndex = 0;
      var m = re.exec(folded);
      if (!m) {
        return;
      }
      var frag = document.createDocumentFragment();
      var at = 0;
      while (m) {
        var start = m.index;
        var end = start + (m[1] || m[2]).length;
        frag.appendChild(document.createTextNode(text.slice(at, start)));
        var el = document.createElement('mark');
        el.className = 'search-hit';
        el.textContent = text.slice(start, end);
        frag.appendChild(el);
        marks.push(el);
        at = end;
        re.lastIndex = at;
        m = re.exec(folded);
      }
      frag.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(frag, node);
    });
    return marks;
  }

  /** A line above the content naming the marked words, with a button that removes the marks. */
  function notice(root, list, marks) {
    var p = document.createElement('p');
    p.className = 'search-hit-notice';
    p.setAttribute('role', 'status');
    p.appendChild(document.createTextNode(marks.length + ' match' + (marks.length === 1 ? '' : 'es') + ' of your search ('
      + list.join(', ') + ') marked on this page. '));
    var clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'search-hit-clear';
    clear.textContent = 'Clear marks';
    clear.addEventListener('click', function () {
      marks.forEach(function (m) {
        m.replaceWith(document.createTextNode(m.textContent));
      });
      root.normalize();
      p.remove();
      history.replaceState(null, '', location.pathname + location.search);
    });
    p.appendChild(clear);
    root.insertBefore(p, root.firstChild);
  }

  function run() {
    var list = words();
    var root = document.querySelector('main') || document.body;
    if (!list.length || !root) {
      return;
    }
    var marks = mark(root, list);
    if (!marks.length) {
      return;
    }
    notice(root, list, marks);
    marks[0].scrollIntoView({ block: 'center' });
    marks[0].classList.add('search-hit-first');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run);
  } else {
    run();
  }
}());
