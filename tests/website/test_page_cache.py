"""The anonymous page cache (core.pagecache): never private, never stale, no database on a hit.

Every case runs against the cache in each process's memory (with the version file) and against Redis, the
production set-up."""

import base64
import datetime
import gzip
import hashlib
import re
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import BytesIO

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Visibility
from core import content_version
from core.factories import region
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from events.models import EventPage, Registration
from website.factories import NewsPageFactory, StandardPageFactory
from website.models import Footer, SiteSettings

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/14"


@pytest.fixture(params=["memory", "redis"])
def page_cache(request, settings, tmp_path):
    """The page cache on, emptied, in memory with a version file or in Redis."""
    settings.PAGE_CACHE_SECONDS = 600
    if request.param == "redis":
        settings.CACHES = {
            **settings.CACHES,
            "pages": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": REDIS,
                "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
                # Generous: a busy test machine must not turn a slow answer into a miss.
                "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 3, "SOCKET_TIMEOUT": 3},
            },
        }
    else:
        settings.PAGE_CACHE_VERSION_FILE = str(tmp_path / "content-version")
    # Each test its own key prefix in Redis, emptied by pattern: FLUSHDB (what clear() does) would empty the cache of
    # tests running beside it.
    empty = caches["pages"].delete_pattern if request.param == "redis" else lambda pattern: caches["pages"].clear()
    empty("*")
    content_version.forget_local_pieces()
    yield request.param
    empty("*")
    caches["pages"].close()


def get(path, client=None, **headers):
    return (client or Client()).get(path, **headers)


def served_from_cache(path, client=None):
    """The page until it comes from the cache, without a query. The first drawing of a page in a test may write (Wagtail
    makes the site's settings row when first asked), which rightly makes what it kept unreachable: the page is then
    kept by the second drawing."""
    first = get(path, client)
    assert first.status_code == 200
    if get(path, client)["X-Cache"] == "HIT":
        first = get(path, client)
    with CaptureQueriesContext(connection) as queries:
        second = get(path, client)
    assert second["X-Cache"] == "HIT", second.headers
    assert len(queries) == 0, [query["sql"] for query in queries]
    return first, second


CSRF_TOKEN = re.compile(rb'(?<=name="csrfmiddlewaretoken" value=")[^"]+')


def text(response):
    return response.content.decode()


def register(visitor, event, token, number, region):
    """Registration number `number` for `event`, sent with the CSRF token of the form the visitor was given."""
    data = {
        "csrfmiddlewaretoken": token,
        "name": f"Peserta {number}",
        "email": f"peserta{number}@example.org",
        "phone": "+62 812 3456 7890",
        "organisation": "Tim Tangguh",
        "regency": region.pk,
        "consent": "on",
        "website": "",
    }
    return visitor.post(f"{event.url}daftar/", data)


# --- Served from the cache ------------------------------------------------------------------------------------------


