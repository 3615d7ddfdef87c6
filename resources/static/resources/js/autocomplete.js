// Search-as-you-type for the library and the alumni directory (templates/includes/search_suggestions.html): the ARIA 1.2
// combobox with a listbox popup. Focus stays in the input; up and down move through the suggestions
// (aria-activedescendant), Enter or a click opens the chosen one, Escape closes the list, and a polite status says how
// many suggestions there are. Enter with nothing chosen submits the search as usual.
(function () {
    "use strict";

    function setUp(wrapper) {
        var input = wrapper.querySelector("[role=combobox]");
        var list = wrapper.querySelector("[role=listbox]");
        var status = wrapper.querySelector("[data-autocomplete-status]");
        var endpoint = wrapper.getAttribute("data-autocomplete-url");
        var timer = null;
        var controller = null;
        var active = -1;

        function options() {
            return list.querySelectorAll("[role=option]");
        }

        function announce(count) {
            var text = count === 0 ? status.dataset.none : count === 1 ? status.dataset.one : status.dataset.many;
            status.textContent = text.replace("%(count)s", String(count));
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function clear() {
            close();
            list.replaceChildren();
            status.textContent = "";
        }

        function render(results) {
            list.replaceChildren();
            active = -1;
            results.forEach(function (result, index) {
                var option = document.createElement("li");
                option.id = list.id + "-" + index;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.url = result.url;
                var title = document.createElement("span");
                title.textContent = result.title;
                var type = document.createElement("span");
                type.className = "autocomplete__type";
                type.textContent = result.type;
                option.append(title, type);
                list.appendChild(option);
            });
            announce(results.length);
            if (results.length) {
                open();
            } else {
                close();
            }
        }

        function open() {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function highlight(index) {
            var items = options();
            active = (index + items.length) % items.length;
            items.forEach(function (item, i) {
                item.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", items[active].id);
            items[active].scrollIntoView({block: "nearest"});
        }

        function go(option) {
            window.location.assign(option.dataset.url);
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            var query = input.value.trim();
            if (query.length < 2) {
                clear();
                return;
            }
            timer = setTimeout(function () {
                if (controller) {
                    controller.abort();
                }
                controller = new AbortController();
                fetch(endpoint + "?q=" + encodeURIComponent(query), {
                    headers: {"Accept": "application/json"},
                    signal: controller.signal
                })
                    .then(function (response) { return response.ok ? response.json() : {results: []}; })
                    .then(function (data) { render(data.results || []); })
                    .catch(function () {});
            }, 200);
        });

        input.addEventListener("keydown", function (event) {
            var count = options().length;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                if (list.hidden) {
                    open();
                }
                highlight(event.key === "ArrowDown" ? active + 1 : (active < 0 ? -1 : active - 1));
            } else if (event.key === "Enter" && !list.hidden && active >= 0) {
                event.preventDefault();
                go(options()[active]);
            } else if (event.key === "Escape" && !list.hidden) {
                event.preventDefault();  // keeps the typed text: a search field would clear itself
                close();
            } else if (event.key === "Tab") {
                close();
            }
        });

        // Pressing on the list keeps focus in the input (whose blur would close the list before the click).
        list.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        list.addEventListener("click", function (event) {
            var option = event.target.closest("[role=option]");
            if (option) {
                go(option);
            }
        });

        input.addEventListener("blur", close);
    }

    document.addEventListener("DOMContentLoaded", function () {
        if (!window.fetch || !window.AbortController) {
            return;
        }
        document.querySelectorAll("[data-autocomplete-url]").forEach(setUp);
    });
})();
