// Browsers without ::details-content cannot show a closed <details> on a wide screen:
// keep the menu open there. Without this script the menu button still works everywhere.
(function () {
  "use strict";
  var menu = document.querySelector(".nav-menu");
  if (!menu || !window.matchMedia || (window.CSS && CSS.supports("selector(::details-content)"))) {
    return;
  }
  var wide = window.matchMedia("(min-width: 48rem)");
  function follow() {
    if (wide.matches) {
      menu.open = true;
    }
  }
  follow();
  wide.addEventListener("change", follow);
})();
