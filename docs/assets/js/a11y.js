/* Two accessibility fixes to Material's markup, applied after each page loads:
   - wide tables scroll sideways inside a box: make that box reachable by keyboard and named;
   - the search overlay is a dialog: give it a name screen readers announce. */
document$.subscribe(function () {
  "use strict";
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Table (scrolls sideways)");
  });
  var search = document.querySelector('.md-search[role="dialog"]');
  if (search) search.setAttribute("aria-label", "Search this site");
});
