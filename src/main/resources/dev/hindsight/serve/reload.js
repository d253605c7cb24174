// Live reload for `hindsight serve`. Injected into pages by the dev server only, never into a built site.
// The page knows the build it shows (data-build); the server announces every rebuild on an event stream,
// and on connect announces the current one, so a rebuild that happened while the page loaded is not missed.
(function () {
  'use strict';
  var script = document.currentScript;
  var shown = script ? script.getAttribute('data-build') : null;
  if (!window.EventSource || shown === null) {
    return;
  }
  var events = new EventSource('/__hindsight/events');
  events.addEventListener('build', function (e) {
    var build;
    try {
      build = String(JSON.parse(e.data).build);
    } catch (err) {
      return;
    }
    if (build !== shown) {
      events.close();
      window.location.reload();
    }
  });
  window.addEventListener('pagehide', function () {
    events.close();
  });
})();
