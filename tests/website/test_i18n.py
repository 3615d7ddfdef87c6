import pytest
from django.utils import translation

from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def alternates(html):
    import re

    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))


def test_indonesian_is_the_default_language_without_a_prefix_and_english_lives_under_en(client, home_en):
    indonesian = client.get("/")
    english = client.get("/en/")
    assert indonesian.status_code == english.status_code == 200
    assert '<html lang="id">' in indonesian.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert "Sekolah Demokrasi Network" in english.content.decode()


def test_interface_strings_are_translated_to_indonesian(client, home_en):
    indonesian = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Langsung ke konten" in indonesian
    assert "Skip to content" in english
    assert "Berita terbaru" in indonesian
    assert "Latest news" in english


def test_language_switcher_goes_to_the_translation_of_the_current_page(client, news_index_en, locales):
    article = NewsPageFactory(parent=news_index_en.get_translation(locales["id"]), title="Dialog lintas iman")
    english = article.copy_for_translation(locales["en"])
    english.title = "Interfaith dialogue"
    english.save_revision().publish()
    english.refresh_from_db()

    html = client.get(article.url).content.decode()
    assert f'href="{english.url}" hreflang="en"' in html
    links = alternates(html)
    assert links["en"].endswith(english.url)
    assert links["id"].endswith(article.url)
    assert english.url.startswith("/en/")


def test_language_switcher_on_an_untranslated_page_leads_to_its_note_not_to_the_home_page(
    client, news_index_en, locales
):
    article = NewsPageFactory(parent=news_index_en.get_translation(locales["id"]), title="Hanya dalam bahasa Indonesia")
    html = client.get(article.url).content.decode()
    assert 'href="#not-in-en" lang="en"' in html
    assert 'href="/en/" hreflang="en"' not in html
    assert "en" not in alternates(html)


def test_language_switcher_on_the_search_page_keeps_the_query(client, home_en):
    html = client.get("/search/", {"q": "dialog"}).content.decode()
    assert 'href="/en/search/?q=dialog" hreflang="en"' in html


def test_draft_translation_is_not_offered_by_the_switcher(client, news_index_en, locales):
    article = NewsPageFactory(parent=news_index_en.get_translation(locales["id"]), title="Kabar baru")
    article.copy_for_translation(locales["en"])  # an unpublished draft
    html = client.get(article.url).content.decode()
    assert 'href="#not-in-en" lang="en"' in html


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_translatable_string_has_an_indonesian_translation(language):
    import polib
    from django.conf import settings

    catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / "id" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]
    assert untranslated == []
    with translation.override(language):
        assert translation.gettext("Search") == ("Cari" if language == "id" else "Search")
