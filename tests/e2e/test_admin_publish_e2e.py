"""An editor's Publish in the real admin (its JavaScript, autosave included): the page is live afterwards."""

import time

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Page, Site

from members.factories import UserFactory
from website.factories import HomePageFactory, StandardPageFactory
from website.models import StandardPage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def home(_wagtail_roots):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, slug="beranda")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Jejaring"}
    )
    return home


@pytest.fixture
def editor_page(browser, live_server):
    """A browser tab logged into the admin as an editor who has passed the second factor (as the verify page
    would leave the session: tests/conftest.py)."""
    editor = UserFactory(is_staff=True, is_superuser=True, email="editor@example.org")
    client = Client()
    client.force_login(editor)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def publish(page):
    """Opens the footer's action menu and clicks Publish, as an editor does, at once."""
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator('button[name="action-publish"]').click()


# Publish clicked this long after the last keystroke: around Wagtail's default autosave delay (half a second), where
# an autosave used to land beside the Publish.
DELAYS = (0.0, 0.3, 0.45, 0.5, 0.6)


def test_publish_right_after_typing_leaves_a_new_page_live_and_no_draft_behind(home, editor_page, live_server):
    page = editor_page
    for number, delay in enumerate(DELAYS):
        title = f"Tentang kami {number}"
        page.goto(live_server.url + reverse("wagtailadmin_pages:add", args=("website", "standardpage", home.pk)))
        page.locator("#id_title").fill(title)
        page.locator("#id_intro").fill("Siapa kami.")  # leaving the title fills the slug in
        time.sleep(delay)
        publish(page)
        page.wait_for_url("**/admin/pages/*/")
        time.sleep(1)  # room for any autosave the typing started to land

        created = StandardPage.objects.get(title=title)
        assert created.live and not created.has_unpublished_changes, delay
        assert created.latest_revision_id == created.live_revision_id, delay
        assert page.request.get(live_server.url + created.url).status == 200, delay


def test_publish_right_after_an_edit_publishes_that_edit(home, editor_page, live_server):
    about = StandardPageFactory(parent=home, title="Tentang", slug="tentang", intro="Lama.")
    about.save_revision().publish()
    page = editor_page
    for attempt, delay in enumerate(DELAYS):
        intro = f"Baru {attempt}."
        page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(about.pk,)))
        page.locator("#id_intro").fill(intro)
        time.sleep(delay)
        publish(page)
        page.wait_for_url("**/admin/pages/*/")
        time.sleep(1)

        about.refresh_from_db()
        assert about.live and not about.has_unpublished_changes
        assert about.latest_revision_id == about.live_revision_id
        response = page.request.get(live_server.url + about.url)
        assert response.status == 200
        assert intro in response.text()


def test_an_abandoned_new_page_leaves_no_draft_and_its_title_can_be_used_again(home, editor_page, live_server):
    page = editor_page
    add_url = live_server.url + reverse("wagtailadmin_pages:add", args=("website", "standardpage", home.pk))
    page.goto(add_url)
    page.locator("#id_title").fill("Program kami")
    page.locator("#id_intro").fill("Setengah jadi.")
    time.sleep(2)  # longer than any autosave delay: an autosave would have made a draft by now
    page.once("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"
    page.goto(live_server.url + reverse("wagtailadmin_home"))
    assert not StandardPage.objects.filter(title="Program kami").exists()

    page.goto(add_url)
    page.locator("#id_title").fill("Program kami")
    page.locator("#id_intro").fill("Sekarang jadi.")
    publish(page)
    page.wait_for_url("**/admin/pages/*/")
    created = StandardPage.objects.get(title="Program kami")
    assert created.slug == "program-kami" and created.live
    expect(page.locator(".messages")).to_be_visible()
