// Search-as-you-type for the library search box: suggestions from the JSON endpoint, keyboard accessible.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var wrapper = document.querySelector("[data-autocomplete-url]");
        if (!wrapper || !window.fetch) {
            return;
        }
        var input = wrapper.querySelector("input[role=combobox]");
        var list = wrapper.querySelector("[role=listbox]");
        var endpoint = wrapper.getAttribute("data-autocomplete-url");
        var timer = null;
        var active = -1;
        var controller = null;

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function render(results) {
            list.innerHTML = "";
            if (!results.length) {
                close();
                return;
            }
            results.forEach(function (result, index) {
                var item = document.createElement("li");
                item.id = "library-suggestion-" + index;
                item.setAttribute("role", "option");
                var link = document.createElement("a");
                link.href = result.url;
                link.textContent = result.title;
                link.tabIndex = -1;
                var type = document.createElement("span");
                type.className = "autocomplete__type";
                type.textContent = result.type;
                item.appendChild(link);
                item.appendChild(type);
                list.appendChild(item);
            });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function highlight(index) {
            var items = list.querySelectorAll("[role=option]");
            if (!items.length) {
                return;
            }
            active = (index + items.length) % items.length;
            items.forEach(function (item, i) {
                item.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", items[active].id);
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            var query = input.value.trim();
            if (query.length < 2) {
                close();
                return;
            }
            timer = setTimeout(function () {
                if (controller) {
                    controller.abort();
                }
                controller = window.AbortController ? new AbortController() : null;
                fetch(endpoint + "?q=" + encodeURIComponent(query), {
                    headers: {"Accept": "application/json"},
                    signal: controller ? controller.signal : undefined
                })
                    .then(function (response) { return response.ok ? response.json() : {results: []}; })
                    .then(function (data) { render(data.results || []); })
                    .catch(function () {});
            }, 200);
        });

        input.addEventListener("keydown", function (event) {
            if (list.hidden) {
                return;
            }
            if (event.key === "ArrowDown") {
                event.preventDefault();
                highlight(active + 1);
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                highlight(active - 1);
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.href = list.querySelectorAll("a")[active].href;
            } else if (event.key === "Escape") {
                close();
            }
        });

        document.addEventListener("click", function (event) {
            if (!wrapper.contains(event.target)) {
                close();
            }
        });
    });
})();
