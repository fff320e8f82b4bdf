/* The finder's small enhancements: "use my location" and suggestions while typing.
   Everything works without this script; it only adds to the plain GET form. */
(function () {
  "use strict";

  function setUp(root) {
    var form = root.querySelector("#search-form");
    if (!form || form.dataset.enhanced) { return; }
    form.dataset.enhanced = "1";
    var submit = function () {
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    };

    // "Near me": the browser's location, only after the visitor asked for it and the browser allowed it.
    var locate = form.querySelector("[data-locate]");
    if (locate && "geolocation" in navigator) {
      locate.parentElement.hidden = false;
      var status = form.querySelector("[data-locate-status]");
      locate.addEventListener("click", function () {
        status.textContent = locate.dataset.waiting || "…";
        navigator.geolocation.getCurrentPosition(function (position) {
          form.querySelector("[data-lat]").value = position.coords.latitude.toFixed(5);
          form.querySelector("[data-lon]").value = position.coords.longitude.toFixed(5);
          form.querySelector("#search-near").value = "";
          var sort = form.querySelector("#search-sort");
          if (sort) { sort.value = "distance"; }
          submit();
        }, function () {
          status.textContent = locate.dataset.denied || "";
        }, { maximumAge: 300000, timeout: 10000 });
      });
      form.querySelector("#search-near").addEventListener("change", function () {
        form.querySelector("[data-lat]").value = "";
        form.querySelector("[data-lon]").value = "";
      });
    }

    // Suggestions: fill the box's <datalist> from the autocomplete endpoint.
    var box = form.querySelector("#search-q");
    var list = form.querySelector("#search-suggestions");
    var url = form.dataset.suggestUrl;
    var timer = null;
    var lastAsked = "";
    if (box && list && url && window.fetch) {
      box.addEventListener("input", function () {
        clearTimeout(timer);
        var typed = box.value.trim();
        if (typed.length < 2 || typed === lastAsked) { return; }
        timer = setTimeout(function () {
          lastAsked = typed;
          fetch(url + "?q=" + encodeURIComponent(typed), { headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
            .then(function (data) {
              list.replaceChildren.apply(list, data.suggestions.map(function (title) {
                var option = document.createElement("option");
                option.value = title;
                return option;
              }));
            })
            .catch(function () { /* suggestions are a nicety; the search itself still works */ });
        }, 200);
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  // After finder.js swapped in a new form, enhance it again.
  document.addEventListener("finder:swapped", function () { setUp(document); });
})();