def test_a_page_is_served_again_without_the_database(page_cache, home, news_index):
    NewsPageFactory(parent=news_index, title="Dialog lintas iman di Serang")
    first, second = served_from_cache(news_index.url)
    assert second.content == first.content
    assert "Dialog lintas iman di Serang" in text(second)
    assert "public" in second["Cache-Control"]
    assert second["Content-Type"].startswith("text/html")
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_hit_is_compressed_for_those_who_accept_gzip_and_answers_a_matching_etag(page_cache, home):
    served_from_cache("/")
    plain = get("/")
    compressed = get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert len(compressed.content) < len(plain.content) / 2
    assert "Accept-Encoding" in compressed["Vary"]
    assert get("/", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304


def test_english_and_indonesian_pages_are_kept_apart(page_cache, home, home_en):
    served_from_cache("/")
    served_from_cache("/en/")
    assert get("/")["Content-Language"] == "id"
    assert get("/en/")["Content-Language"] == "en"
    assert 'lang="en"' in text(get("/en/"))[:200]


def test_pages_drawn_for_a_query_are_kept_per_query(page_cache, home, news_index):
    NewsPageFactory(parent=news_index, title="Toleransi di Cilegon")
    NewsPageFactory(parent=news_index, title="Pemilu damai di Lebak")
    served_from_cache("/search/?q=toleransi")
    served_from_cache("/search/?q=pemilu")
    assert "Toleransi di Cilegon" in text(get("/search/?q=toleransi"))
    assert "Toleransi di Cilegon" not in text(get("/search/?q=pemilu"))


# --- Never private --------------------------------------------------------------------------------------------------


def test_a_logged_in_member_is_never_served_nor_stored(page_cache, home, news_index, logged_in):
    served_from_cache(news_index.url)
    mine = get(news_index.url, logged_in)
    assert mine["X-Cache"] == "BYPASS"
    assert "private" in mine["Cache-Control"]
    assert "Log out" in text(mine) or "Keluar" in text(mine)
    after = get(news_index.url)
    assert after["X-Cache"] == "HIT"
    assert "Keluar" not in text(after) and "Log out" not in text(after)


def test_a_members_page_drawn_for_a_member_never_reaches_a_stranger(page_cache, home, logged_in):
    secret = StandardPageFactory(parent=home, title="Rapat koordinasi tertutup", slug="rapat-tertutup")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        assert "Rapat koordinasi tertutup" in text(get(secret.url, logged_in))
    for _ in range(2):
        stranger = get(secret.url)
        assert stranger.status_code == 302
        assert "private" in stranger["Cache-Control"]


def test_a_shared_password_page_is_opened_only_for_whoever_gave_the_password(page_cache, home):
    secret = StandardPageFactory(parent=home, title="Catatan lapangan", slug="catatan")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="kata-sandi-tim"
    )
    insider = Client()
    form = get(secret.url, insider)
    assert "Catatan lapangan" not in text(form) or "password" in text(form).lower()
    action = f"/_util/authenticate_with_password/{restriction.pk}/{secret.pk}/"
    assert insider.post(action, {"password": "kata-sandi-tim", "return_url": secret.url}).status_code == 302
    for _ in range(2):
        opened = get(secret.url, insider)
        assert opened["X-Cache"] == "BYPASS" and "<h1" in text(opened)
    for _ in range(2):
        assert 'name="password"' in text(get(secret.url))


def test_requests_with_a_session_or_a_message_are_not_served_from_the_cache(page_cache, home):
    served_from_cache("/")
    for cookie in ("sessionid", "messages"):
        client = Client()
        client.cookies[cookie] = "anything"
        assert get("/", client)["X-Cache"] == "BYPASS"


def test_the_csrf_and_language_cookies_alone_do_not_stop_the_cache(page_cache, home):
    served_from_cache("/")
    client = Client()
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["django_language"] = "en"
    assert get("/", client)["X-Cache"] == "HIT"


def test_account_pages_and_forms_with_personal_links_are_never_kept(page_cache, home, make_event_page):
    event = make_event_page(capacity=10)
    registration = RegistrationFactory(event=event)
    token = registration.issue_token()
    for path in ("/akun/masuk/", "/akun/lupa-sandi/", "/alumni/profil-saya/"):
        for _ in range(2):
            response = get(path)
            assert response.get("X-Cache") != "HIT", path
            assert "private" in response["Cache-Control"] or response.status_code == 302, path
    for route in ("konfirmasi", "batal"):
        for _ in range(2):
            response = get(f"{event.url}{route}/{token}/")
            assert response.status_code == 200
            assert response["X-Cache"] != "HIT"
            assert "private" in response["Cache-Control"]


