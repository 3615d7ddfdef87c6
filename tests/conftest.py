import shutil

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale, Page, Site

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Visibility
from core import content_version
from core.access import needs_second_factor
from members.factories import UserFactory
from website.factories import HomePageFactory, NewsIndexPageFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The default Site answers where the test client asks (testserver), so absolute links in e-mails work in it."""
    with django_db_blocker.unblock():
        Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)


_force_login = Client.force_login


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    """`client.force_login(user)` (and pytest-django's `admin_client`) also passes the second factor for users who
    need one (`core.access.needs_second_factor`): it gives them a confirmed authenticator and marks the session
    verified with it, as the verify page would. Tests of staff views so test the views, not the login.

    The second factor itself is tested through the real flow (password, then a code computed from the device's
    key) in tests/members/test_second_factor.py, which logs in with the login form, never with force_login."""

    def force_login(self, user, backend=None):
        _force_login(self, user, backend)
        # Asked of a fresh copy: permissions are cached on the user object, which the test may change afterwards.
        if needs_second_factor(type(user)._default_manager.get(pk=user.pk)):
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _page_cache_reachable():
    """Each test starts with a fresh content version and the page cache answering (a test that took Redis away
    leaves it paused in its process)."""
    content_version._paused_until = 0.0
    content_version._unrecorded_change = False
    content_version.forget_local_pieces()
    # What an earlier test remembered was drawn from rows its rolled-back transaction took away.
    content_version.bump()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def locales(db):
    indonesian = Locale.objects.get_or_create(language_code="id")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    return {"id": indonesian, "en": english}


@pytest.fixture
def home(locales):
    """An Indonesian home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).exclude(pk__in=HomePageFactory._meta.model.objects.values("pk")).delete()
    home = HomePageFactory(parent=root, slug="beranda")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "root_page": home, "site_name": "Jejaring"}
    )
    return home


@pytest.fixture
def home_en(home, locales):
    english_home = home.copy_for_translation(locales["en"])
    english_home.title = "Home"
    english_home.hero_title = "Sekolah Demokrasi Network"
    english_home.save_revision().publish()
    english_home.refresh_from_db()
    return english_home


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home, show_in_menus=True)


@pytest.fixture
def news_index_en(news_index, home_en, locales):
    index = news_index.copy_for_translation(locales["en"])
    index.title = "News"
    index.slug = "news"
    index.save_revision().publish()
    index.refresh_from_db()
    return index


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}"


# --- An alumna with a members-only profile and her account (tests/alumni, tests/members) --------------------


@pytest.fixture(autouse=True)
def _default_language():
    """A request under /en/ leaves English active in the thread; each test starts in Bahasa Indonesia."""
    translation.activate("id")
    yield
    translation.deactivate()


@pytest.fixture
def owner():
    return UserFactory(member=True, email="dewi@example.org", first_name="Dewi")


@pytest.fixture
def profile(owner):
    return ProfileFactory(
        user=owner,
        full_name="Dewi Anggraini",
        email="dewi@example.org",
        visible=Visibility.MEMBERS,
        external_id="ROSTER-7",
        organisations=[OrganisationFactory(name="Lembaga Dewi")],
    )


@pytest.fixture
def logged_in(owner, profile):
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def root_collection(db):
    """Wagtail's root collection, made again when a transactional test before this one emptied the tables."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")
