/* The finders (a listing type's finder page, the site search, the event calendar).

   1. Results without a page load: a form marked data-finder-swap="<id>" is sent when a filter in its
      panel changes or when it is submitted; the element with that id (form and results) is replaced by
      the same element of the answer, and the address bar gets the form's URL (Back works). The answer
      is the ordinary page, so that without this script the plain GET form gives the same.
   2. The filter panel: a sidebar that is always open on wide screens; on a phone it stays open or
      closed as the visitor left it when new results come in. Without this script the panel is a plain
      <details> that opens and closes by itself.

   3. What a screen reader hears: the new count ("22 results") from one small status line that stays on
      the page (a live region swapped in with the results is not announced, and the whole list would be
      too much). "Show results" in the panel closes it on a phone and takes the focus to the count, past
      the filters. Escape closes the panel on a phone and gives the focus back to its toggle.

   A few lines instead of htmx (16 KiB compressed, more than the rest of a finder page's scripts, styles
   and HTML markup together). After a swap the event "finder:swapped" tells other scripts (search.js). */
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 60rem)");
  var FOCUSABLE = "input, select, textarea, button, a[href], summary";
  var pending = null;
  var announcer = null;

  function announce(region) {
    var count = region.querySelector("[data-finder-count]");
    if (!announcer || !count) { return; }
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = count.textContent.trim(); }, 100);
  }

  function showResults(region) {
    var count = region.querySelector("[data-finder-count]");
    if (!wide.matches) {
      region.querySelectorAll("details[data-filter-panel]").forEach(function (panel) { panel.open = false; });
    }
    if (count) { count.focus(); }
  }

  function arrange(openBefore) {
    document.querySelectorAll("details[data-filter-panel]").forEach(function (panel) {
      panel.classList.toggle("filter-panel--sidebar", wide.matches);
      if (wide.matches) {
        panel.open = true;
      } else if (openBefore && panel.id in openBefore) {
        panel.open = openBefore[panel.id];
      }
    });
  }

  function swap(region, url, push, toResults) {
    if (pending) { pending.abort(); }
    var controller = window.AbortController ? new AbortController() : null;
    pending = controller;
    region.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", signal: controller && controller.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        var answer = new DOMParser().parseFromString(html, "text/html");
        var replacement = answer.getElementById(region.id);
        var current = document.getElementById(region.id);
        if (!replacement || !current) { throw new Error("no " + region.id); }
        var openBefore = {};
        current.querySelectorAll("details[data-filter-panel]").forEach(function (panel) {
          openBefore[panel.id] = panel.open;
        });
        var focusables = Array.prototype.slice.call(current.querySelectorAll(FOCUSABLE));
        var focused = focusables.indexOf(document.activeElement);
        var was = focused >= 0 ? focusables[focused] : null;
        current.replaceWith(document.adoptNode(replacement));
        if (push) { history.pushState({ finder: region.id }, "", url); }
        if (answer.title) { document.title = answer.title; }
        followLanguages(answer);
        arrange(openBefore);
        if (toResults) {
          showResults(replacement);
        } else {
          if (was) {
            var now = replacement.querySelectorAll(FOCUSABLE)[focused];
            if (now && now.tagName === was.tagName && now.name === was.name) { now.focus(); }
          }
          announce(replacement);
        }
        pending = null;
        document.dispatchEvent(new CustomEvent("finder:swapped", { detail: { region: replacement } }));
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") { return; }
        window.location.assign(url); // the plain page load, as without this script
      });
  }

  // The language links lead to this finder in each language with the visitor's choices, as the answer's do:
  // without this, a newcomer who ticked filters and then switched language lost every one of them.
  function followLanguages(answer) {
    var fresh = answer.querySelector("nav.language-switcher");
    document.querySelectorAll("nav.language-switcher a[hreflang]").forEach(function (link) {
      var same = fresh && fresh.querySelector('a[hreflang="' + link.getAttribute("hreflang") + '"]');
      if (same) { link.setAttribute("href", same.getAttribute("href")); }
    });
  }

  function formUrl(form) {
    var fields = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") { fields.append(name, value); } // an empty search box is no part of the address
    });
    var query = fields.toString();
    return form.action.split("?")[0] + (query ? "?" + query : "");
  }

  function regionOf(form) {
    var id = form.getAttribute("data-finder-swap");
    return id ? document.getElementById(id) : null;
  }

  if (window.fetch && window.DOMParser && window.history && window.history.pushState) {
    document.addEventListener("submit", function (event) {
      var form = event.target.closest("form[data-finder-swap]");
      var region = form && regionOf(form);
      if (!region) { return; }
      event.preventDefault();
      var submitter = event.submitter;
      swap(region, formUrl(form), true, Boolean(submitter && submitter.hasAttribute("data-show-results")));
    });
    document.addEventListener("change", function (event) {
      var form = event.target.closest("form[data-finder-swap]");
      var region = form && regionOf(form);
      if (region && event.target.closest("[data-filter-panel]")) { swap(region, formUrl(form), true); }
    });
    window.addEventListener("popstate", function (event) {
      var region = event.state && event.state.finder && document.getElementById(event.state.finder);
      if (region) { swap(region, window.location.href, false); }
    });
    document.addEventListener("DOMContentLoaded", function () {
      var form = document.querySelector("form[data-finder-swap]");
      if (form && regionOf(form)) {
        history.replaceState({ finder: form.getAttribute("data-finder-swap") }, "", window.location.href);
      }
    });
  }

  document.addEventListener("keydown", function (event) {
    var panel = event.key === "Escape" && event.target.closest && event.target.closest("details[data-filter-panel]");
    if (!panel || !panel.open || wide.matches) { return; }
    panel.open = false;
    var toggle = panel.querySelector("summary");
    if (toggle) { toggle.focus(); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    arrange(null);
    if (document.querySelector("[data-finder-count]")) {
      announcer = document.createElement("p");
      announcer.className = "visually-hidden";
      announcer.setAttribute("role", "status");
      document.body.appendChild(announcer);
    }
  });
  wide.addEventListener("change", function () { arrange(null); });
})();
