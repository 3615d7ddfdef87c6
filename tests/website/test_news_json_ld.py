"""News articles describe themselves to search engines as a schema.org NewsArticle (JSON-LD)."""

import datetime
import io
import json
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from website.factories import AuthorFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, blocks
    return json.loads(blocks[0])


def make_image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1200, 675), (11, 93, 91)).save(buffer, "JPEG")
    return Image.objects.create(title="dialog", file=ImageFile(buffer, name="dialog.jpg"))


def test_news_article_has_news_article_json_ld(client, news_index):
    article = NewsPageFactory(
        parent=news_index,
        title='Dialog lintas iman di Cilegon: "</script><b>" & kerukunan',
        intro="Warga dan tokoh agama berkumpul.",
        date=datetime.date(2024, 11, 4),
        feature_image=make_image(),
    )
    article.authors.add(AuthorFactory(name="Dewi Lestari (contoh)"), AuthorFactory(name="Rahmat Hidayat (contoh)"))
    article.save_revision().publish()
    article.refresh_from_db()

    html = client.get(article.url).content.decode()
    data = json_ld(html)
    assert "</script><b>" not in html.split("application/ld+json")[1].split("</script>")[0]
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["description"] == "Warga dan tokoh agama berkumpul."
    assert data["datePublished"] == "2024-11-04"
    modified = datetime.datetime.fromisoformat(data["dateModified"])
    assert modified == article.last_published_at and modified.utcoffset() == datetime.timedelta(hours=7)
    assert [author["name"] for author in data["author"]] == ["Dewi Lestari (contoh)", "Rahmat Hidayat (contoh)"]
    assert all(author["@type"] == "Person" for author in data["author"])
    assert data["inLanguage"] == "id"
    assert data["url"] == data["mainEntityOfPage"] == "http://testserver" + article.url
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"]
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/")
    [image] = data["image"]
    assert image.startswith("http://testserver/") and image.endswith(".jpg")


def test_article_without_authors_names_the_network_and_english_says_so(client, news_index_en, locales):
    article = NewsPageFactory(parent=news_index_en, title="Interfaith dialogue", intro="Residents met.")
    data = json_ld(client.get(article.url).content.decode())
    assert data["inLanguage"] == "en"
    assert data["author"][0]["@type"] == "Organization"
    assert "image" not in data
