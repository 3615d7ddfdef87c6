// Small enhancements on top of working HTML: a collapsible menu on narrow screens, and focus on a form's error summary.
(function () {
    "use strict";

    // The GOV.UK error summary: focused when the page loads, so it is read out first; a link in it moves focus to its
    // field and shows the field's label (or the legend of its group) above it.
    function focusErrorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) {
            return;
        }
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            var field = link && document.getElementById(link.hash.slice(1));
            if (!field) {
                return;
            }
            event.preventDefault();
            var legend = field.closest("fieldset") && field.closest("fieldset").querySelector("legend");
            var label = document.querySelector("label[for='" + field.id + "']");
            (legend || label || field).scrollIntoView();
            field.focus({preventScroll: true});
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        focusErrorSummary();
        var toggle = document.querySelector(".nav-toggle");
        var nav = document.getElementById("site-nav");
        if (!toggle || !nav) {
            return;
        }
        toggle.hidden = false;
        toggle.addEventListener("click", function () {
            var open = toggle.getAttribute("aria-expanded") === "true";
            toggle.setAttribute("aria-expanded", String(!open));
            nav.classList.toggle("is-open", !open);
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && nav.classList.contains("is-open")) {
                toggle.setAttribute("aria-expanded", "false");
                nav.classList.remove("is-open");
                toggle.focus();
            }
        });
    });
})();
