// Live reload for `hindsight serve`. Injected into pages by the dev server only, never into a built site.
// The page knows the build it shows (data-build); the server announces every rebuild on an event stream,
// and on connect announces the build the page's own file is from now, so a rebuild that happened while the page
// loaded is not missed. The page names itself, so a rebuild can announce the pages it made first to them alone.
(function () {
  'use strict';
  var script = document.currentScript;
  var shown = script ? script.getAttribute('data-build') : null;
  if (!window.EventSource || shown === null) {
    return;
  }
  var events = new EventSource('/__hindsight/events?page=' + encodeURIComponent(window.location.pathname));
  function reload() {
    events.close();
    window.location.reload();
  }
  events.addEventListener('build', function (e) {
    var build;
    try {
      build = String(JSON.parse(e.data).build);
    } catch (err) {
      return;
    }
    if (build !== shown) {
      reload();
    }
  });
  events.addEventListener('reload', reload);
  window.addEventListener('pagehide', function () {
    events.close();
  });
})();
