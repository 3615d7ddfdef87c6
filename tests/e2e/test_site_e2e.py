import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from website.factories import AuthorFactory, NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def make_image(title):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1200, 675), (11, 93, 91)).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


@pytest.fixture
def site(news_index, news_index_en, locales):
    image = make_image("dialog")
    article = NewsPageFactory(
        parent=news_index,
        title="Dialog lintas iman di Cilegon",
        intro="Warga dan tokoh agama berkumpul untuk dialog.",
        feature_image=image,
        body=[{"type": "paragraph", "value": "<p>Forum ini membahas pencegahan konflik dan kerukunan.</p>"}],
    )
    article.authors.add(AuthorFactory(name="Dewi Lestari (contoh)"))
    article.tags.add("kohesi sosial")
    article.save_revision().publish()
    english = article.copy_for_translation(locales["en"])
    english.title = "Interfaith dialogue in Cilegon"
    english.intro = "Residents and religious leaders met for a dialogue."
    english.body = [{"type": "paragraph", "value": "<p>The forum discussed preventing conflict.</p>"}]
    english.save_revision().publish()
    for number in range(3):
        NewsPageFactory(parent=news_index, title=f"Kabar jejaring nomor {number}")
    return {"article": article, "english": english}


def test_visitor_reads_both_languages_switches_language_searches_and_opens_a_result(live_server, page, site):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("heading", name="Berita terbaru").is_visible()

    page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Latest news").is_visible()

    page.get_by_role("link", name="Interfaith dialogue in Cilegon").first.click()
    page.wait_for_url("**/en/news/**")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_url(live_server.url + site["article"].url)
    assert page.get_by_role("heading", level=1).inner_text() == "Dialog lintas iman di Cilegon"

    search_box = page.get_by_role("searchbox", name="Cari di situs")
    search_box.fill("kerukunan")
    search_box.press("Enter")
    page.wait_for_url("**/search/?q=kerukunan")
    results = page.locator(".search-results")
    assert "Dialog lintas iman di Cilegon" in results.inner_text()
    results.get_by_role("link", name="Dialog lintas iman di Cilegon").click()
    page.wait_for_url(live_server.url + site["article"].url)
    assert page.get_by_text("Dewi Lestari (contoh)").is_visible()

    assert [error for error in page.console_errors if "Content Security Policy" in error] == []


def test_menu_collapses_behind_a_button_on_a_phone(live_server, browser, site):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.is_visible()
    assert not page.get_by_role("navigation", name="Utama").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("navigation", name="Utama").get_by_role("link", name="Berita").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["/", "/en/", "/berita/", "/en/news/", "article", "/search/?q=dialog"])
def test_pages_have_no_serious_or_critical_accessibility_violations(live_server, axe_check, site, path):
    url = live_server.url + (site["article"].url if path == "article" else path)
    assert axe_check(url) == []


LAYOUT_SHIFT = """
window.__shift = 0;
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.__shift += entry.value; } }
}).observe({type: "layout-shift", buffered: true});
"""


def test_a_phone_sees_the_menu_closed_from_the_first_paint_and_nothing_shifts(live_server, browser, site):
    """The phone menu used to be drawn open until site.js ran, then jump shut (cumulative layout shift 0.36)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT)
    try:
        for path in ("/", "/berita/", site["article"].url, "/alumni/", "/search/?q=dialog", "/en/"):
            page.goto(live_server.url + path, wait_until="load")
            page.wait_for_timeout(300)
            assert page.evaluate("window.__shift") < 0.05, path
            assert page.get_by_role("button", name="Menu").is_visible(), path
            assert not page.locator("#site-nav").is_visible(), path
        page.get_by_role("button", name="Menu").click()
        assert page.locator("#site-nav").is_visible()
    finally:
        context.close()


# After a Tab, the contrast of the focused element's ring with the colour it is drawn over (the element under the
# middle of the ring or the first of its ancestors with a background), by the WCAG formula.
FOCUS_RING_CONTRAST = """() => {
    const rgb = (colour) => colour.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => [r, g, b]
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const background = (node) => {
        for (; node; node = node.parentElement) {
            const colour = rgb(getComputedStyle(node).backgroundColor);
            if (colour.length === 3 || colour[3] > 0) { return colour; }
        }
        return [255, 255, 255];
    };
    const element = document.activeElement;
    const style = getComputedStyle(element);
    if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) {
        return {element: element.outerHTML.slice(0, 80), ratio: 0};
    }
    const box = element.getBoundingClientRect();
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
    const x = box.left - reach >= 0 ? box.left - reach : box.right + reach;
    const behind = document.elementsFromPoint(x, box.top + box.height / 2).find((node) => !element.contains(node));
    const [ring, around] = [luminance(rgb(style.outlineColor)), luminance(background(behind))];
    return {
        element: element.outerHTML.slice(0, 80),
        ratio: (Math.max(ring, around) + 0.05) / (Math.min(ring, around) + 0.05),
    };
}"""


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 640}], ids=["desktop", "phone"]
)
def test_the_focus_ring_has_3_to_1_contrast_on_the_header_the_body_and_the_footer(live_server, browser, site, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID")
    page = context.new_page()
    try:
        for path in ("/", site["article"].url):
            page.goto(live_server.url + path)
            seen = []
            for _ in range(80):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement === document.body"):
                    break
                seen.append(page.evaluate(FOCUS_RING_CONTRAST))
            assert len(seen) > 5 and any("RSS" in ring["element"] for ring in seen), path  # reached the footer
            assert [ring for ring in seen if ring["ratio"] < 3] == [], path
    finally:
        context.close()
