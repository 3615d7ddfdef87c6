"""In the browser: the language switch keeps the tab and filters of the events index, and on a page without a
translation it shows a note in the other language, on a phone and on a desktop."""

from importlib import import_module

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from resources.factories import ResourceLibraryPageFactory, ResourcePageFactory
from resources.models import ResourceType

pytestmark = pytest.mark.django_db(transaction=True)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


@pytest.fixture
def site(home, home_en, locales):
    # Live-server tests flush the database between tests, the resource types made by the migration with it.
    if not ResourceType.objects.exists():
        migration = import_module("resources.migrations.0002_resource_types")
        for slug, name, name_en, order in migration.TYPES:
            ResourceType.objects.create(slug=slug, name=name, name_en=name_en, sort_order=order)
    events = EventIndexPageFactory(parent=home)
    translate(events, locales["en"], title="Events", slug="events")
    library = ResourceLibraryPageFactory(parent=home)
    translate(library, locales["en"], title="Library", slug="library")
    resource = publish(
        ResourcePageFactory(parent=library, title="Pedoman Dialog Warga", slug="pedoman-dialog", language="id")
    )
    english = publish(
        ResourcePageFactory(parent=library, title="Early Warning Toolkit", slug="early-warning", language="en")
    )
    publish(EventPageFactory(parent=events, title="Lokakarya Deteksi Dini"))
    return {"resource": resource, "english": english}


def switch_to(page, name, phone):
    if phone:
        page.get_by_role("button", name="Menu").click()
    page.locator(".language-switcher").get_by_role("link", name=name).click()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_archive_tab_and_a_filter_survive_the_switch(live_server, browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/kegiatan/?when=past&type=workshop")
        switch_to(page, "English", phone=width < 600)
        page.wait_for_url(live_server.url + "/en/events/?when=past&type=workshop")
        assert page.locator("html").get_attribute("lang") == "en"
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_an_untranslated_page_says_so_in_the_other_language_and_offers_the_nearest_page(
    live_server, browser, site, width
):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="id-ID")
    page = context.new_page()
    try:
        url = live_server.url + site["resource"].url
        page.goto(url)
        note = page.locator("#not-in-en")
        assert not note.is_visible()
        switch_to(page, "English", phone=width < 600)
        page.wait_for_url(url + "#not-in-en")
        assert note.is_visible()
        assert note.get_attribute("lang") == "en"
        assert "has not been translated into English" in note.inner_text()
        assert page.evaluate("document.activeElement.id") == "not-in-en"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        note.get_by_role("link", name="Library").click()
        page.wait_for_url(live_server.url + "/en/library/")
    finally:
        context.close()


def test_the_note_and_marked_titles_have_no_accessibility_violations(live_server, axe_check, site):
    assert axe_check(live_server.url + site["resource"].url + "#not-in-en") == []
    assert axe_check(live_server.url + "/pustaka/") == []
