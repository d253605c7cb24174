/*
 * Hindsight search, page side. Loaded (defer) on every page:
 *  - "/" focuses the search box in the header;
 *  - on other pages the box suggests completions of the word being typed;
 *  - on /search/ (the page with #search-app) it runs the search as you type: ranked results with
 *    highlighted snippets, facet filters with counts, typo corrections, state in the URL, and keyboard
 *    navigation (arrow keys or j/k through results, Enter opens, Escape goes back to the box).
 * The engine (search-engine.js) is loaded on first use; it fetches only the parts of the index a query
 * needs. Search needs the site served over HTTP(S): browsers refuse fetch() from file:// pages.
 */
(function () {
  'use strict';

  var DIMS = [['causes', 'cause'], ['services', 'service'], ['teams', 'team'], ['severity', 'severity'],
    ['year', 'year'], ['tags', 'tag']];
  var PAGE = 10;
  var FACET_VALUES = 8;
  // Input this long is kept out of the address (and so out of history, host logs and shared links): a line break,
  // more than LONG_WORDS words or more than LONG_CHARS characters. It waits in this tab's session storage.
  var LONG_WORDS = 16;
  var LONG_CHARS = 200;
  var PASTED_KEY = 'hindsight:pasted';
  var PASTED_HASH = '#pasted';
  var HIGHLIGHT_HASH = '#hl=';
  var HIGHLIGHT_WORDS = 24;

  var script = document.currentScript;
  var meta = document.querySelector('meta[name="hindsight-search"]');
  var input = document.getElementById('site-search');
  var app = document.getElementById('search-app');
  // The build writes the site's assets here, logical name to fingerprinted path from the site's root
  // ({"js/search-engine.js": "js/search-engine.1a2b3c4d.js", …}: AssetSet.ASSET_MAP), so no page lists them. Each
  // is resolved against the folder holding js/ (this script's own URL). Unbuilt, the literal stays a string.
  var ASSET_MAP = "__HINDSIGHT_ASSET_MAP__";
  var assets = {};
  if (script && script.src && typeof ASSET_MAP === 'object') {
    var siteRoot = script.src.slice(0, script.src.lastIndexOf('/js/') + 1);
    Object.keys(ASSET_MAP).forEach(function (name) {
      assets[name] = siteRoot + ASSET_MAP[name];
    });
  }

  function isTyping(el) {
    if (!el) {
      return false;
    }
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }

  function isLongText(text) {
    var t = text.trim();
    return t.indexOf('\n') >= 0 || t.length > LONG_CHARS || t.split(/\s+/).length > LONG_WORDS;
  }

  function storePasted(text) {
    try {
      sessionStorage.setItem(PASTED_KEY, text);
      return true;
    } catch (e) {
      return false;
    }
  }

  function readPasted() {
    try {
      return sessionStorage.getItem(PASTED_KEY) || '';
    } catch (e) {
      return '';
    }
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && input && !isTyping(e.target)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });

  // The one way a page opens the search engine: table.js (the incident table's "Text contains" box) calls it too, so
  // a page loads the engine and its index shards once, and only when someone types.
  window.HindsightEngine = engine;

  if (!input) {
    return;
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) {
      n.className = cls;
    }
    if (text !== undefined && text !== null) {
      n.textContent = text;
    }
    return n;
  }

  var served = location.protocol === 'http:' || location.protocol === 'https:';
  var enginePromise = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function engine() {
    if (!enginePromise) {
      if (!meta || !meta.content) {
        enginePromise = Promise.reject(new Error('this site has no search index'));
      } else if (!assets['js/search-engine.js']) {
        enginePromise = Promise.reject(new Error('the search engine script is missing'));
      } else {
        var ready = window.HindsightSearch ? Promise.resolve()
          : Promise.all(['js/search-stemmer.js', 'js/search-ranking.js'].map(function (name) {
            return assets[name] ? loadScript(assets[name]) : Promise.reject(new Error('the script ' + name + ' is missing'));
          })).then(function () { return loadScript(assets['js/search-engine.js']); });
        enginePromise = ready.then(function () {
          return new window.HindsightSearch.Engine(new URL(meta.content, location.href).href).open();
        });
      }
    }
    return enginePromise;
  }

  var searchCssLoaded = Array.prototype.some.call(document.querySelectorAll('link[rel="stylesheet"]'), function (l) {
    return l.hasAttribute('data-search-css') || l.href === assets['css/search.css'];
  });
  if (assets['css/search.css'] && !searchCssLoaded) {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = assets['css/search.css'];
    css.setAttribute('data-search-css', '');
    document.head.appendChild(css);
  }

  if (app) {
    searchPage();
  } else {
    if (served) {
      suggestions();
    }
    keepPastesPrivate();
    if (location.hash.indexOf(HIGHLIGHT_HASH) === 0 && assets['js/search-highlight.js']) {
      loadScript(assets['js/search-highlight.js']).catch(function () { /* the page reads fine without highlights */ });
    }
  }

  /** On pages other than /search/: a long paste in the header box goes to the search page without the address. */
  function keepPastesPrivate() {
    input.form.addEventListener('submit', function (e) {
      if (isLongText(input.value) && storePasted(input.value)) {
        e.preventDefault();
        location.href = new URL(input.form.getAttribute('action'), location.href).pathname + PASTED_HASH;
      }
    });
  }

  // ------------------------------------------------------------------ autocomplete on other pages

  function suggestions() {
    var form = input.form;
    var list = el('ul', 'search-suggest');
    list.id = 'site-search-suggest';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-autocomplete', 'list');
    var active = -1;
    var seq = 0;

    function close() {
      list.hidden = true;
      list.textContent = '';
      active = -1;
      input.removeAttribute('aria-activedescendant');
    }

    function choose(word) {
      var v = input.value.replace(/\S*$/, '');
      input.value = v + word;
      close();
      form.submit();
    }

    input.addEventListener('input', function () {
      var mine = ++seq;
      var last = (input.value.match(/(\S+)$/) || ['', ''])[1];
      if (/\s$/.test(input.value) || last.length < 2) {
        close();
        return;
      }
      engine().then(function (eng) { return eng.suggest(last, 6); }).then(function (words) {
        if (mine !== seq) {
          return;
        }
        close();
        words.forEach(function (w, i) {
          var li = el('li', 'search-suggest-item', w.word);
          li.id = 'site-search-suggest-' + i;
          li.setAttribute('role', 'option');
          li.addEventListener('mousedown', function (e) {
            e.preventDefault();
            choose(w.word);
          });
          list.appendChild(li);
        });
        list.hidden = words.length === 0;
      }).catch(close);
    });

    input.addEventListener('keydown', function (e) {
      var items = list.querySelectorAll('li');
      if (list.hidden || items.length === 0) {
        return;
      }
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1) + (active < 0 && e.key === 'ArrowUp' ? 1 : 0)) % items.length;
        items.forEach(function (li, i) { li.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
        input.setAttribute('aria-activedescendant', items[active].id);
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        choose(items[active].textContent);
      } else if (e.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  // ------------------------------------------------------------------ the search page

  function searchPage() {
    var state = readUrl();
    var seq = 0;
    var shown = PAGE;
    var timer = 0;
    var last = null;
    var expanded = {};
    var facetsOpen = false;

    var status = el('p', 'search-status');
    status.setAttribute('role', 'status');
    var privacy = el('p', 'search-private', 'Your pasted text stays in this browser tab: it is not in the address, '
      + 'so it is not in your history, not in the host\'s logs and not in a link you share.');
    privacy.hidden = true;
    var results = el('ol', 'search-results');
    var more = el('button', 'search-more', 'Show more results');
    more.type = 'button';
    more.hidden = true;
    var paste = pasteBox();
    var filters = el('details', 'search-filters');
    var filtersSummary = el('summary', 'search-filters-summary');
    var filtersLabel = el('span', null, 'Filters');
    var filtersCount = el('span', 'search-filters-count');
    filtersSummary.appendChild(filtersLabel);
    filtersSummary.appendChild(filtersCount);
    filters.appendChild(filtersSummary);
    var facets = el('div', 'search-facets');
    facets.setAttribute('role', 'group');
    facets.setAttribute('aria-label', 'Filter results');
    filters.appendChild(facets);
    var wide = window.matchMedia ? window.matchMedia('(min-width: 48.01rem)') : { matches: true };
    var filtersChoice = null; // 'open' or 'closed' once the reader toggles the filters
    filtersSummary.addEventListener('click', function () {
      filtersChoice = filters.open ? 'closed' : 'open';
    });
    var main = el('div', 'search-main');
    main.appendChild(results);
    main.appendChild(more);
    var layout = el('div', 'search-layout');
    layout.appendChild(main);
    layout.appendChild(filters);
    var top = el('div', 'search-top');
    top.appendChild(status);
    top.appendChild(privacy);

    if (!served) {
      app.textContent = '';
      app.appendChild(el('p', 'search-error', 'Search needs the site to be served over HTTP: browsers do not let a page '
        + 'opened from a file read the search index. Run "hindsight serve" and open the address it prints, or '
        + 'publish the site on any static host. The list of all incidents works without it.'));
      return;
    }

    input.value = isLongText(state.q) ? state.q.replace(/\s+/g, ' ').trim() : state.q;
    paste.area.value = isLongText(state.q) ? state.q : '';
    var form = input.form;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      search(input.value, true);
    });
    paste.form.addEventListener('submit', function (e) {
      e.preventDefault();
      input.value = paste.area.value.replace(/\s+/g, ' ').trim();
      search(paste.area.value, true);
    });
    filters.addEventListener('toggle', function () {
      if (filters.open && last && !last.counts && last.all.length && !facetsOpen) {
        facetsOpen = true;
        run();
      }
    });

    function search(text, push) {
      state.q = text;
      shown = PAGE;
      writeUrl(push);
      run();
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        search(input.value, false);
      }, 120);
    });
    window.addEventListener('popstate', function () {
      state = readUrl();
      input.value = state.q;
      shown = PAGE;
      run();
    });
    more.addEventListener('click', function () {
      shown += PAGE;
      render(last, true);
    });

    document.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) {
        return;
      }
      var links = Array.prototype.slice.call(results.querySelectorAll('a.search-result-link'));
      var at = links.indexOf(document.activeElement);
      var down = e.key === 'ArrowDown' || (e.key === 'j' && !isTyping(e.target));
      var up = e.key === 'ArrowUp' || (e.key === 'k' && !isTyping(e.target));
      if (e.target === input && e.key === 'ArrowDown' && links.length) {
        e.preventDefault();
        links[0].focus();
      } else if (at >= 0 && down) {
        e.preventDefault();
        links[Math.min(links.length - 1, at + 1)].focus();
      } else if (at >= 0 && up) {
        e.preventDefault();
        if (at === 0) {
          input.focus();
        } else {
          links[at - 1].focus();
        }
      } else if (at < 0 && down && !isTyping(e.target) && links.length) {
        e.preventDefault();
        links[0].focus();
      } else if (at >= 0 && e.key === 'Escape') {
        input.focus();
      }
    });

    app.textContent = '';
    app.appendChild(top);
    app.appendChild(paste.box);
    app.appendChild(layout);
    run();

    function readUrl() {
      var p = new URLSearchParams(location.search);
      var filters = {};
      DIMS.forEach(function (d) {
        var v = p.getAll(d[1]).filter(function (x) { return x !== ''; });
        if (v.length) {
          filters[d[0]] = v;
        }
      });
      var q = location.hash === PASTED_HASH ? readPasted() : p.get('q') || '';
      return { q: q, filters: filters };
    }

    function writeUrl(push) {
      var p = new URLSearchParams();
      var pasted = isLongText(state.q) && storePasted(state.q);
      if (state.q && !pasted) {
        p.set('q', state.q);
      }
      DIMS.forEach(function (d) {
        (state.filters[d[0]] || []).forEach(function (v) { p.append(d[1], v); });
      });
      var qs = p.toString();
      var url = location.pathname + (qs ? '?' + qs : '') + (pasted ? PASTED_HASH : '');
      if (url !== location.pathname + location.search + location.hash) {
        history[push ? 'pushState' : 'replaceState'](null, '', url);
      }
    }

    function hasFilters() {
      return Object.keys(state.filters).some(function (k) { return state.filters[k].length > 0; });
    }

    function run() {
      var mine = ++seq;
      if (!state.q.trim() && !hasFilters()) {
        status.textContent = 'Type words in the search box: a service, an error message, a cause, or paste a log '
          + 'line or an alert. Incidents matching every word come first, then those matching most of them; '
          + '"quoted words" must match as a phrase.';
        results.textContent = '';
        facets.textContent = '';
        filters.hidden = true;
        privacy.hidden = true;
        more.hidden = true;
        return;
      }
      app.setAttribute('aria-busy', 'true');
      engine().then(function (eng) {
        var dims = facetsOpen ? eng.manifest.facets.dims.map(function (d) { return d.id; }) : [];
        return eng.search(state.q, { filters: state.filters, limit: 1e9, facets: dims }).then(function (res) {
          res.engine = eng;
          return res;
        });
      }).then(function (res) {
        if (mine === seq) {
          last = res;
          render(res, false);
        }
      }).catch(function (err) {
        if (mine === seq) {
          fail(err);
        }
      });
    }

    function render(res, keepFocus) {
      var eng = res.engine;
      renderStatus(res);
      var page = res.all.slice(0, shown);
      Promise.all(page.map(function (h) { return eng.fragment(h.doc); })).then(function (frags) {
        if (res !== last) {
          return;
        }
        var focused = keepFocus ? document.activeElement : null;
        results.textContent = '';
        frags.forEach(function (f, i) {
          var h = page[i];
          if (h.partial && res.mode !== 'long' && i > 0 && !page[i - 1].partial) {
            results.appendChild(divider(res));
          }
          results.appendChild(item(eng, f, res, i, h));
        });
        more.hidden = res.all.length <= shown;
        renderFacets(res);
        app.removeAttribute('aria-busy');
        if (focused && focused.isConnected) {
          focused.focus();
        }
      }).catch(function (err) {
        if (res !== last) {
          return;
        }
        if (eng.retryable(err)) {
          // The manifest came from a cache older than the deploy: load it again and run the query on it.
          eng.reload().then(run, function (e) { fail(e); });
        } else {
          fail(err);
        }
      });
    }

    function fail(err) {
      app.removeAttribute('aria-busy');
      status.textContent = 'Search is not available: ' + (err && err.message || err) + '.';
    }

    function renderStatus(res) {
      status.textContent = '';
      privacy.hidden = !isLongText(state.q);
      var active = 0;
      Object.keys(state.filters).forEach(function (k) { active += state.filters[k].length; });
      filtersCount.textContent = active ? ' \u00b7 ' + active + ' active' : '';
      if (res.corrections.length) {
        var fixed = correctedQuery(state.q, res.corrections);
        status.appendChild(document.createTextNode('Showing results for '));
        var a = el('a', 'search-correction', fixed);
        a.href = '?' + new URLSearchParams({ q: fixed }).toString();
        a.addEventListener('click', function (e) {
          e.preventDefault();
          state.q = fixed;
          input.value = fixed;
          shown = PAGE;
          writeUrl(true);
          run();
        });
        status.appendChild(a);
        status.appendChild(document.createTextNode(' (no incident uses '
          + res.corrections.map(function (c) { return '\u201c' + c.from + '\u201d'; }).join(', ') + '). '));
      }
      var text = statusText(res);
      if (res.all.length) {
        var keys = el('span', 'search-keys', ' Use \u2193 or j/k to move through them.');
        status.appendChild(document.createTextNode(text));
        status.appendChild(keys);
        return;
      }
      status.appendChild(document.createTextNode(text));
    }

    function words(list) {
      return list.map(function (w) { return '\u201c' + w + '\u201d'; }).join(', ');
    }

    function statusText(res) {
      // As IncidentSearcher and SearchOutput say it: the quotes asked for what no incident has as written.
      return (res.unquoted ? 'No incident has the quoted words as written; searching them without the quotes. ' : '')
        + resultText(res);
    }

    function resultText(res) {
      var q = state.q.trim();
      var shownQ = q.length > 80 ? '' : ' \u201c' + q + '\u201d';
      var filtered = hasFilters() ? ' with these filters' : '';
      var every = res.all.filter(function (h) { return !h.partial; }).length;
      var partial = res.all.length - every;
      var text = '';
      if (res.wordless) {
        return 'Nothing to search for in' + shownQ + ': type a word or a number.';
      }
      if (res.plan.clauses.length === 0 && res.unmatched.length && res.mode !== 'long') {
        return 'No incident uses ' + words(res.unmatched) + ', so nothing matches.';
      }
      if (res.unmatched.length && res.mode !== 'long') {
        text += 'No incident uses ' + words(res.unmatched)
          + (res.all.length || res.plan.clauses.length ? ', so it is left out. ' : '. ');
      }
      if (res.mode === 'long') {
        if (res.plan.clauses.length === 0) {
          return 'Read as pasted text, but no incident uses any of its words.';
        }
        text += 'Read as pasted text: ' + (res.all.length ? 'the best ' + res.all.length : 'no')
          + ' incident' + (res.all.length === 1 ? '' : 's') + filtered + ' sharing at least ' + res.minMatch + ' of its '
          + res.plan.clauses.length + ' rarest words. No typo correction or word completion here.';
        if (res.mentions.length) {
          text += ' It mentions ' + res.mentions.map(function (m) { return m.dim.slice(0, -1) + ' ' + m.label; }).join(', ') + '.';
        }
      } else if (res.mode === 'short' && res.total >= 0) {
        var n = res.total;
        text += (n === 0 ? 'No incidents match every word' : n === 1 ? '1 incident matches' : n + ' incidents match')
          + shownQ + filtered + '.';
        if (partial) {
          text += ' ' + partial + ' more match some of the words.';
        }
      } else {
        text += (every ? 'The best ' + every + ' incident' + (every === 1 ? '' : 's') + ' matching every word'
          : 'No incident matches every word') + filtered + '.';
        if (partial) {
          text += ' ' + (every ? 'Then the' : 'The') + ' best ' + partial + ' matching at least ' + res.minMatch + ' of the '
            + (res.words + res.unmatched.length) + ' words.';
        }
      }
      return text;
    }

    function divider(res) {
      var n = res.words + res.unmatched.length;
      return el('li', 'search-divider', 'Partial matches: at least ' + res.minMatch + ' of the ' + n + ' words');
    }

    function matchLine(res, h, f) {
      if (res.mode === 'long') {
        var same = res.mentions.filter(function (m) {
          return (m.dim === 'services' && (f.v || []).indexOf(m.id) >= 0) || (m.dim === 'causes' && (f.c || []).indexOf(m.id) >= 0);
        }).map(function (m) { return ' \u00b7 same ' + m.dim.slice(0, -1) + ': ' + m.label; }).join('');
        return 'shares: ' + h.matched.join(', ') + same;
      }
      return 'matches ' + h.matchedWords + ' of ' + h.ofWords + ' words'
        + (h.missing.length ? ' \u00b7 missing: ' + h.missing.join(', ') : '');
    }

    function item(eng, f, res, i, h) {
      var li = el('li', 'search-result');
      var a = el('a', 'search-result-link');
      a.href = new URL(f.u, new URL('../', eng.base)).href + highlightHash(res);
      a.appendChild(el('span', 'search-result-title', f.t));
      li.appendChild(a);
      var metaLine = [f.d];
      if (f.s) {
        metaLine.push(f.s);
      }
      var services = f.n && f.n.length ? f.n : f.v || [];
      if (services.length) {
        metaLine.push(services.join(', '));
      }
      li.appendChild(el('p', 'search-result-meta', metaLine.join(' \u00b7 ')));
      var best = bestPassage(f, res.highlight);
      var snip = el('p', 'search-result-snippet');
      if (best.heading) {
        snip.appendChild(el('span', 'search-result-section', best.heading + ': '));
      }
      window.HindsightSearch.snippet(best.text, res.highlight).forEach(function (s) {
        snip.appendChild(s.mark ? el('mark', null, s.text) : document.createTextNode(s.text));
      });
      li.appendChild(snip);
      if (f.r) {
        var fix = el('p', 'search-result-fix');
        fix.appendChild(el('span', 'search-result-section', 'Fixed by: '));
        fix.appendChild(document.createTextNode(f.r));
        li.appendChild(fix);
      }
      if (h && h.partial) {
        li.appendChild(el('p', 'search-result-match', matchLine(res, h, f)));
        li.classList.add('search-result-partial');
      }
      li.setAttribute('data-rank', String(i + 1));
      return li;
    }

    /** The summary or body section holding the most distinct highlighted words (the first on a tie). */
    function bestPassage(f, highlight) {
      var passages = [{ heading: f.x ? 'Summary' : '', text: f.x || '' }];
      if (Array.isArray(f.b)) {
        f.b.forEach(function (sec) { passages.push({ heading: sec[0], text: sec[2] }); });
      } else if (f.b) {
        passages.push({ heading: '', text: f.b });
      }
      var best = passages[0];
      var bestCount = -1;
      passages.forEach(function (p) {
        var seen = new Set();
        window.HindsightSearch.splitWords(p.text).forEach(function (w) {
          if (highlight.has(w.surface)) {
            seen.add(w.surface);
          }
        });
        window.HindsightSearch.matches(p.text, highlight).forEach(function (m) {
          seen.add(m.key);
        });
        if (p.text && seen.size > bestCount) {
          best = p;
          bestCount = seen.size;
        }
      });
      return best;
    }

    /**
     * The words an opened incident page highlights, in its address fragment (never sent to the host): words of two
     * letters or more, and CJK words of any length.
     */
    function highlightHash(res) {
      var words = Array.from(res.highlight).filter(function (w) {
        return w.length > 1 || window.HindsightSearch.isCjkRun(w);
      }).sort().slice(0, HIGHLIGHT_WORDS);
      return words.length ? HIGHLIGHT_HASH + encodeURIComponent(words.join(' ')) : '';
    }

    function pasteBox() {
      var box = el('details', 'search-paste');
      box.appendChild(el('summary', null, 'Paste a log line, an alert or an error'));
      var f = el('form', 'search-paste-form');
      var label = el('label', 'visually-hidden', 'Text to search for incidents like it');
      label.setAttribute('for', 'search-paste');
      var area = el('textarea', 'search-paste-input');
      area.id = 'search-paste';
      area.rows = 5;
      area.setAttribute('spellcheck', 'false');
      area.setAttribute('placeholder', 'Paste log lines, an alert or a stack trace: read as "more like this"');
      var go = el('button', 'search-paste-go', 'Find similar incidents');
      go.type = 'submit';
      f.appendChild(label);
      f.appendChild(area);
      f.appendChild(go);
      box.appendChild(f);
      return { box: box, form: f, area: area };
    }

    function renderFacets(res) {
      facets.textContent = '';
      filters.hidden = !res.counts && !res.all.length;
      if (!res.counts) {
        // Relaxed and pasted queries count facets over the results fetched, and load the columns only once the
        // reader opens the filters (the toggle listener runs the search again).
        filters.open = false;
        return;
      }
      filters.open = filtersChoice ? filtersChoice === 'open' : wide.matches || hasFilters();
      DIMS.forEach(function (d) {
        var dim = d[0];
        var selected = state.filters[dim] || [];
        var values = res.counts[dim].filter(function (v) { return v.count > 0 || selected.indexOf(v.value) >= 0; });
        var info = engineOf(res).manifest.facets.dims.filter(function (x) { return x.id === dim; })[0];
        if (values.length === 0) {
          return;
        }
        if (!info.natural) {
          values.sort(function (a, b) { return b.count - a.count; });
        }
        var box = el('fieldset', 'facet');
        box.setAttribute('data-dim', dim);
        box.appendChild(el('legend', null, info.title));
        var limit = expanded[dim] ? values.length : FACET_VALUES;
        values.slice(0, limit).forEach(function (v) {
          var label = el('label', 'facet-value');
          var cb = el('input');
          cb.type = 'checkbox';
          cb.name = d[1];
          cb.value = v.value;
          cb.checked = selected.indexOf(v.value) >= 0;
          cb.addEventListener('change', function () {
            var list = (state.filters[dim] || []).filter(function (x) { return x !== v.value; });
            if (cb.checked) {
              list.push(v.value);
            }
            state.filters[dim] = list;
            shown = PAGE;
            writeUrl(true);
            run();
          });
          label.appendChild(cb);
          label.appendChild(el('span', 'facet-label', v.label));
          label.appendChild(el('span', 'facet-count', String(v.count)));
          box.appendChild(label);
        });
        if (values.length > limit) {
          var all = el('button', 'facet-more', 'All ' + values.length);
          all.type = 'button';
          all.addEventListener('click', function () {
            expanded[dim] = true;
            renderFacets(res);
          });
          box.appendChild(all);
        }
        facets.appendChild(box);
      });
      if (hasFilters()) {
        var clear = el('button', 'search-clear', 'Clear filters');
        clear.type = 'button';
        clear.addEventListener('click', function () {
          state.filters = {};
          shown = PAGE;
          writeUrl(true);
          run();
        });
        facets.appendChild(clear);
      }
    }

    function engineOf(res) {
      return res.engine;
    }
  }

  function correctedQuery(q, corrections) {
    var out = q;
    corrections.forEach(function (c) {
      var re = new RegExp('(^|[^\\p{L}\\p{Nd}])' + c.from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?=$|[^\\p{L}\\p{Nd}])', 'iu');
      out = out.replace(re, function (m, pre) { return pre + c.to; });
    });
    return out;
  }
}());