def test_a_kept_form_gets_a_fresh_working_csrf_token_for_each_visitor(page_cache, home, make_event_page):
    event = make_event_page(capacity=10)
    serang = region("Kota Serang")
    served_from_cache(event.url)
    visitors = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = get(event.url, visitor)
        assert page["X-Cache"] == "HIT"
        assert "private" in page["Cache-Control"]
        assert "__page_cache_csrf_token__" not in text(page)
        visitors.append((visitor, re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(page))[1]))
    tokens = {token for _, token in visitors}
    for number, (visitor, token) in enumerate(visitors):
        sent = register(visitor, event, token, number, serang)
        assert sent.status_code == 303, text(sent)[:500]
    assert len(tokens) == 2
    assert Registration.objects.filter(event=event).count() == 2


# --- Never stale ----------------------------------------------------------------------------------------------------


def test_publishing_unpublishing_moving_and_deleting_reach_every_page_at_once(page_cache, home, news_index):
    other = StandardPageFactory(parent=home, title="Tentang kami", slug="tentang")
    draft = NewsPageFactory(parent=news_index, title="Berita baru tentang RADPE", live=False)
    served_from_cache(news_index.url)
    served_from_cache("/")

    draft.save_revision().publish()
    assert "Berita baru tentang RADPE" in text(get(news_index.url))
    served_from_cache(draft.url)

    draft.refresh_from_db()
    draft.unpublish()
    assert "Berita baru tentang RADPE" not in text(get(news_index.url))
    assert get(draft.url).status_code == 404

    draft.save_revision().publish()
    served_from_cache(draft.url)
    old_url = draft.url
    Page.objects.get(pk=draft.pk).move(other, pos="last-child")
    new_url = Page.objects.get(pk=draft.pk).url
    moved = get(old_url)
    assert moved.status_code == 301 and moved["Location"] == new_url  # Wagtail's redirect from the old address
    assert get(new_url).status_code == 200

    served_from_cache(news_index.url)
    news_index.refresh_from_db()
    news_index.delete()
    assert get("/berita/").status_code == 404


def test_a_rendition_made_while_a_page_is_drawn_is_not_made_again_by_later_drawings(
    page_cache, home, news_index, monkeypatch
):
    """The home page keeps its sections (news with their images' renditions prefetched) under the content version:
    the renditions its first drawing makes must reach them, or every later drawing makes them again."""
    from django.core.files.images import ImageFile
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    get("/")  # the first drawing writes the site's settings row; the rest of the test draws pages on a settled site
    image = Image.objects.create(title="Dialog", file=ImageFile(get_test_image_file().file, name="dialog.png"))
    NewsPageFactory(parent=news_index, title="Dialog lintas iman", feature_image=image)
    made = []
    generate = Image.generate_rendition_file
    monkeypatch.setattr(
        Image, "generate_rendition_file", lambda *args, **kwargs: made.append(1) or generate(*args, **kwargs)
    )

    assert get("/").status_code == 200
    assert made, "the first drawing makes the news card's renditions"
    made.clear()
    for query in ("?a=1", "?a=2"):  # drawn again, not served from the cache
        assert get(f"/{query}")["X-Cache"] == "MISS"
    assert made == []


def test_routes_to_pages_are_remembered_and_follow_every_change_and_restriction(
    page_cache, home, news_index, logged_in
):
    article = NewsPageFactory(parent=news_index, title="Kabar deteksi dini", slug="kabar")
    secret = StandardPageFactory(parent=home, title="Catatan anggota", slug="catatan")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    get("/")  # the first drawing writes the site's settings row
    assert get(f"{article.url}?a=1").status_code == 200
    with CaptureQueriesContext(connection) as queries:  # drawn again (another query string): routed from memory
        assert get(f"{article.url}?a=2")["X-Cache"] == "MISS"
    assert not [query for query in queries if '"wagtailcore_page"."slug" =' in query["sql"]]

    # A member's visit remembers the route to a members' page; a stranger is still sent to log in.
    assert logged_in.get(secret.url).status_code == 200
    assert get(secret.url).status_code == 302

    article.unpublish()
    assert get(f"{article.url}?a=3").status_code == 404
    article.save_revision().publish()
    Page.objects.get(pk=article.pk).move(secret, pos="last-child")
    assert get(f"{news_index.url}kabar/?a=4").status_code in {301, 404}  # Wagtail's redirect, or gone
    assert get(f"{Page.objects.get(pk=article.pk).url}?a=5").status_code == 302  # now under the members' page

    # Made-up addresses are looked up each time, never remembered.
    routes = lambda: sum(":route:" in key for pieces in content_version._local.values() for key in pieces)  # noqa: E731
    before = routes()
    for number in range(5):
        assert get(f"/tidak-ada-{number}/").status_code == 404
    assert routes() == before


