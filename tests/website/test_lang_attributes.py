"""Text in another language than the page's is marked with `lang` (`{% lang_attr %}`), so screen readers read an
English title on the Indonesian site with an English voice, and the other way round."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from alumni.factories import CohortFactory
from core.i18n import content_language, lang_attributes
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventMaterial
from resources.factories import (
    CurriculumPageFactory,
    ModulePageFactory,
    ResourceLibraryPageFactory,
    ResourcePageFactory,
)
from website.factories import NewsPageFactory
from website.models import Footer

pytestmark = pytest.mark.django_db

# BCP 47 as the Nu HTML Checker reads a lang attribute: a language subtag and optional subtags.
BCP47 = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")


def publish(page, tags=()):
    for tag in tags:
        page.tags.add(tag)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    translation_ = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation_, name, value)
    return publish(translation_)


def element(html, text):
    """The opening tag of the element whose text (or a link inside it) starts with `text`."""
    match = re.search(rf"<(\w+)([^<>]*)>(?:<a [^>]*>)?{re.escape(text)}", html)
    assert match, text
    return match.group(0)


def lang_values(html):
    return re.findall(r'\slang="([^"]*)"', html)


@pytest.fixture
def library(home, home_en, locales):
    indonesian = ResourceLibraryPageFactory(parent=home)
    return indonesian, translate(indonesian, locales["en"], title="Library", slug="library")


@pytest.fixture
def english_resource(library):
    """A resource in English entered in the Indonesian library (as editors do for INFID's English reports)."""
    return publish(
        ResourcePageFactory(
            parent=library[0],
            title="Early Warning Indicators Toolkit",
            summary="A toolkit for community volunteers.",
            language="en",
        ),
        tags=["deteksi-dini"],
    )


@pytest.fixture
def indonesian_resource(library):
    return publish(
        ResourcePageFactory(
            parent=library[0],
            title="Modul Deteksi Dini",
            summary="Modul untuk relawan komunitas.",
            language="id",
        ),
        tags=["deteksi-dini"],
    )


def test_the_language_of_a_resource_page_and_a_code(english_resource, indonesian_resource, locales):
    assert content_language(english_resource) == "en"
    assert content_language(indonesian_resource) == "id"
    # A translation is written in its locale's language, whatever the language of the resource's files.
    english_version = translate(indonesian_resource, locales["en"], title="Early detection module", slug="early")
    assert content_language(english_version) == "en"
    assert content_language("en") == "en"
    assert content_language(None) is None
    with translation.override("id"):
        assert lang_attributes(english_resource) == ' lang="en"'
        assert lang_attributes(indonesian_resource) == ""
    with translation.override("en"):
        assert lang_attributes(indonesian_resource) == ' lang="id"'
        assert lang_attributes(english_version) == ""


def test_indonesian_library_marks_the_english_resource_and_only_it(client, english_resource, indonesian_resource):
    html = client.get("/pustaka/").content.decode()
    assert 'lang="en"' in element(html, "Early Warning Indicators Toolkit")
    assert 'lang="en"' in element(html, "A toolkit for community volunteers.")
    assert "lang=" not in element(html, "Modul Deteksi Dini")
    assert "lang=" not in element(html, "Modul untuk relawan komunitas.")
    # The language itself is named, in its own language.
    assert '· <span lang="en">English</span>' in html


def test_library_search_snippet_is_marked_with_the_resource_language(client, english_resource):
    html = client.get("/pustaka/", {"q": "toolkit"}).content.decode()
    assert re.search(r'<p class="resource-item__snippet" lang="en">', html)


def test_site_search_marks_results_in_another_language(client, english_resource, indonesian_resource):
    html = client.get("/search/", {"q": "toolkit"}).content.decode()
    assert 'lang="en"' in element(html, "Early Warning Indicators Toolkit")


def test_home_page_marks_featured_resources_in_another_language(client, english_resource, indonesian_resource):
    html = client.get("/").content.decode()
    assert 'lang="en"' in element(html, "Early Warning Indicators Toolkit")
    assert "lang=" not in element(html, "Modul Deteksi Dini")


def test_resource_page_marks_its_title_summary_related_items_and_breadcrumb(
    client, english_resource, indonesian_resource
):
    html = client.get(indonesian_resource.url).content.decode()
    assert 'lang="en"' in element(html, "Early Warning Indicators Toolkit")  # a related resource
    html = client.get(english_resource.url).content.decode()
    assert re.search(r'<h1 lang="en">Early Warning Indicators Toolkit</h1>', html)
    assert re.search(r'<span aria-current="page" lang="en">Early Warning Indicators Toolkit</span>', html)
    assert '<html lang="id">' in html


def test_english_event_marks_an_indonesian_material(client, home, home_en, locales, indonesian_resource):
    index = EventIndexPageFactory(parent=home)
    index_en = translate(index, locales["en"], title="Events", slug="events")
    event = publish(EventPageFactory(parent=index_en, title="Early detection workshop", locale=locales["en"]))
    EventMaterial.objects.create(page=event, material=indonesian_resource)
    html = client.get(event.url).content.decode()
    assert 'lang="id"' in element(html, "Modul Deteksi Dini")
    assert "lang=" not in element(html, "Early detection workshop")


def test_english_cohort_page_marks_an_untranslated_indonesian_module(client, home, home_en, locales):
    curriculum = CurriculumPageFactory(parent=home)
    translate(curriculum, locales["en"], title="Democracy School", slug="curriculum")
    translated = publish(ModulePageFactory(parent=curriculum, title="Modul Demokrasi Lokal"))
    translate(translated, locales["en"], title="Local democracy", slug="local-democracy")
    untranslated = publish(ModulePageFactory(parent=curriculum, title="Modul Literasi Digital"))
    cohort = CohortFactory(slug="angkatan-2024")
    cohort.modules.add(translated, untranslated)
    cohort.save()
    html = client.get("/en/alumni/angkatan/angkatan-2024/").content.decode()
    assert 'lang="id"' in element(html, "Modul Literasi Digital")
    assert "lang=" not in element(html, "Local democracy")


def test_english_news_listing_marks_nothing_of_its_own_language(client, news_index_en, locales):
    publish(NewsPageFactory(parent=news_index_en, title="Interfaith dialogue", locale=locales["en"]))
    html = client.get("/en/news/").content.decode()
    assert "lang=" not in element(html, "Interfaith dialogue")
    assert lang_values(html.split("<main", 1)[1]) == []


def test_footer_link_to_an_untranslated_page_is_marked_with_its_language(client, home, home_en, locales):
    page = publish(ResourceLibraryPageFactory(parent=home, title="Pustaka Materi"))
    Footer.objects.create(locale=locales["en"], links=[{"type": "link", "value": {"page": page.pk}}])
    html = client.get("/en/").content.decode()
    assert 'lang="id"' in element(html, "Pustaka Materi")


def test_every_lang_value_on_mixed_pages_is_valid_bcp47(client, english_resource, indonesian_resource):
    for path in ("/", "/pustaka/", english_resource.url, "/search/?q=toolkit", "/en/"):
        values = lang_values(client.get(path).content.decode())
        assert values, path
        assert all(BCP47.match(value) for value in values), (path, values)


def test_marking_costs_no_query_per_item(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 0

    def count():
        """Queries of the library page once what it remembers is kept (the first drawings may write)."""
        counts = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/pustaka/").status_code == 200
            counts.append(len(queries))
        return counts[-1]

    publish(ResourcePageFactory(parent=library[0], language="en"))
    few = count()
    for _ in range(4):
        publish(ResourcePageFactory(parent=library[0], language="en"))
    assert count() == few
