/* Accessibility fixes to the parts of Django's admin that its own JavaScript builds (without
   JavaScript these are plain, labelled form fields and need nothing):
   - a searchable choice list (autocomplete_fields, select2) gets its field's label as its name,
     where select2 names it only by the chosen value, and by nothing when none is chosen;
   - the search icons of the two-box choosers (filter_horizontal) are images with a name,
     where Django gives a bare span an aria-label that no role allows. */
"use strict";
(function () {
    function nameWidgets(root) {
        root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
            const label = document.querySelector('label[for="' + select.id + '"]');
            const container = select.nextElementSibling;
            if (!label || !container || !container.classList.contains("select2")) {
                return;
            }
            label.id = label.id || select.id + "-label";
            const rendered = container.querySelector(".select2-selection__rendered");
            const combobox = container.querySelector('.select2-selection[role="combobox"]');
            if (rendered) {
                rendered.setAttribute("aria-labelledby", label.id);
            }
            if (combobox) {
                combobox.setAttribute(
                    "aria-labelledby",
                    rendered ? label.id + " " + rendered.id : label.id
                );
            }
        });
        root.querySelectorAll(".search-label-icon[aria-label]").forEach(function (icon) {
            icon.setAttribute("role", "img");
        });
    }
    // Django builds the widgets on DOMContentLoaded and load, and in a new inline row on
    // formset:added; run after its handlers.
    window.addEventListener("load", function () {
        setTimeout(function () { nameWidgets(document); }, 0);
    });
    document.addEventListener("formset:added", function (event) {
        setTimeout(function () { nameWidgets(event.target); }, 0);
    });
})();
