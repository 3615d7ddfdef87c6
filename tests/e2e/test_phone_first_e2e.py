"""Phone first: on a 360 px phone the first result of a directory search is on the first screen and the home page
opens with news and events, not charts; nothing scrolls sideways at 360 px or 1280 px."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Visibility
from core.factories import region
from events.factories import EventIndexPageFactory, EventPageFactory
from website.factories import NewsPageFactory

from .layout import (
    DESKTOP,
    PHONE,
    bottom_on_first_screen,
    clipped_last_options,
    has_horizontal_overflow,
    open_all_facets,
)

pytestmark = pytest.mark.django_db(transaction=True)

REGENCIES = ["Kota Serang", "Kota Cilegon", "Kabupaten Lebak", "Kabupaten Pandeglang", "Kota Tangerang Selatan"]


@pytest.fixture
def alumni(home):
    forum = OrganisationFactory(name="Forum Kerukunan Banten")
    for number, regency in enumerate(REGENCIES * 2):
        ProfileFactory(
            display_name=f"Fasilitator Dialog {number}",
            visible=Visibility.PUBLIC,
            regency=region(regency),
            topics=["deteksi dini", f"topik {number % 4}"],
            help_types=["facilitator"],
            organisations=[forum],
        )


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_after_a_directory_search_the_first_person_is_on_the_first_screen(live_server, browser, alumni, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID")
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("alumni:directory"))
        page.locator("#alumni-q").fill("Fasilitator")
        page.locator("#alumni-q").press("Enter")
        page.wait_for_url("**q=Fasilitator**")

        first_card_bottom, screen = bottom_on_first_screen(page, ".person-card__name")
        assert first_card_bottom <= screen
        assert not has_horizontal_overflow(page)
        open_all_facets(page)
        assert page.locator('input[name="region"][value="kota-tangerang-selatan"]').is_visible()
        assert clipped_last_options(page) == []
        assert not has_horizontal_overflow(page)
    finally:
        context.close()


def test_the_filter_summary_names_the_chosen_options_and_the_results_stay_first(live_server, phone, alumni):
    phone.goto(live_server.url + reverse("alumni:directory") + "?region=kabupaten-lebak&topic=deteksi-dini")
    summary = phone.locator("details.facets > summary")
    assert summary.inner_text().split("\n") == ["Filter", "Kabupaten Lebak", "deteksi dini"]
    first_card_bottom, screen = bottom_on_first_screen(phone, ".person-card__name")
    assert first_card_bottom <= screen
    assert phone.locator(".person-card").count() == 2


@pytest.fixture
def home_content(home, news_index, alumni):
    for number in range(3):
        NewsPageFactory(parent=news_index, title=f"Kabar jejaring nomor {number}")
    start = timezone.now() + datetime.timedelta(days=7)
    EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="Lokakarya deteksi dini",
        start=start,
        end=start + datetime.timedelta(hours=6),
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_home_page_shows_news_and_events_before_the_network_charts(live_server, browser, home_content, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/")
        tops = page.evaluate(
            """() => Object.fromEntries(["latest-news-heading", "upcoming-events-heading", "network-figures-heading"]
                .map((id) => [id, document.getElementById(id).getBoundingClientRect().top]))"""
        )
        assert tops["latest-news-heading"] < tops["upcoming-events-heading"] < tops["network-figures-heading"]
        assert not has_horizontal_overflow(page)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["directory", "search", "home"])
def test_the_phone_first_pages_have_no_moderate_or_worse_accessibility_violation(
    live_server, axe_check, home_content, path
):
    url = {
        "directory": reverse("alumni:directory"),
        "search": reverse("alumni:directory") + "?q=Fasilitator&region=kota-serang",
        "home": "/",
    }[path]
    for viewport in (PHONE, DESKTOP):
        assert axe_check(live_server.url + url, impacts={"moderate", "serious", "critical"}, viewport=viewport) == []


def test_a_directory_suggestion_is_tapped_on_a_phone_and_the_open_list_passes_axe(live_server, browser, alumni):
    # Without the site's CSP, so that axe can be injected by script.
    context = browser.new_context(viewport=PHONE, locale="id-ID", bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("alumni:directory"))
        search_box = page.get_by_role("combobox", name="Cari alumni")
        search_box.press_sequentially("Dialog 3", delay=50)
        option = page.get_by_role("option", name="Fasilitator Dialog 3")
        option.wait_for()
        assert page.locator("#alumni-q-suggestions a").count() == 0
        assert page.locator("[data-autocomplete-status]").inner_text().startswith("1 ")
        violations = Axe().run(page).response["violations"]
        assert [v["id"] for v in violations if v["impact"] in {"moderate", "serious", "critical"}] == []
        assert not has_horizontal_overflow(page)
        option.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Fasilitator Dialog 3")  # the profile opened
    finally:
        context.close()