def test_snippet_and_setting_changes_reach_every_page(page_cache, home):
    served_from_cache("/")
    footer = Footer.objects.first() or Footer.objects.create(text="")
    footer.text = "<p>Sekretariat di Serang</p>"
    footer.save()
    assert "Sekretariat di Serang" in text(get("/"))
    served_from_cache("/")
    settings_ = SiteSettings.for_site(home.get_site())
    settings_.contact_email = "sekretariat@example.org"
    settings_.save()
    assert "sekretariat@example.org" in text(get("/"))


def test_profile_and_organisation_visibility_reach_the_directory(page_cache, home):
    profile = ProfileFactory(full_name="Rahmat Hidayat", visible=Visibility.PUBLIC)
    organisation = OrganisationFactory(name="Forum Lintas Iman Lebak")
    served_from_cache("/alumni/")
    served_from_cache("/alumni/organisasi/")
    assert "Rahmat Hidayat" in text(get("/alumni/"))

    profile.visibility = Visibility.MEMBERS
    profile.save()
    assert "Rahmat Hidayat" not in text(get("/alumni/"))

    assert "Forum Lintas Iman Lebak" in text(get("/alumni/organisasi/"))
    organisation.published = False
    organisation.save()
    assert "Forum Lintas Iman Lebak" not in text(get("/alumni/organisasi/"))


def test_writes_that_bypass_model_signals_reach_pages_too(page_cache, home):
    ProfileFactory(full_name="Siti Aminah", visible=Visibility.PUBLIC)
    served_from_cache("/alumni/")
    ProfileFactory._meta.model.objects.update(visibility=Visibility.MEMBERS)
    assert "Siti Aminah" not in text(get("/alumni/"))
    served_from_cache("/alumni/")
    with connection.cursor() as cursor:
        table = ProfileFactory._meta.model._meta.db_table
        cursor.execute(f"UPDATE {table} SET visibility = %s", [Visibility.PUBLIC])  # noqa: S608
    assert "Siti Aminah" in text(get("/alumni/"))


def test_registrations_and_cancellation_reach_the_event_page(page_cache, home, make_event_page):
    event = make_event_page(capacity=1)
    first, _ = served_from_cache(event.url)
    assert "registration__status--open" in text(first)
    RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
    full = get(event.url)
    assert full["X-Cache"] == "MISS"
    assert "registration__status--full" in text(full)
    served_from_cache(event.url)
    page = EventPage.objects.get(pk=event.pk)
    page.status = EventPage.Status.CANCELLED
    page.save_revision().publish()
    assert "event-banner--cancelled" in text(get(event.url))


def test_a_kept_page_expires_when_an_event_starts_or_registration_closes(page_cache, home, make_event_page):
    now = timezone.now()
    event = make_event_page(start=now + datetime.timedelta(minutes=5), end=now + datetime.timedelta(hours=2))
    assert content_version.horizon(now) <= event.start
    event.registration_closes = now + datetime.timedelta(minutes=2)
    event.save_revision().publish()
    assert content_version.horizon(now) <= now + datetime.timedelta(minutes=2)


def test_a_change_the_cache_could_not_record_is_recorded_when_it_answers_again(page_cache, home, monkeypatch):
    if page_cache != "redis":
        pytest.skip("only a shared cache can be unreachable")
    served_from_cache("/")
    broken = caches["pages"]
    monkeypatch.setattr(broken, "incr", lambda *args, **kwargs: (_ for _ in ()).throw(ConnectionError("down")))
    content_version.bump()
    monkeypatch.undo()
    assert get("/")["X-Cache"] == "MISS"


