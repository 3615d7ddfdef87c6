import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=False)


def titles(response):
    return [result.title for result in response.context["search_results"]]


def test_search_finds_a_public_news_article_by_a_word_in_its_body(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Forum warga Jombang",
        body=[{"type": "paragraph", "value": "<p>Warga membahas kerukunan antarumat di kelurahan.</p>"}],
    )
    NewsPageFactory(parent=news_index, title="Kabar lain")
    response = client.get("/search/", {"q": "kerukunan"})
    assert response.status_code == 200
    assert titles(response) == ["Forum warga Jombang"]
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the Indonesian stemmer is PostgreSQL's")
def test_indonesian_stemming_finds_pencegahan_when_searching_mencegah(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Perwal untuk Tangerang Selatan",
        body=[{"type": "paragraph", "value": "<p>Rancangan peraturan tentang pencegahan ekstremisme.</p>"}],
    )
    assert titles(client.get("/search/", {"q": "mencegah"})) == ["Perwal untuk Tangerang Selatan"]


def test_search_never_returns_private_or_draft_pages_to_anonymous_visitors(client, news_index):
    private = NewsPageFactory(parent=news_index, title="Catatan rapat tertutup deteksi")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    NewsPageFactory(parent=news_index, title="Draf deteksi", live=False)
    NewsPageFactory(parent=news_index, title="Deteksi dini terbuka")
    response = client.get("/search/", {"q": "deteksi"})
    assert titles(response) == ["Deteksi dini terbuka"]
    assert "tertutup" not in response.content.decode()


def test_search_returns_pages_of_the_current_language_only(client, news_index_en, locales):
    article = NewsPageFactory(parent=news_index_en.get_translation(locales["id"]), title="Literasi digital")
    english = article.copy_for_translation(locales["en"])
    english.title = "Literasi digital (English)"
    english.save_revision().publish()
    assert titles(client.get("/search/", {"q": "literasi"})) == ["Literasi digital"]
    assert titles(client.get("/en/search/", {"q": "literasi"})) == ["Literasi digital (English)"]


def test_search_paginates_and_tolerates_bad_page_numbers(client, news_index, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 2
    for number in range(5):
        NewsPageFactory(parent=news_index, title=f"Advokasi kebijakan {number}")
    first = client.get("/search/", {"q": "advokasi"})
    assert first.context["search_results"].paginator.num_pages == 3
    assert client.get("/search/", {"q": "advokasi", "page": "99"}).status_code == 200
    assert client.get("/search/", {"q": "advokasi", "page": "x"}).status_code == 200


def test_overlong_queries_are_capped_and_explained(client, home):
    response = client.get("/search/", {"q": "a" * 5000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) == 200
    assert "200" in response.content.decode()


def test_zero_results_show_help(client, home):
    response = client.get("/search/", {"q": "zzzxxyyq"})
    assert response.status_code == 200
    assert "zzzxxyyq" in response.content.decode()
    assert response.context["search_results"] is not None or "empty-state" in response.content.decode()
    assert 'class="empty-state"' in response.content.decode()


def test_empty_search_shows_the_form_only(client, home):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["search_results"] is None
