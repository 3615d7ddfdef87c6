// Member accounts: enhancements on top of working, server-rendered pages.
// - "What will be visible to whom" follows the visibility choices as they change.
// - The "how others see me" previews become tabs, and on the edit page are refreshed from the server
//   (through the same visibility policy) as the form changes. Nothing is saved until the form is sent.
(function () {
    "use strict";
    var RANK = {hidden: 0, nobody: 0, members: 1, "public": 2};

    function value(form, name) {
        var field = form.elements[name];
        return field ? field.value : "";
    }

    function updateSummary(form) {
        var summary = form.querySelector("[data-visibility-summary]");
        if (!summary) {
            return;
        }
        var profileRank = RANK[value(form, "visibility")] || 0;
        summary.querySelectorAll("[data-summary-for]").forEach(function (item) {
            var name = item.getAttribute("data-summary-for");
            var rank = name === "visibility" ? profileRank : Math.min(profileRank, RANK[value(form, name)] || 0);
            var phrase = summary.getAttribute("data-reach-" + rank);
            var strong = item.querySelector("strong");
            if (phrase && strong) {
                strong.textContent = phrase;
            }
        });
    }

    function selectTab(container, key, focus) {
        container.querySelectorAll("[role=tab]").forEach(function (tab) {
            var selected = tab.getAttribute("data-key") === key;
            tab.setAttribute("aria-selected", String(selected));
            tab.tabIndex = selected ? 0 : -1;
            if (selected && focus) {
                tab.focus();
            }
        });
        container.querySelectorAll("[data-preview-panel]").forEach(function (panel) {
            panel.hidden = panel.getAttribute("data-preview-panel") !== key;
        });
        container.setAttribute("data-selected", key);
    }

    function makeTabs(container) {
        var panels = Array.prototype.slice.call(container.querySelectorAll("[data-preview-panel]"));
        if (panels.length < 2) {
            return;
        }
        var list = document.createElement("div");
        list.className = "preview-tabs";
        list.setAttribute("role", "tablist");
        panels.forEach(function (panel) {
            var key = panel.getAttribute("data-preview-panel");
            var tab = document.createElement("button");
            tab.type = "button";
            tab.id = "tab-" + panel.id;
            tab.setAttribute("role", "tab");
            tab.setAttribute("data-key", key);
            tab.setAttribute("aria-controls", panel.id);
            tab.textContent = panel.querySelector("h3").textContent;
            tab.addEventListener("click", function () {
                selectTab(container, key, false);
            });
            list.appendChild(tab);
            panel.setAttribute("role", "tabpanel");
            panel.setAttribute("aria-labelledby", tab.id);
        });
        list.addEventListener("keydown", function (event) {
            var tabs = Array.prototype.slice.call(list.querySelectorAll("[role=tab]"));
            var index = tabs.indexOf(document.activeElement);
            if (index < 0 || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) {
                return;
            }
            event.preventDefault();
            var next = tabs[(index + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
            selectTab(container, next.getAttribute("data-key"), true);
        });
        container.insertBefore(list, container.firstChild);
        container.classList.add("previews--tabs");
        selectTab(container, panels[0].getAttribute("data-preview-panel"), false);
    }

    function livePreview(form) {
        var url = form.getAttribute("data-preview-url");
        var container = document.querySelector("[data-previews]");
        var status = document.querySelector("[data-preview-status]");
        if (!url || !container || !window.fetch || !window.DOMParser) {
            return;
        }
        var timer = null;
        var sequence = 0;
        function refresh() {
            var data = new FormData(form);
            data.delete("photo_upload");
            var mine = ++sequence;
            container.classList.add("previews--loading");
            fetch(url, {method: "POST", body: data, credentials: "same-origin"})
                .then(function (response) {
                    return response.ok ? response.text() : null;
                })
                .then(function (html) {
                    if (html === null || mine !== sequence) {
                        return;
                    }
                    var fresh = new DOMParser().parseFromString(html, "text/html");
                    fresh.querySelectorAll("[data-preview-panel]").forEach(function (panel) {
                        var key = panel.getAttribute("data-preview-panel");
                        var current = container.querySelector("[data-preview-panel='" + key + "']");
                        if (current) {
                            current.innerHTML = panel.innerHTML;
                        }
                    });
                    if (status && status.getAttribute("data-unsaved-text")) {
                        status.textContent = status.getAttribute("data-unsaved-text");
                    }
                })
                .catch(function () {})
                .then(function () {
                    if (mine === sequence) {
                        container.classList.remove("previews--loading");
                    }
                });
        }
        function schedule(event) {
            if (event.target && event.target.type === "file") {
                return;
            }
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, 400);
        }
        form.addEventListener("input", schedule);
        form.addEventListener("change", schedule);
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("form[data-visibility-form]").forEach(function (form) {
            form.addEventListener("change", function () {
                updateSummary(form);
            });
            updateSummary(form);
            livePreview(form);
        });
        document.querySelectorAll("[data-previews]").forEach(makeTabs);
    });
})();
