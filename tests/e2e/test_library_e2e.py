import re

import pytest
from playwright.sync_api import expect

from resources.factories import ResourceDocumentFactory, ResourceLibraryPageFactory, ResourcePageFactory
from resources.models import ResourceType

from .layout import (
    DESKTOP,
    PHONE,
    bottom_on_first_screen,
    clipped_last_options,
    has_horizontal_overflow,
    open_all_facets,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def library(home):
    return ResourceLibraryPageFactory(
        parent=home,
        title="Pustaka Sumber Daya",
        intro="<p>Modul pelatihan, SOP, regulasi, policy brief, laporan riset, materi kampanye, toolkit, video, dan "
        "infografis dari jejaring Sekolah Demokrasi dan Tim Tangguh. Cari berdasarkan kata kunci, termasuk isi dokumen "
        "PDF dan Word, lalu saring menurut jenis, topik, daerah, tahun, dan bahasa.</p>",
    )


@pytest.fixture
def resources(library):
    specs = [
        ("SOP deteksi dini kelurahan", "sop-pedoman", ["deteksi dini"], "Langkah musyawarah warga saat ada gesekan."),
        ("Modul deteksi dini", "modul", ["deteksi dini", "pelatihan"], "Sesi musyawarah dan peta kerawanan."),
        ("Toolkit kampanye damai", "toolkit", ["kontra-narasi"], "Materi musyawarah media sosial."),
        ("Policy brief RAD PE", "policy-brief", ["advokasi kebijakan"], "Catatan kebijakan daerah."),
    ]
    pages = {}
    for title, type_slug, tags, text in specs:
        page = ResourcePageFactory(parent=library, title=title, resource_type=ResourceType.objects.get(slug=type_slug))
        page.files.create(document=ResourceDocumentFactory(title=f"Berkas {title}", text=text))
        for tag in tags:
            page.tags.add(tag)
        page.save_revision().publish()
        pages[title] = page
    return pages


def test_visitor_searches_narrows_by_two_facets_opens_a_resource_and_downloads_its_file(
    live_server, page, library, resources
):
    page.goto(live_server.url + library.url)
    search_box = page.get_by_role("combobox", name="Cari di pustaka")
    search_box.fill("musyawarah")
    search_box.press("Enter")
    page.wait_for_url("**q=musyawarah**")
    assert page.locator(".resource-item").count() == 3

    page.get_by_role("group", name="Topik").get_by_label("deteksi dini").check()
    page.get_by_role("group", name="Jenis").get_by_label("Modul pelatihan").check()
    page.get_by_role("button", name="Terapkan filter").click()
    page.wait_for_url("**type=modul**")
    assert "q=musyawarah" in page.url and "topic=deteksi-dini" in page.url
    assert page.locator(".resource-item").count() == 1
    assert page.locator(".resource-item mark").first.inner_text().lower() == "musyawarah"

    page.get_by_role("link", name="Modul deteksi dini").click()
    page.wait_for_url(live_server.url + resources["Modul deteksi dini"].url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"PDF \(")).click()  # the download button: "Unduh PDF (1,2 KB)"
    download = download_info.value
    assert download.suggested_filename == "berkas-modul-deteksi-dini.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_search_box_suggestions_are_a_combobox_used_with_the_keyboard_and_announced(
    live_server, page, library, resources
):
    page.goto(live_server.url + library.url)
    search_box = page.get_by_role("combobox", name="Cari di pustaka")
    listbox = page.locator("#library-q-suggestions")
    status = page.locator("[data-autocomplete-status]")
    assert search_box.get_attribute("aria-expanded") == "false"

    search_box.press_sequentially("deteksi", delay=50)
    page.get_by_role("option").nth(1).wait_for()
    options = listbox.get_by_role("option")
    assert sorted(options.all_inner_texts()) == [
        "Modul deteksi dini\nModul pelatihan",
        "SOP deteksi dini kelurahan\nSOP / pedoman",
    ]
    assert listbox.locator("a").count() == 0  # plain options, no links inside them
    assert search_box.get_attribute("aria-expanded") == "true"
    assert search_box.get_attribute("aria-controls") == "library-q-suggestions"
    assert status.get_attribute("role") == "status"
    assert status.inner_text().startswith("2 ")  # "2 suggestions. …", read out politely

    def active():
        return search_box.get_attribute("aria-activedescendant")

    assert active() is None
    search_box.press("ArrowDown")
    assert active() == options.nth(0).get_attribute("id")
    assert options.nth(0).get_attribute("aria-selected") == "true"
    search_box.press("ArrowDown")
    assert active() == options.nth(1).get_attribute("id")
    assert options.nth(0).get_attribute("aria-selected") == "false"
    search_box.press("ArrowDown")
    assert active() == options.nth(0).get_attribute("id")  # wraps round
    search_box.press("ArrowUp")
    assert active() == options.nth(1).get_attribute("id")
    assert page.evaluate("document.activeElement.id") == "library-q"  # focus never leaves the input

    search_box.press("Escape")
    assert search_box.get_attribute("aria-expanded") == "false" and not listbox.is_visible()
    assert active() is None and search_box.input_value() == "deteksi"
    search_box.press("ArrowDown")
    assert listbox.is_visible() and active() == options.nth(0).get_attribute("id")
    chosen = options.nth(0).inner_text().split("\n")[0]
    search_box.press("Enter")
    page.wait_for_url(live_server.url + resources[chosen].url)

    page.goto(live_server.url + library.url)
    page.get_by_role("combobox", name="Cari di pustaka").press_sequentially("zzzz", delay=50)
    expect(page.locator("[data-autocomplete-status]")).not_to_be_empty()  # "no suggestions" is said too
    assert not page.locator("#library-q-suggestions").is_visible()
    page.get_by_role("combobox", name="Cari di pustaka").press("Enter")  # nothing chosen: the search is sent
    page.wait_for_url("**q=zzzz**")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_after_a_search_the_first_result_is_on_the_first_screen_and_every_facet_option_shows_whole(
    live_server, browser, library, resources, viewport
):
    context = browser.new_context(viewport=viewport, locale="id-ID")
    try:
        page = context.new_page()
        page.goto(live_server.url + library.url)
        search_box = page.get_by_role("combobox", name="Cari di pustaka")
        search_box.fill("musyawarah")
        search_box.press("Enter")
        page.wait_for_url("**q=musyawarah**")

        first_result_bottom, screen = bottom_on_first_screen(page, ".resource-item__title")
        assert first_result_bottom <= screen
        assert not has_horizontal_overflow(page)
        open_all_facets(page)
        assert page.get_by_role("group", name="Topik").get_by_label("pelatihan").is_visible()
        assert clipped_last_options(page) == []
        assert not has_horizontal_overflow(page)
    finally:
        context.close()


def test_on_a_phone_the_filters_fold_behind_one_disclosure_that_names_what_is_chosen(
    live_server, browser, library, resources
):
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    try:
        page = context.new_page()
        page.goto(live_server.url + library.url + "?type=modul")
        disclosure = page.locator("details.facets")
        assert not disclosure.get_attribute("open")
        assert disclosure.locator(":scope > summary").inner_text().split() == ["Filter", "Modul", "pelatihan"]
        assert not page.get_by_role("button", name="Terapkan filter").is_visible()
        disclosure.locator(":scope > summary").click()
        assert page.get_by_role("group", name="Jenis").get_by_label("Modul pelatihan").is_checked()
        assert page.get_by_role("button", name="Terapkan filter").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("which", ["library", "resource"])
def test_library_and_resource_pages_have_no_moderate_or_worse_accessibility_violation(
    live_server, axe_check, library, resources, which
):
    url = library.url + "?q=musyawarah&type=modul" if which == "library" else resources["Modul deteksi dini"].url
    for viewport in (PHONE, DESKTOP):
        assert axe_check(live_server.url + url, impacts={"moderate", "serious", "critical"}, viewport=viewport) == []
