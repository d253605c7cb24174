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

  var script = document.currentScript;
  var meta = document.querySelector('meta[name="hindsight-search"]');
  var input = document.getElementById('site-search');
  var app = document.getElementById('search-app');
  var assets = {};
  try {
    assets = JSON.parse((script && script.getAttribute('data-assets')) || '{}');
  } catch (e) {
    assets = {};
  }

  function isTyping(el) {
    if (!el) {
      return false;
    }
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && input && !isTyping(e.target)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });

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

  if (assets['css/search.css'] && !document.querySelector('link[data-search-css]')) {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = assets['css/search.css'];
    css.setAttribute('data-search-css', '');
    document.head.appendChild(css);
  }

  if (app) {
    searchPage();
  } else if (served) {
    suggestions();
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
    var results = el('ol', 'search-results');
    var more = el('button', 'search-more', 'Show more results');
    more.type = 'button';
    more.hidden = true;
    var facets = el('aside', 'search-facets');
    facets.setAttribute('aria-label', 'Filter results');
    var main = el('div', 'search-main');
    main.appendChild(status);
    main.appendChild(results);
    main.appendChild(more);
    var layout = el('div', 'search-layout');
    layout.appendChild(main);
    layout.appendChild(facets);

    if (!served) {
      app.textContent = '';
      app.appendChild(el('p', 'search-error', 'Search needs the site to be served over HTTP: browsers do not let a page '
        + 'opened from a file read the search index. Run "hindsight serve" and open the address it prints, or '
        + 'publish the site on any static host. The list of all incidents works without it.'));
      return;
    }

    input.value = state.q;
    var form = input.form;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      state.q = input.value;
      shown = PAGE;
      writeUrl(true);
      run();
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        state.q = input.value;
        shown = PAGE;
        writeUrl(false);
        run();
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
      return { q: p.get('q') || '', filters: filters };
    }

    function writeUrl(push) {
      var p = new URLSearchParams();
      if (state.q) {
        p.set('q', state.q);
      }
      DIMS.forEach(function (d) {
        (state.filters[d[0]] || []).forEach(function (v) { p.append(d[1], v); });
      });
      var qs = p.toString();
      var url = location.pathname + (qs ? '?' + qs : '');
      if (url !== location.pathname + location.search) {
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
          app.removeAttribute('aria-busy');
          status.textContent = 'Search is not available: ' + err.message + '.';
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
          if (h.partial && res.mode !== 'long' && (i === 0 || !page[i - 1].partial)) {
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
      });
    }

    function renderStatus(res) {
      status.textContent = '';
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
      status.appendChild(document.createTextNode(text));
    }

    function words(list) {
      return list.map(function (w) { return '\u201c' + w + '\u201d'; }).join(', ');
    }

    function statusText(res) {
      var q = state.q.trim();
      var shownQ = q.length > 80 ? '' : ' \u201c' + q + '\u201d';
      var filtered = hasFilters() ? ' with these filters' : '';
      var every = res.all.filter(function (h) { return !h.partial; }).length;
      var partial = res.all.length - every;
      var text = '';
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
          : 'No incident matches every word') + shownQ + filtered + '.';
        if (partial) {
          text += ' The best ' + partial + ' matching at least ' + res.minMatch + ' of the words follow.';
        }
      }
      if (res.all.length) {
        text += ' Use \u2193 or j/k to move through them.';
      }
      return text;
    }

    function divider(res) {
      var n = res.plan.clauses.length + res.unmatched.length;
      return el('li', 'search-divider', 'Partial matches: at least ' + res.minMatch + ' of the ' + n + ' words');
    }

    function matchLine(res, h, f) {
      if (res.mode === 'long') {
        var same = res.mentions.filter(function (m) {
          return (m.dim === 'services' && (f.v || []).indexOf(m.id) >= 0) || (m.dim === 'causes' && (f.c || []).indexOf(m.id) >= 0);
        }).map(function (m) { return ' \u00b7 same ' + m.dim.slice(0, -1) + ': ' + m.label; }).join('');
        return 'shares: ' + h.matched.join(', ') + same;
      }
      var of = h.matched.length + h.missing.length;
      return 'matches ' + h.matched.length + ' of ' + of + ' words'
        + (h.missing.length ? ' \u00b7 missing: ' + h.missing.join(', ') : '');
    }

    function item(eng, f, res, i, h) {
      var li = el('li', 'search-result');
      var a = el('a', 'search-result-link');
      a.href = new URL(f.u, new URL('../', eng.base)).href;
      a.appendChild(el('span', 'search-result-title', f.t));
      li.appendChild(a);
      var metaLine = [f.d];
      if (f.s) {
        metaLine.push(f.s);
      }
      if (f.v && f.v.length) {
        metaLine.push(f.v.join(', '));
      }
      li.appendChild(el('p', 'search-result-meta', metaLine.join(' \u00b7 ')));
      var snip = el('p', 'search-result-snippet');
      var text = (f.x ? f.x + ' ' : '') + (f.b || '');
      window.HindsightSearch.snippet(text, res.highlight).forEach(function (s) {
        snip.appendChild(s.mark ? el('mark', null, s.text) : document.createTextNode(s.text));
      });
      li.appendChild(snip);
      if (h && h.partial) {
        li.appendChild(el('p', 'search-result-match', matchLine(res, h, f)));
        li.classList.add('search-result-partial');
      }
      li.setAttribute('data-rank', String(i + 1));
      return li;
    }

    function renderFacets(res) {
      facets.textContent = '';
      if (!res.counts) {
        if (res.all.length && res.mode !== 'short') {
          // Relaxed and pasted queries count facets over the results fetched; load the columns only on request.
          var open = el('button', 'search-filter-open', 'Filter these results');
          open.type = 'button';
          open.addEventListener('click', function () {
            facetsOpen = true;
            run();
          });
          facets.appendChild(open);
        }
        return;
      }
      facets.appendChild(el('h2', 'search-facets-title', 'Filter'));
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
