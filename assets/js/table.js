// Sorting and filtering for incident tables. The table is complete without this script;
// it only adds sort buttons to the column headings and reveals the filter form.
// State (filters and sort) is kept in the page URL so a filtered view can be shared.
(function () {
  "use strict";

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    if (!cell) return type === "number" ? Infinity : "";
    var raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim().toLowerCase();
    if (type === "number") {
      var n = parseFloat(raw);
      // Unknown values (-1 or blank) sort last in either direction.
      return isNaN(n) || n < 0 ? null : n;
    }
    return raw;
  }

  function sortTable(table, index, dir) {
    var th = table.tHead.rows[0].cells[index];
    var type = th.getAttribute("data-sort-type") || "text";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { r._order = i; });
    rows.sort(function (a, b) {
      var x = cellValue(a, index, type), y = cellValue(b, index, type);
      if (x === null && y === null) return a._order - b._order;
      if (x === null) return 1;
      if (y === null) return -1;
      var c = type === "number" ? x - y : x < y ? -1 : x > y ? 1 : 0;
      if (c === 0) return a._order - b._order;
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
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

  function setUp(table) {
    var state = readState();
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
    if (state.sort && headings[+state.sort]) {
      sortTable(table, +state.sort, state.dir === "asc" ? "ascending" : "descending");
    }

    var form = document.querySelector('form.table-filters[data-table="' + table.id + '"]');
    if (!form) return;
    var status = form.querySelector(".filter-status");
    var text = form.querySelector('input[name="text"]');
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-attr]"));

    function apply() {
      var shown = 0;
      var needle = text ? text.value.trim().toLowerCase() : "";
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = true;
        selects.forEach(function (s) {
          if (!s.value) return;
          var attr = row.getAttribute("data-" + s.getAttribute("data-attr")) || "";
          ok = ok && (s.getAttribute("data-attr") === "severity" ? attr === s.value : attr.indexOf("|" + s.value + "|") >= 0);
        });
        if (ok && needle) ok = row.cells[2].textContent.toLowerCase().indexOf(needle) >= 0;
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (status) status.textContent = "Showing " + shown + " of " + table.tBodies[0].rows.length;
      selects.forEach(function (s) { state[s.name] = s.value; });
      if (text) state.text = text.value.trim();
      writeState(state);
    }

    selects.forEach(function (s) {
      if (state[s.name]) s.value = state[s.name];
      s.addEventListener("change", apply);
    });
    if (text) {
      if (state.text) text.value = state.text;
      text.addEventListener("input", apply);
    }
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
