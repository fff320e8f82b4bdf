/* The main menu is one row that scrolls sideways on a phone. A link reached with the keyboard is scrolled
   into view whole: the browser itself scrolls only a link that is wholly out of view, so a half-visible
   one ("Ehr…") kept its focus ring at the edge of the screen. */
document.addEventListener("focusin", function (event) {
  "use strict";
  var link = event.target.closest && event.target.closest(".main-nav a");
  if (link) { link.scrollIntoView({ block: "nearest", inline: "nearest" }); }
});
