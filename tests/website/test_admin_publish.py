"""Publish in the admin, without the browser (tests/e2e/test_admin_publish_e2e.py clicks it in the real admin)."""

import re

import pytest
from django.urls import reverse

from members.factories import UserFactory
from website.factories import StandardPageFactory
from website.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, email="penyunting@example.org"))
    return client


def test_the_page_forms_do_not_autosave(editor, home):
    page = StandardPageFactory(parent=home, title="Tentang", slug="tentang")
    for url in (
        reverse("wagtailadmin_pages:add", args=("website", "standardpage", home.pk)),
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
    ):
        html = editor.get(url).content.decode()
        # The form's controllers: leaving unsaved changes is still warned about, nothing saves by itself.
        controllers = re.search(r'data-controller="([^"]*\bw-unsaved\b[^"]*)"', html).group(1).split()
        assert "w-autosave" not in controllers, url
        assert "data-w-autosave-interval-value" not in html


def test_publish_makes_the_page_live_with_the_published_revision_as_its_latest(editor, home, client):
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=("website", "standardpage", home.pk)),
        {"title": "Tentang kami", "slug": "tentang-kami", "intro": "", "body-count": "0", "action-publish": "1"},
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="tentang-kami")
    assert page.live and not page.has_unpublished_changes
    assert page.latest_revision_id == page.live_revision_id
    assert editor.get(page.url).status_code == 200


def test_a_slug_taken_by_a_draft_is_explained_in_indonesian(editor, home):
    draft = StandardPageFactory(parent=home, title="Program kami", slug="program-kami", live=False)
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=("website", "standardpage", home.pk)),
        {"title": "Program kami", "slug": "program-kami", "body-count": "0", "action-publish": "1"},
    )
    assert response.status_code in {200, 400}
    html = response.content.decode()
    assert "mungkin draf yang belum diterbitkan" in html
    assert StandardPage.objects.filter(slug="program-kami").get().pk == draft.pk