def test_pages_are_served_without_the_cache_when_redis_is_down(settings, home, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.1, "SOCKET_TIMEOUT": 0.1},
        },
    }
    for _ in range(2):
        response = get("/")
        assert response.status_code == 200
        assert response["X-Cache"] == "MISS"
        assert "private" in response["Cache-Control"]
    StandardPageFactory(parent=home, title="Halaman baru", slug="baru")  # a write while Redis is down
    assert get("/baru/").status_code == 200


@pytest.fixture
def make_event_page(home):
    index = EventIndexPageFactory(parent=home)

    def make(**fields):
        now = timezone.now()
        fields = {"start": now + datetime.timedelta(days=7), "end": now + datetime.timedelta(days=7, hours=3), **fields}
        event = EventPageFactory(parent=index, **fields)
        event.save_revision().publish()
        event.refresh_from_db()
        return event

    return make


# --- Served before Django (website.wsgi) and warmed up (core.warmup) --------------------------------------------------


@pytest.fixture
def wsgi():
    """The production WSGI application, called as gunicorn calls it; the test's database connection stays open (as
    the test client keeps it), though the application ends each request."""
    from django.core import signals
    from django.db import close_old_connections

    from website.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield application
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(application, path, **extra):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(),
        "wsgi.errors": sys.stderr,
        **extra,
    }
    answer = {}
    body = application(environ, lambda status, headers, exc_info=None: answer.update(status=status, headers=headers))
    content = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return answer["status"], dict(answer["headers"]), content


def test_kept_pages_are_served_before_django_with_the_headers_django_gave_them(page_cache, home, wsgi):
    for _ in range(2):
        call(wsgi, "/")
    _, drawn, _ = call(wsgi, "/")
    with CaptureQueriesContext(connection) as queries:
        status, headers, body = call(wsgi, "/", HTTP_ACCEPT_ENCODING="gzip")
    assert (status, headers["X-Cache"], len(queries)) == ("200 OK", "HIT", 0)
    assert gzip.decompress(body).startswith(b"<!DOCTYPE html>")
    assert headers["Content-Encoding"] == "gzip" and headers["Content-Length"] == str(len(body))
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Content-Language"):
        assert headers[name] == drawn[name], name
    assert "Accept-Encoding" in headers["Vary"]
    status, headers, body = call(wsgi, "/", HTTP_IF_NONE_MATCH=headers["ETag"])
    assert (status, body) == ("304 Not Modified", b"")


def test_before_django_too_a_session_or_a_form_is_never_served_from_the_cache(page_cache, home, wsgi, logged_in):
    for _ in range(3):
        call(wsgi, "/")
    session = logged_in.cookies["sessionid"].value
    status, headers, body = call(wsgi, "/", HTTP_COOKIE=f"csrftoken=abc; sessionid={session}")
    assert headers["X-Cache"] == "BYPASS"
    assert b"/alumni/profil-saya/" in body  # her own menu, drawn for her
    status, headers, _ = call(wsgi, "/", HTTP_COOKIE="csrftoken=abc; django_language=en")
    assert headers["X-Cache"] == "HIT"


def test_a_new_release_does_not_serve_what_the_previous_one_drew(page_cache, home, monkeypatch):
    served_from_cache("/")
    monkeypatch.setattr(content_version, "release", lambda: "next-release")
    assert get("/")["X-Cache"] == "MISS"


def test_warm_up_draws_the_main_pages_of_both_languages(page_cache, home_en, news_index_en, wsgi):
    from core.warmup import paths, warm_up

    assert {"/", "/en/", "/berita/", "/en/news/", "/search/", "/en/search/", "/alumni/"} <= set(paths())
    assert warm_up(wsgi, close_connections=False) >= 6


