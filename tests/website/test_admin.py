import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from website.models import NewsPage

pytestmark = pytest.mark.django_db


def news_form(title, slug, intro, body_text):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-11-20",
            "intro": intro,
            "body": streamfield([("paragraph", rich_text(f"<p>{body_text}</p>"))]),
            "related_pages": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 6},
            "tags": "kohesi sosial",
            "action-publish": "publish",
        }
    )


def test_editor_creates_and_publishes_a_news_article_in_indonesian_and_english(
    client, admin_user, news_index, news_index_en, locales
):
    client.force_login(admin_user)

    add_url = reverse("wagtailadmin_pages:add", args=("website", "newspage", news_index.pk))
    assert client.get(add_url).status_code == 200
    response = client.post(
        add_url,
        news_form(
            "Dialog warga di Cilegon", "dialog-warga-cilegon", "Warga berdialog.", "Isi berita dalam bahasa Indonesia."
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = NewsPage.objects.get(slug="dialog-warga-cilegon")
    assert article.live and article.locale == locales["id"]

    # Translate with wagtail-localize, then take the English copy over by hand and publish it.
    submit = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(article.pk,)), {"locales": [locales["en"].pk]}
    )
    assert submit.status_code == 302
    english = article.get_translation(locales["en"])
    assert english.get_parent().pk == news_index_en.pk
    translation = Translation.objects.get(target_locale=locales["en"], source__object_id=article.translation_key)
    stop = client.post(
        reverse("wagtail_localize:stop_translation", args=(translation.pk,)),
        {"next": reverse("wagtailadmin_pages:edit", args=(english.pk,))},
    )
    assert stop.status_code == 302
    edit = client.post(
        reverse("wagtailadmin_pages:edit", args=(english.pk,)),
        news_form(
            "Residents' dialogue in Cilegon", "residents-dialogue-cilegon", "Residents talk.", "The English story."
        ),
    )
    assert edit.status_code == 302, edit.content.decode()[:2000]

    english = Page.objects.get(pk=english.pk).specific
    assert english.live
    assert english.url == "/en/news/residents-dialogue-cilegon/"
    assert "The English story." in client.get(english.url).content.decode()
    assert "Isi berita dalam bahasa Indonesia." in client.get(article.url).content.decode()


def test_every_page_type_and_snippet_opens_in_the_admin(client, admin_user, news_index):
    client.force_login(admin_user)
    for model in ("homepage", "standardpage", "newsindexpage", "newspage"):
        parent = {"homepage": Page.get_first_root_node(), "newspage": news_index}.get(model, news_index.get_parent())
        if model == "newsindexpage":
            continue  # one news index per home page, and it exists already
        response = client.get(reverse("wagtailadmin_pages:add", args=("website", model, parent.pk)))
        assert response.status_code == 200, model
    assert client.get(reverse("wagtailadmin_pages:edit", args=(news_index.pk,))).status_code == 200
    for snippet in ("core_region", "website_author", "website_footer"):
        assert client.get(reverse(f"wagtailsnippets_{snippet}:list")).status_code == 200
    settings_page = client.get(reverse("wagtailsettings:edit", args=("website", "sitesettings")), follow=True)
    assert settings_page.status_code == 200
