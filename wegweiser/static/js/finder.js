/* The finders' filter panel: a sidebar that is always open on wide screens, and on a phone it stays open
   or closed as the visitor left it while htmx swaps in new results. Without this script the panel is
   a plain <details> that opens and closes by itself. */
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 60rem)");
  var openBeforeSwap = {};

  function arrange() {
    document.querySelectorAll("details[data-filter-panel]").forEach(function (panel) {
      panel.classList.toggle("filter-panel--sidebar", wide.matches);
      if (wide.matches) {
        panel.open = true;
      } else if (panel.id in openBeforeSwap) {
        panel.open = openBeforeSwap[panel.id];
      }
    });
    openBeforeSwap = {};
  }

  document.addEventListener("DOMContentLoaded", arrange);
  wide.addEventListener("change", arrange);
  document.addEventListener("htmx:beforeSwap", function () {
    document.querySelectorAll("details[data-filter-panel]").forEach(function (panel) {
      openBeforeSwap[panel.id] = panel.open;
    });
  });
  document.addEventListener("htmx:afterSettle", arrange);
})();
