// Sorting and filtering for incident tables. The table is complete without this script, newest first;
// it only adds sort buttons to the column headings and reveals the filter form.
// State (filters and sort) is kept in the page URL (history.replaceState) so a filtered view can be shared.
// "Text contains" asks the site's search engine (search-engine.js, opened through search.js's
// window.HindsightEngine, which loads the index shards a query needs on first use), so it finds what the search
// page finds; until the engine answers, or where it cannot (file://), it matches titles.
(function () {
  "use strict";

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    if (!cell) return type === "number" ? null : "";
    var raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim().toLowerCase();
    if (type === "number") {
      var n = parseFloat(raw);
      // Unknown values (-1 or blank) sort last in either direction.
      return isNaN(n) || n < 0 ? null : n;
    }
    return raw;
  }

  // Sorts by one column; ties keep the server's order (row._pos), which is by date, newest first. Each row's key is
  // read once, and the rows are put back all at once: at 10,000 rows, moving them one by one took Chromium seconds
  // per sort (after the first), emptying the body and appending them in one fragment takes milliseconds.
  function sortTable(table, index, dir) {
    var th = table.tHead.rows[0].cells[index];
    var type = th.getAttribute("data-sort-type") || "text";
    var body = table.tBodies[0];
    var sign = dir === "ascending" ? 1 : -1;
    var keyed = Array.prototype.map.call(body.rows, function (r) { return { row: r, key: cellValue(r, index, type) }; });
    keyed.sort(function (a, b) {
      var x = a.key, y = b.key;
      var c;
      if (x === null || y === null) c = x === y ? 0 : x === null ? 1 : -1;
      else c = (type === "number" ? x - y : x < y ? -1 : x > y ? 1 : 0) * sign;
      return c || a.row._pos - b.row._pos;
    });
    var sorted = document.createDocumentFragment();
    body.textContent = "";
    keyed.forEach(function (k) { sorted.appendChild(k.row); });
    body.appendChild(sorted);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      if (cell === th) cell.setAttribute("aria-sort", dir);
      else cell.removeAttribute("aria-sort");
    });
  }

  function readState() {
    var state = {};
    new URLSearchParams(window.location.search).forEach(function (v, k) { state[k] = v; });
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams();
    Object.keys(state).sort().forEach(function (k) { if (state[k]) params.set(k, state[k]); });
    var query = params.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (e) {
      // Some browsers refuse history changes on file:// pages; the view still works, only the URL is not updated.
    }
  }

  // The row positions (search document numbers) matching a text, as the search page finds them: the incidents
  // matching every word, or for pasted text its "more like this" list. Both list incidents newest first, so
  // document n is the table's row n in the server's order.
  function searchText(rowCount, text) {
    if (typeof window.HindsightEngine !== "function") return Promise.reject(new Error("search is not on this page"));
    return window.HindsightEngine().then(function (eng) {
      if (eng.manifest.docs !== rowCount) {
        throw new Error("the search index lists " + eng.manifest.docs + " incidents, the table " + rowCount);
      }
      return eng.search(text, { limit: 1e9 });
    }).then(function (res) {
      var docs = new Set();
      res.all.forEach(function (h) { if (res.mode === "long" || !h.partial) docs.add(h.doc); });
      return { docs: docs, corrections: res.corrections };
    });
  }

  function setUp(table) {
    var state = readState();
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.forEach(function (r, i) { r._pos = i; });
    var headings = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headings, function (th, index) {
      if (!th.hasAttribute("data-sort-type")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        if (!th.hasAttribute("aria-sort")) dir = th.getAttribute("data-sort-type") === "number" ? "ascending" : "descending";
        sortTable(table, index, dir);
        state.sort = String(index);
        state.dir = dir === "ascending" ? "asc" : "desc";
        writeState(state);
      });
    });
    if (state.sort && headings[+state.sort] && headings[+state.sort].hasAttribute("data-sort-type")) {
      sortTable(table, +state.sort, state.dir === "asc" ? "ascending" : "descending");
    }

    var form = document.querySelector('form.table-filters[data-table="' + table.id + '"]');
    if (!form) return;
    var count = form.querySelector(".filter-count");
    var empty = document.querySelector('.table-empty[data-table="' + table.id + '"]');
    var clears = Array.prototype.slice.call(form.querySelectorAll(".clear-filters"))
      .concat(empty ? Array.prototype.slice.call(empty.querySelectorAll(".clear-filters")) : []);
    var text = form.querySelector('input[name="text"]');
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-attr]"));
    var toggles = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][data-attr]'));
    // The engine's answer for the last text asked: {text, docs, corrections} or {text, error}; null before.
    var found = null;
    // The incidents of the engine's last answer (a Set of row positions) while the next is awaited; null before.
    var previous = null;
    var asked = "";
    var timer = 0;

    function selectMatches(row, s) {
      var attr = row.getAttribute("data-" + s.getAttribute("data-attr"));
      if (attr === null) attr = s.getAttribute("data-fallback") || "";
      // One value ("SEV2", "2024"), or ids as "|a|b|".
      return attr.charAt(0) === "|" ? attr.indexOf("|" + s.value + "|") >= 0 : attr === s.value;
    }

    function title(row) {
      var link = row.cells[2].querySelector("a");
      return (link || row.cells[2]).textContent.toLowerCase();
    }

    function ask(needle) {
      if (needle === asked) return;
      asked = needle;
      clearTimeout(timer);
      timer = setTimeout(function () {
        searchText(rows.length, needle).then(function (r) {
          return { text: needle, docs: r.docs, corrections: r.corrections };
        }, function (err) {
          return { text: needle, error: err.message };
        }).then(function (answer) {
          if (needle !== asked) return;
          found = answer;
          apply();
        });
      }, 120);
    }

    function note(needle, current) {
      if (!needle) return "";
      if (!current) return previous ? " \u00b7 searching\u2026" : " \u00b7 matching titles while the search index loads";
      if (current.error) return " \u00b7 matching titles only (search is not available: " + current.error + ")";
      var fixed = current.corrections.map(function (c) { return "\u201c" + c.to + "\u201d"; });
      return fixed.length ? " \u00b7 read as " + fixed.join(", ") : "";
    }

    function apply() {
      var shown = 0;
      var needle = text ? text.value.trim() : "";
      var lower = needle.toLowerCase();
      if (needle) ask(needle);
      else { asked = ""; clearTimeout(timer); }
      var current = found && found.text === needle ? found : null;
      // Once the engine has answered, the rows of its last answer stay until the next, so they do not jump to
      // title matches and back at every keystroke.
      if (current) previous = current.docs || null;
      if (!needle) previous = null;
      var byIndex = current ? current.docs || null : previous;
      var active = selects.filter(function (s) { return s.value; });
      var ticked = toggles.filter(function (t) { return t.checked; });
      rows.forEach(function (row) {
        var ok = active.every(function (s) { return selectMatches(row, s); })
          && ticked.every(function (t) { return row.hasAttribute("data-" + t.getAttribute("data-attr")); });
        if (ok && needle) ok = byIndex ? byIndex.has(row._pos) : title(row).indexOf(lower) >= 0;
        row.hidden = !ok;
        if (ok) shown++;
      });
      var filtered = needle || active.length || ticked.length;
      if (count) count.textContent = "Showing " + shown + " of " + rows.length + note(needle, current);
      if (empty) empty.hidden = shown > 0 || !filtered;
      clears.forEach(function (b) { b.hidden = !filtered; });
      selects.forEach(function (s) { state[s.name] = s.value; });
      toggles.forEach(function (t) { state[t.name] = t.checked ? t.value : ""; });
      if (text) state.text = needle;
      writeState(state);
    }

    function clear() {
      selects.forEach(function (s) { s.value = ""; });
      toggles.forEach(function (t) { t.checked = false; });
      if (text) text.value = "";
      apply();
      (text || form).focus();
    }

    selects.forEach(function (s) {
      if (state[s.name] && s.querySelector('option[value="' + CSS.escape(state[s.name]) + '"]')) s.value = state[s.name];
      s.addEventListener("change", apply);
    });
    toggles.forEach(function (t) {
      t.checked = state[t.name] === t.value;
      t.addEventListener("change", apply);
    });
    if (text) {
      if (state.text) text.value = state.text;
      text.addEventListener("input", apply);
    }
    clears.forEach(function (b) { b.addEventListener("click", clear); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
