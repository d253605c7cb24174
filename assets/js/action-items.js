// Filters of the action-items page: by owner team and by status, kept in the URL (?team=payments&status=overdue)
// with history.replaceState, so a filtered view can be bookmarked or shared. Without JavaScript the page shows every
// item, grouped, and css/noscript.css hides the filter form.
(function () {
  "use strict";

  function setUp() {
    var form = document.getElementById("action-filters");
    if (!form) return;
    var team = form.querySelector('select[name="team"]');
    var status = form.querySelector('select[name="status"]');
    var out = form.querySelector(".filter-status");
    var groups = Array.prototype.slice.call(document.querySelectorAll("section.action-group"));

    function statusMatches(row, wanted) {
      if (!wanted) return true;
      var overdue = row.getAttribute("data-overdue") === "true";
      if (wanted === "overdue") return overdue;
      if (wanted === "not-overdue") return !overdue;
      return row.getAttribute("data-status") === wanted;
    }

    function apply() {
      var shown = 0;
      var total = 0;
      groups.forEach(function (g) {
        var teamOk = !team.value || g.getAttribute("data-team") === team.value;
        var visible = 0;
        Array.prototype.forEach.call(g.querySelectorAll("tbody tr"), function (row) {
          total++;
          var ok = teamOk && statusMatches(row, status.value);
          row.hidden = !ok;
          if (ok) visible++;
        });
        g.hidden = visible === 0;
        shown += visible;
      });
      out.textContent = shown === total ? "" : "Showing " + shown + " of " + total + " items";
    }

    function choose(select, value) {
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      choose(team, params.get("team") || "");
      choose(status, params.get("status") || "");
    }

    function writeUrl() {
      var params = new URLSearchParams(window.location.search);
      [["team", team.value], ["status", status.value]].forEach(function (kv) {
        if (kv[1]) params.set(kv[0], kv[1]); else params.delete(kv[0]);
      });
      var query = params.toString();
      try {
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      } catch (e) {
        // Some browsers refuse history changes on file:// pages; the filter still works, only the URL stays.
      }
    }

    form.addEventListener("change", function () { apply(); writeUrl(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    readUrl();
    apply();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