def test_the_page_is_marked_scripted_before_it_is_drawn_by_the_one_script_the_policy_allows(home, settings):
    """The phone menu is drawn closed from the first paint (no layout shift when site.js runs): the inline script that
    says so is the one the Content-Security-Policy allows by its hash."""
    response = get("/")
    scripts = re.findall(r"<script>(.*?)</script>", text(response))
    assert scripts == [settings.SCRIPTED_PAGE_SCRIPT]
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response["Content-Security-Policy"]
    assert text(response).index("<script>") < text(response).index("</head>")


# --- A CDN in front (core.cdn) ----------------------------------------------------------------------------------------


@pytest.fixture
def cdn(settings):
    """A CDN's purge endpoint (an HTTP server taking PURGE requests, as Varnish or nginx do), configured as production
    configures it from FRONTEND_CACHE_PURGE_URL."""
    purged = []

    class Purge(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Purge)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CDN_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("page_cache", ["redis"], indirect=True)
def test_a_change_purges_from_the_cdn_every_page_it_may_keep_and_no_page_with_people(
    page_cache, home, news_index, cdn, django_capture_on_commit_callbacks
):
    ProfileFactory(full_name="Rahmat Hidayat", visible=Visibility.PUBLIC)
    for path in ("/", news_index.url, "/alumni/"):
        served_from_cache(path)
    assert "s-maxage=300" in get("/")["Cache-Control"] and "public" in get("/")["Cache-Control"]
    assert "private" in get("/alumni/")["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        footer = Footer.objects.first() or Footer.objects.create(text="")
        footer.text = "<p>Sekretariat pindah ke Cilegon</p>"
        footer.save()
    assert {path for _, path in cdn} == {"/", news_index.url}
    assert {host for host, _ in cdn} == {"testserver"}


def test_deploy_checks_warn_of_a_cdn_that_nothing_purges(settings):
    from core.checks import production_settings

    settings.CDN_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {}
    settings.REDIS_URL = ""
    ids = {warning.id for warning in production_settings(None)}
    assert {"core.W004", "core.W005"} <= ids


# --- Found in review --------------------------------------------------------------------------------------------------


def test_a_preview_never_puts_the_editors_draft_on_the_public_page(page_cache, home, news_index):
    other = StandardPageFactory(parent=home, title="Tentang kami", slug="tentang")
    home.hero_cta_page = news_index
    home.save_revision().publish()
    served_from_cache("/")
    StandardPageFactory(parent=home, title="Halaman lain", slug="lain")  # a write: pieces are drawn again
    draft = type(home).objects.get(pk=home.pk)
    draft.hero_cta_page = other
    preview = draft.make_preview_request()
    assert other.url in preview.content.decode()
    public = text(get("/"))
    assert news_index.url in public and f'href="{other.url}"' not in public.split("<main")[1].split("</main>")[0]


def test_a_login_does_not_empty_the_cache(page_cache, home, owner):
    served_from_cache("/")
    Client().force_login(owner)
    assert get("/")["X-Cache"] == "HIT"


def test_a_page_is_found_only_under_its_own_address_however_the_path_is_encoded(page_cache, home, wsgi):
    StandardPageFactory(parent=home, title="Kafe", slug="kafé")
    for _ in range(3):
        status, headers, _ = call(wsgi, "/kaf\xc3\xa9/")  # /kafé/ as the server hands over UTF-8 bytes
    assert (status, headers["X-Cache"]) == ("200 OK", "HIT")
    status, headers, _ = call(wsgi, "/kaf\xe9/")  # the latin-1 byte: another address, which names no page
    assert status.startswith("404")


def test_the_etag_of_the_answer_that_kept_the_page_is_honoured_too(page_cache, home):
    served_from_cache("/")
    content_version.bump()
    first = get("/", HTTP_ACCEPT_ENCODING="gzip")  # drawn, compressed on the way out, and kept
    assert first["X-Cache"] == "MISS" and first["Content-Encoding"] == "gzip"
    again = get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again["X-Cache"]) == (304, "HIT")
    assert "Cookie" in get("/")["Vary"]


