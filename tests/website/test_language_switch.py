"""The language switch keeps the visitor's place: the same view in the other language, with the same search, filters
and tabs, the same registration page, and for a page without a translation a note instead of the home page."""

import html as html_lib
import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from events.models import Registration
from resources.factories import ResourceLibraryPageFactory, ResourcePageFactory
from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def switcher(response):
    """{language code: the switcher's link} of a page."""
    assert response.status_code == 200, response.status_code
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S).group(0)
    return {code: html_lib.unescape(href) for href, code in re.findall(r'<a href="([^"]*)"[^>]*? lang="(\w+)"', nav)}


def translate(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def event_indexes(home, home_en, locales):
    indonesian = EventIndexPageFactory(parent=home)
    return indonesian, translate(indonesian, locales["en"], title="Events", slug="events")


@pytest.fixture
def event_pair(event_indexes, locales):
    event = EventPageFactory(parent=event_indexes[0], title="Lokakarya", slug="lokakarya", capacity=10)
    event.save_revision().publish()
    event.refresh_from_db()
    return event, translate(event, locales["en"], title="Workshop", slug="workshop")


@pytest.fixture
def libraries(home, home_en, locales):
    indonesian = ResourceLibraryPageFactory(parent=home)
    return indonesian, translate(indonesian, locales["en"], title="Library", slug="library")


def test_events_index_tabs_and_filters_survive_the_switch_but_the_page_number_does_not(client, event_indexes):
    response = client.get("/kegiatan/", {"when": "past", "type": "workshop", "region": "kota-serang", "page": "2"})
    links = switcher(response)
    assert links["en"] == "/en/events/?when=past&type=workshop&region=kota-serang"
    assert links["id"] == "/kegiatan/?when=past&type=workshop&region=kota-serang&page=2"


def test_events_calendar_month_survives_the_switch_both_ways(client, event_indexes):
    assert switcher(client.get("/kegiatan/?view=calendar&month=2025-03"))["en"] == (
        "/en/events/?view=calendar&month=2025-03"
    )
    assert switcher(client.get("/en/events/?view=calendar&month=2025-03"))["id"] == (
        "/kegiatan/?view=calendar&month=2025-03"
    )


def test_library_search_filters_and_sort_survive_the_switch(client, libraries):
    response = client.get("/pustaka/?q=dialog+lintas+iman&language=en&topic=deteksi-dini&sort=newest")
    assert switcher(response)["en"] == "/en/library/?q=dialog+lintas+iman&language=en&topic=deteksi-dini&sort=newest"


def test_news_topic_filter_survives_the_switch(client, news_index_en):
    assert switcher(client.get("/en/news/?tag=deteksi-dini"))["id"] == "/berita/?tag=deteksi-dini"


def test_site_search_keeps_its_words_but_starts_again_on_the_first_page(client, home_en):
    links = switcher(client.get("/search/?q=dialog&page=3"))
    assert links["en"] == "/en/search/?q=dialog"
    assert links["id"] == "/search/?q=dialog&page=3"


@pytest.mark.parametrize(
    "path",
    [
        "/alumni/?q=guru&region=kota-serang&page=2",
        "/alumni/organisasi/?type=ormas",
        "/alumni/angkatan/",
        "/alumni/cari-kolaborator/?topic=deteksi-dini&region=kota-serang",
        "/akun/masuk/?next=/alumni/profil-saya/",
    ],
)
def test_pages_outside_the_page_tree_keep_their_path_and_whole_query(client, home_en, path):
    assert switcher(client.get(path))["en"] == f"/en{path}"


def test_my_profile_switches_to_my_profile(logged_in, home_en):
    assert switcher(logged_in.get("/en/alumni/profil-saya/"))["id"] == "/alumni/profil-saya/"


def test_a_registration_page_switches_to_the_same_registration_in_the_other_language(client, event_pair):
    event, english = event_pair
    registration = RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
    token = registration.issue_token()

    links = switcher(client.get(f"{event.url}konfirmasi/{token}/"))
    assert links["en"] == f"/en/events/workshop/konfirmasi/{token}/"
    other = client.get(links["en"])
    assert other.status_code == 200
    assert other.context["registration"] == registration
    assert '<html lang="en">' in other.content.decode()

    assert switcher(client.get(f"{event.url}batal/{token}/"))["en"] == f"/en/events/workshop/batal/{token}/"
    assert switcher(client.get(f"{english.url}daftar/?terkirim=1"))["id"] == "/kegiatan/lokakarya/daftar/?terkirim=1"
    assert switcher(client.get(f"{event.url}daftar/"))["en"] == "/en/events/workshop/daftar/"


def test_an_untranslated_page_keeps_the_visitor_with_a_note_in_the_other_language(client, event_indexes):
    event = EventPageFactory(parent=event_indexes[0], title="Hanya bahasa Indonesia", slug="hanya")
    event.save_revision().publish()

    response = client.get("/kegiatan/hanya/daftar/")
    assert switcher(response)["en"] == "#not-in-en"
    html = response.content.decode()
    note = re.search(r'<div class="notice translation-note container" id="not-in-en".*?</div>', html, re.S).group(0)
    assert 'lang="en"' in note
    assert "This page has not been translated into English. You are reading the original, in Indonesian." in note
    # The nearest page that exists in English is the events index, not the home page.
    assert 'href="/en/events/" hreflang="en">Events</a>' in note


def test_an_english_only_page_offers_its_note_in_indonesian(client, event_indexes, locales):
    event = EventPageFactory(parent=event_indexes[1], title="English only", slug="english-only")
    event.save_revision().publish()

    response = client.get("/en/events/english-only/")
    assert switcher(response)["id"] == "#not-in-id"
    note = re.search(r'<div[^>]* id="not-in-id".*?</div>', response.content.decode(), re.S).group(0)
    assert 'lang="id"' in note
    assert 'href="/kegiatan/" hreflang="id">' in note


def test_a_translated_page_has_no_note(client, event_pair):
    html = client.get(event_pair[0].url).content.decode()
    assert "translation-note" not in html


def test_a_members_only_translation_is_offered_to_members_only(client, event_pair, member_client):
    event, english = event_pair
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)
    assert switcher(client.get(event.url))["en"] == "#not-in-en"
    assert switcher(member_client.get(event.url))["en"] == english.url


