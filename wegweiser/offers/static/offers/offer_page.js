// Offer page: the print link opens the print dialogue, and the map shows tiles only from the configured server.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      window.print();
    });
  });
  if (new URLSearchParams(window.location.search).get("print") === "1") {
    window.addEventListener("load", function () { window.print(); });
  }
  var container = document.getElementById("offer-map");
  if (!container || !container.dataset.tiles || typeof window.L === "undefined") {
    return;
  }
  var position = [parseFloat(container.dataset.lat), parseFloat(container.dataset.lon)];
  container.style.height = "18rem";
  var map = window.L.map(container, { scrollWheelZoom: false }).setView(position, 16);
  window.L.tileLayer(container.dataset.tiles, { attribution: container.dataset.attribution || "" }).addTo(map);
  window.L.marker(position, { title: container.dataset.title, alt: container.dataset.title }).addTo(map);
})();
