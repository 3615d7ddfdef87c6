import feedparser
import pytest
from wagtail.models import PageViewRestriction

from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(news_index, news_index_en, locales):
    public = NewsPageFactory(parent=news_index, title="Kabar publik")
    public.tags.add("kohesi sosial")
    public.save_revision().publish()
    NewsPageFactory(parent=news_index, title="Kabar draf", live=False)
    private = NewsPageFactory(parent=news_index, title="Kabar rahasia anggota")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    english = public.copy_for_translation(locales["en"])
    english.title = "Public news"
    english.save_revision().publish()
    return public


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_news_feed_parses_and_lists_only_live_public_news_of_its_language(client, news, kind):
    indonesian = feedparser.parse(client.get(f"/feeds/news/{kind}/").content)
    english = feedparser.parse(client.get(f"/en/feeds/news/{kind}/").content)
    assert not indonesian.bozo and not english.bozo
    assert [entry.title for entry in indonesian.entries] == ["Kabar publik"]
    assert [entry.title for entry in english.entries] == ["Public news"]
    assert indonesian.entries[0].link.endswith(news.url)
    assert [tag.term for tag in indonesian.entries[0].tags] == ["kohesi sosial"]


def test_pages_advertise_the_news_feeds(client, home):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/feeds/news/rss/"' in html
    assert 'href="/feeds/news/atom/"' in html


def test_sitemap_lists_public_live_pages_in_both_languages_only(client, news):
    xml = client.get("/sitemap.xml").content.decode()
    assert news.url in xml
    assert "/en/" in xml
    assert "/en/news/" in xml
    assert "kabar-draf" not in xml
    assert "kabar-rahasia-anggota" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Disallow: /search/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
