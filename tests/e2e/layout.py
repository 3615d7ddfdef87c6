"""Layout checks shared by the browser tests of the phone-first pages (360 px phone, 1280 px desktop)."""

PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


def has_horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def bottom_on_first_screen(page, selector):
    """The bottom edge of the first element matching `selector`, measured from the top of the page, and the
    viewport's height: the element is on the first screen when the first is at most the second."""
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return [box.bottom + window.scrollY, window.innerHeight];
        }""",
        selector,
    )


def open_all_facets(page):
    """Unfold the "Filter" disclosure and every facet in it, as a visitor tapping each summary would (on a wide
    screen they all show already)."""
    for disclosure in [page.locator("details.facets"), *page.locator(".facet-group").all()]:
        if not disclosure.locator(".facet").first.is_visible():
            disclosure.locator(":scope > summary").click()


def clipped_last_options(page):
    """The facets whose last option cannot be seen whole when the page is scrolled to it: a box of its own that
    scrolls (only the page is scrolled here, as by a visitor who does not see that the list scrolls), or that clips or
    covers it."""
    return page.evaluate(
        """() => [...document.querySelectorAll(".facet")].filter((facet) => {
            const label = facet.querySelector("li:last-child label");
            window.scrollTo(0, window.scrollY + label.getBoundingClientRect().top - window.innerHeight / 2);
            const box = label.getBoundingClientRect();
            const corners = [[box.left + 2, box.top + 2], [box.right - 2, box.bottom - 2]];
            return box.height === 0 || corners.some(([x, y]) => !label.contains(document.elementFromPoint(x, y)));
        }).map((facet) => facet.querySelector("legend").textContent)"""
    )
