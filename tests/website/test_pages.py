import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage
from resources.models import CurriculumPage, ResourceLibraryPage
from website.factories import AuthorFactory, NewsPageFactory, StandardPageFactory
from website.models import HomePage, NewsIndexPage, NewsPage, StandardPage

pytestmark = pytest.mark.django_db


class TestPageTreeRules(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {NewsIndexPage, StandardPage, ResourceLibraryPage, CurriculumPage, EventIndexPage}
        )

    def test_news_articles_live_only_in_a_news_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_standard_pages_nest_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


def test_home_page_renders_its_hero_and_latest_news(client, news_index):
    NewsPageFactory(parent=news_index, title="Tim Tangguh Benda Baru berbagi pengalaman")
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jejaring Sekolah Demokrasi" in html
    assert "Tim Tangguh Benda Baru berbagi pengalaman" in html
    assert '<html lang="id">' in html


def test_standard_page_renders_its_body_blocks(client, home):
    page = StandardPageFactory(
        parent=home,
        title="Tentang Kami",
        body=[
            {"type": "heading", "value": {"text": "Sejarah program", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Sekolah Demokrasi Hybrid di Banten.</p>"},
            {"type": "quote", "value": {"text": "Dialog lebih dulu.", "attribution": "Peserta (contoh)"}},
            {
                "type": "accordion",
                "value": {"title": "Tanya jawab", "items": [{"title": "Siapa?", "body": "<p>Alumni.</p>"}]},
            },
        ],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h2>Sejarah program</h2>" in html
    assert "Sekolah Demokrasi Hybrid di Banten." in html
    assert "Dialog lebih dulu." in html
    assert "<summary>Siapa?</summary>" in html
    assert 'aria-current="page">Tentang Kami</span>' in html


def test_news_page_shows_date_authors_tags_and_related_pages(client, news_index, home):
    about = StandardPageFactory(parent=home, title="Tentang program")
    article = NewsPageFactory(parent=news_index, title="Lokakarya penyegaran Tim Tangguh")
    article.authors.add(AuthorFactory(name="Rina Kartika (contoh)"))
    article.tags.add("deteksi dini")
    article.related_pages.create(related=about)
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "Lokakarya penyegaran Tim Tangguh" in html
    assert "Rina Kartika (contoh)" in html
    assert "deteksi dini" in html
    assert "Tentang program" in html


def test_news_index_paginates_and_filters_by_tag(client, news_index, settings):
    settings.NEWS_PER_PAGE = 2
    tagged = NewsPageFactory(parent=news_index, title="Kontra-narasi di media sosial")
    tagged.tags.add("kontra-narasi")
    tagged.save_revision().publish()
    for number in range(3):
        NewsPageFactory(parent=news_index, title=f"Kabar lain {number}")
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert response.context["articles"].paginator.num_pages == 2
    filtered = client.get(news_index.url, {"tag": "kontra-narasi"})
    assert [a.title for a in filtered.context["articles"]] == ["Kontra-narasi di media sosial"]
    assert client.get(news_index.url, {"page": "999"}).status_code == 200
    assert client.get(news_index.url, {"page": "abc"}).status_code == 200


def test_news_index_query_count_is_the_same_for_5_and_50_articles(client, news_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(news_index.url)  # the first request creates the site settings row

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(news_index.url).status_code == 200
        return len(queries)

    for number in range(5):
        article = NewsPageFactory(parent=news_index)
        article.tags.add(f"topik {number}")
        article.authors.add(AuthorFactory())
        article.save_revision().publish()
    small = count_queries()
    for number in range(45):
        article = NewsPageFactory(parent=news_index)
        article.tags.add(f"topik {number}")
        article.save_revision().publish()
    assert count_queries() == small


def test_unpublished_and_private_news_are_not_listed(client, news_index):
    from wagtail.models import PageViewRestriction

    NewsPageFactory(parent=news_index, title="Kabar terbuka")
    NewsPageFactory(parent=news_index, title="Kabar draf", live=False)
    private = NewsPageFactory(parent=news_index, title="Kabar khusus anggota")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(news_index.url).content.decode()
    assert "Kabar terbuka" in html
    assert "Kabar draf" not in html
    assert "Kabar khusus anggota" not in html


def test_search_page_url_is_named(client, home):
    assert reverse("search") == "/search/"


@pytest.mark.django_db
def test_the_news_tag_filter_names_only_tags_of_listed_articles(client, news_index):
    from taggit.models import Tag

    Tag.objects.create(name="topik rahasia", slug="topik-rahasia")  # e.g. only a hidden alumnus' topic
    article = NewsPageFactory(parent=news_index)
    article.tags.add("kohesi sosial")
    article.save_revision().publish()

    assert "topik rahasia" not in client.get(news_index.url, {"tag": "topik-rahasia"}).content.decode()
    assert "kohesi sosial" in client.get(news_index.url, {"tag": "kohesi-sosial"}).content.decode()