def test_the_query_string_of_one_visitor_never_reaches_the_kept_page_of_another(event_indexes, settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_VERSION_FILE = str(tmp_path / "content-version")
    # The first drawing of a page in a test may write (Wagtail makes the site's settings row), which rightly makes
    # what it kept unreachable: each page is asked for until it comes from the cache.
    for path, wanted in (("/kegiatan/?when=past", "/en/events/?when=past"), ("/kegiatan/", "/en/events/")):
        responses = [Client().get(path) for _ in range(3)]
        assert responses[-1]["X-Cache"] == "HIT"
        assert {switcher(response)["en"] for response in responses} == {wanted}
    again = Client().get("/kegiatan/?when=past")
    assert (again["X-Cache"], switcher(again)["en"]) == ("HIT", "/en/events/?when=past")


@pytest.fixture
def member_client(django_user_model):
    user = django_user_model.objects.create_user("anggota@example.org", "sandi-rahasia-123")
    user.make_member()
    client = Client()
    client.force_login(user)
    return client


def test_news_article_switch_goes_to_its_translation(client, news_index_en, locales):
    article = NewsPageFactory(parent=news_index_en.get_translation(locales["id"]), title="Dialog", slug="dialog")
    english = translate(article, locales["en"], title="Dialogue", slug="dialogue")
    assert switcher(client.get(f"{article.url}?utm_source=wa"))["en"] == f"{english.url}?utm_source=wa"


def test_library_resource_switch_goes_to_its_translation(client, libraries, locales):
    resource = ResourcePageFactory(parent=libraries[0], title="Modul", slug="modul-dialog")
    english = translate(resource, locales["en"], title="Module", slug="dialogue-module")
    assert switcher(client.get(resource.url))["en"] == english.url == "/en/library/dialogue-module/"


def test_a_sub_page_of_a_page_with_a_non_ascii_address_keeps_its_place(client, event_indexes, locales):
    event = EventPageFactory(parent=event_indexes[0], title="Temu warga", slug="temu-warga-é", capacity=10)
    event.save_revision().publish()
    event.refresh_from_db()
    english = translate(event, locales["en"], title="Residents' meeting", slug="residents-meeting")
    assert "%C3%A9" in event.url
    assert switcher(client.get(f"{event.url}daftar/"))["en"] == f"{english.url}daftar/"
    assert switcher(client.get(f"{english.url}daftar/"))["id"] == f"{event.url}daftar/"
