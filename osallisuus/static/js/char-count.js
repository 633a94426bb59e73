// A live character count under each textarea with data-char-limit. The count is shown as you
// type; a screen reader hears it only when it matters (little room left, over the limit, back
// within it), not at every key. Without this script the server says when a text is too long.
(function () {
  "use strict";
  var NEAR = 100;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return name in values ? String(values[name]) : match;
    });
  }

  function attach(box) {
    var limit = parseInt(box.getAttribute("data-char-limit"), 10);
    if (!limit) {
      return;
    }
    var shown = document.createElement("p");
    shown.className = "char-count";
    shown.id = box.id + "-count";
    shown.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    box.insertAdjacentElement("afterend", shown);
    shown.insertAdjacentElement("afterend", spoken);
    var state = "";

    function update() {
      var count = box.value.length;
      var over = count - limit;
      var text = over > 0
        ? fill(box.getAttribute("data-char-over"), { over: over, count: count, limit: limit })
        : fill(box.getAttribute("data-char-count"), { count: count, limit: limit });
      shown.textContent = text;
      shown.classList.toggle("char-count-over", over > 0);
      var now = over > 0 ? "over" : limit - count <= NEAR ? "near" : "fine";
      if (now !== state) {
        // Announce a change of state only; the first state (on page load) is not announced.
        spoken.textContent = state === "" || (now === "fine" && state !== "over") ? "" : text;
        state = now;
      }
    }

    box.addEventListener("input", update);
    update();
  }

  var boxes = document.querySelectorAll("textarea[data-char-limit]");
  for (var i = 0; i < boxes.length; i += 1) {
    attach(boxes[i]);
  }
})();
