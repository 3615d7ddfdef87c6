import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents.forms import get_document_form
from wagtail.documents.models import Document
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


def run_manage(*args, **env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deployment check.
    environment = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="website.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    deployed = {
        "SITE_URL": "https://jejaring.example.org",
        "EMAIL_HOST": "smtp.example.org",
        "ADMINS": "Tim Teknis <teknis@example.org>",
    }
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secrets.token_urlsafe(50), **deployed
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_links_e_mail_or_error_reports_would_go_nowhere():
    result = run_manage(
        "check", "--deploy", SECRET_KEY=secrets.token_urlsafe(50), SITE_URL="", EMAIL_HOST="", ADMINS="", SENTRY_DSN=""
    )
    assert all(code in result.stderr + result.stdout for code in ("core.W001", "core.W002", "core.W003"))


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    "key",
    [
        "change-me",  # .env.example's
        "dev-only-insecure-key-do-not-use-in-production",  # the dev settings'
        "please-change-me-" + "x" * 60,
        "my-super-secret-key-" + "a1b2c3" * 10,
        "Xq7vLr2pWm9zKc4tYb8nHd3sJf6g",  # random, but too short
        "a" * 60,
    ],
)
def test_production_refuses_to_start_with_a_placeholder_or_short_secret_key(key):
    result = run_manage("check", SECRET_KEY=key)
    assert result.returncode != 0
    assert "SECRET_KEY looks like a placeholder or is too short" in result.stderr


PRODUCTION_LIKE = {
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "LANGUAGE_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
}


def test_production_settings_mark_every_cookie_secure_and_send_hsts():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)"
    )
    result = run_manage("shell", "-c", code, SECRET_KEY=secrets.token_urlsafe(50))
    assert result.stdout.strip().splitlines()[-1].split() == ["True", "True", "True", "31536000"], result.stderr


@override_settings(**PRODUCTION_LIKE)
def test_the_language_cookie_is_secure_http_only_and_same_site_lax(client, home):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)
    cookie = response.cookies["django_language"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@override_settings(**PRODUCTION_LIKE)
def test_session_and_csrf_cookies_are_secure_and_same_site_and_the_session_is_http_only(client, owner):
    page = client.get("/akun/masuk/", secure=True)
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] is True and csrf["samesite"] == "Lax"
    response = client.post("/akun/masuk/", {"username": owner.email, "password": "sandi-rahasia-123"}, secure=True)
    session = response.cookies["sessionid"]
    assert session["secure"] is True and session["httponly"] is True and session["samesite"] == "Lax"
    assert int(session["max-age"]) < 14 * 24 * 60 * 60


@override_settings(**PRODUCTION_LIKE)
def test_https_responses_carry_hsts_and_the_isolation_headers(client, home):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_send_security_headers(client, home):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_public_pages_have_no_inline_scripts_or_styles_that_the_csp_would_block(client, home, settings):
    html = client.get("/").content.decode()
    # The one inline script is the one the policy allows by its hash (tests/website/test_page_cache.py).
    assert re.findall(r"<script>(.*?)</script>", html) == [settings.SCRIPTED_PAGE_SCRIPT]
    assert "style=" not in html


def test_admin_is_left_out_of_the_strict_content_security_policy(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_unknown_page_gives_a_translated_404_without_a_traceback(client, home_en):
    indonesian = client.get("/tidak-ada/")
    english = client.get("/en/does-not-exist/")
    assert indonesian.status_code == english.status_code == 404
    assert "Halaman tidak ditemukan" in indonesian.content.decode()
    assert "Page not found" in english.content.decode()
    assert "Traceback" not in indonesian.content.decode()


@override_settings(ROOT_URLCONF="tests.website.broken_urls")
def test_server_error_shows_the_bilingual_500_page_without_details(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Maaf, terjadi kesalahan" in body
    assert "Sorry, something went wrong" in body
    assert "secret internal detail" not in body
    assert "Traceback" not in body


def test_document_uploads_reject_disallowed_extensions_and_oversize_files(settings):
    form_class = get_document_form(Document)
    script = form_class(
        data={"title": "Skrip"},
        files={"file": SimpleUploadedFile("malware.exe", b"MZ....")},
    )
    assert not script.is_valid()
    assert "file" in script.errors

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    form_class = get_document_form(Document)
    big = form_class(data={"title": "Besar"}, files={"file": SimpleUploadedFile("besar.pdf", b"%PDF-" + b"x" * 100)})
    assert not big.is_valid()
    assert "file" in big.errors


def test_image_uploads_reject_disallowed_types():
    form_class = get_image_form(Image)
    form = form_class(data={"title": "Vektor"}, files={"file": SimpleUploadedFile("logo.svg", b"<svg></svg>")})
    assert not form.is_valid()
    assert "file" in form.errors


def test_media_folder_serves_images_but_never_documents(client, home, settings, tmp_path):
    documents = settings.MEDIA_ROOT / "documents"
    documents.mkdir(parents=True)
    (documents / "rahasia.pdf").write_bytes(b"%PDF-1.4 rahasia")
    assert client.get("/media/documents/rahasia.pdf").status_code == 404


def test_pages_built_for_a_logged_in_person_are_never_kept_by_shared_caches(client, home, django_user_model):
    assert "private" not in client.get(home.url).get("Cache-Control", "")
    client.force_login(django_user_model.objects.create_user("anggota@example.org", "sandi-123-rahasia"))
    assert "private" in client.get(home.url)["Cache-Control"]