def test_before_django_a_kept_form_gets_each_visitor_a_working_token_and_cookie(
    page_cache, home, make_event_page, wsgi
):
    event = make_event_page(capacity=10)
    serang = region("Kota Serang")
    for _ in range(3):
        call(wsgi, event.url)
    answers = [call(wsgi, event.url) for _ in range(2)]
    tokens = set()
    for number, (status, headers, body) in enumerate(answers):
        assert (status, headers["X-Cache"]) == ("200 OK", "HIT")
        assert "private" in headers["Cache-Control"] and "Cookie" in headers["Vary"]
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1].decode()
        secret = re.match(r"csrftoken=(\w+);", headers["Set-Cookie"])[1]
        tokens.add(token)
        visitor = Client(enforce_csrf_checks=True)
        visitor.cookies["csrftoken"] = secret
        assert register(visitor, event, token, number, serang).status_code == 303
    assert len(tokens) == 2


def test_before_django_a_kept_form_compressed_once_reaches_each_visitor_whole_with_their_own_token(
    page_cache, home, make_event_page, wsgi
):
    event = make_event_page(capacity=10)
    serang = region("Kota Serang")
    for _ in range(3):
        call(wsgi, event.url, HTTP_ACCEPT_ENCODING="gzip")
    plain = call(wsgi, event.url)[2]
    pages, lengths, forms = set(), set(), []
    for _ in range(12):
        status, headers, body = call(wsgi, event.url, HTTP_ACCEPT_ENCODING="gzip, deflate")
        assert (status, headers["X-Cache"], headers["Content-Encoding"]) == ("200 OK", "HIT", "gzip")
        assert int(headers["Content-Length"]) == len(body)
        page = gzip.decompress(body)
        # The same page as sent uncompressed, but for the token.
        assert CSRF_TOKEN.sub(b"", page) == CSRF_TOKEN.sub(b"", plain)
        pages.add(page)
        lengths.add(len(body))
        forms.append((re.match(r"csrftoken=(\w+);", headers["Set-Cookie"])[1], CSRF_TOKEN.search(page)[0].decode()))
    for number, (secret, token) in enumerate(forms[:2]):
        visitor = Client(enforce_csrf_checks=True)
        visitor.cookies["csrftoken"] = secret
        assert register(visitor, event, token, number, serang).status_code == 303
    assert len(pages) == 12
    assert len(lengths) > 1  # a random length, as GZipMiddleware gives pages holding a secret (BREACH)


def test_tokens_made_before_django_are_those_django_makes_and_checks():
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, _unmask_cipher_token

    from core.pagecache import masked, new_csrf_string

    secrets_made = {new_csrf_string() for _ in range(200)}
    assert len(secrets_made) == 200
    assert all(len(secret) == 32 and set(secret) <= set(CSRF_ALLOWED_CHARS) for secret in secrets_made)
    # Every character turns up: the draw is not confined to part of the alphabet.
    assert set("".join(secrets_made)) == set(CSRF_ALLOWED_CHARS)
    for secret in list(secrets_made)[:20]:
        token = masked(secret)
        assert len(token) == 64 and _unmask_cipher_token(token) == secret
        assert masked(secret) != token


def test_a_search_by_words_in_the_directory_is_never_kept_so_nobody_learns_what_others_searched(page_cache, home):
    ProfileFactory(full_name="Rahmat Hidayat", visible=Visibility.PUBLIC)
    for path in ("/alumni/?q=Rahmat", "/alumni/cari-kolaborator/?q=dialog"):
        for _ in range(3):
            response = get(path)
            assert response["X-Cache"] == "MISS" and "private" in response["Cache-Control"], path
    served_from_cache("/alumni/?sector=ngo")  # browsing by facets is kept


def test_a_page_holding_the_token_marker_itself_is_never_kept(page_cache, home):
    StandardPageFactory(parent=home, title="__page_cache_csrf_token__", slug="penanda")
    for _ in range(3):
        assert get("/penanda/")["X-Cache"] == "MISS"
