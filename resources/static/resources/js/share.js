// "Copy link" button: shown only where the clipboard API is available.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var button = document.querySelector("[data-copy-link]");
        if (!button || !navigator.clipboard) {
            return;
        }
        var status = document.querySelector(".share__status");
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
                status.textContent = button.getAttribute("data-copied-text") || "OK";
            });
        });
    });
})();
