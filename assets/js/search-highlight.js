/*
 * Hindsight: marks a search's words on the incident page it opened, and scrolls to the first of them.
 * search.js loads this only when the address fragment starts with #hl= (the search page writes the matched surface
 * words there, so no dictionary is fetched here, and nothing of the search reaches the host). Words are matched
 * whole and case-insensitively in the page's text; marks are built from text nodes only, never from HTML.
 */
(function () {
  'use strict';

  var PREFIX = '#hl=';
  var MAX_WORDS = 24;
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
      if (w.length > 1 && out.indexOf(w) < 0 && out.length < MAX_WORDS) {
        out.push(w);
      }
    });
    return out;
  }

  function escape(w) {
    return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /** Wraps every whole-word match inside root in a mark; returns the marks in document order. */
  function mark(root, list) {
    var re = new RegExp('(^|[^\\p{L}\\p{Nd}])(' + list.map(escape).join('|') + ')(?![\\p{L}\\p{Nd}])', 'giu');
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
      re.lastIndex = 0;
      var m = re.exec(text);
      if (!m) {
        return;
      }
      var frag = document.createDocumentFragment();
      var at = 0;
      while (m) {
        var start = m.index + m[1].length;
        frag.appendChild(document.createTextNode(text.slice(at, start)));
        var el = document.createElement('mark');
        el.className = 'search-hit';
        el.textContent = m[2];
        frag.appendChild(el);
        marks.push(el);
        at = start + m[2].length;
        re.lastIndex = at;
        m = re.exec(text);
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
