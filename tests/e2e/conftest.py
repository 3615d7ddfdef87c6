"""Browser tests: Playwright driving the system Chromium against pytest-django's live server.

Skipped when no Chromium is found, unless REQUIRE_BROWSER=1 (CI), where a missing browser fails the run.
"""

import os
import shutil
from importlib import import_module
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the Django ORM calls the fixtures make are still
# synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_CANDIDATES = [os.environ.get("CHROMIUM_PATH", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"]


def find_chromium():
    for candidate in CHROMIUM_CANDIDATES:
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _wagtail_roots(transactional_db):
    """Live-server tests flush the database between tests, taking the rows migrations made with it."""
    from wagtail.models import Collection, Locale, Page

    from resources.models import ResourceType

    locale = Locale.objects.get_or_create(language_code="id")[0]
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not ResourceType.objects.exists():
        for slug, name, name_en, order in import_module("resources.migrations.0002_resource_types").TYPES:
            ResourceType.objects.create(slug=slug, name=name, name_en=name_en, sort_order=order)


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but no Chromium was found (install Debian's chromium package).")
        pytest.skip("no Chromium found: browser tests skipped")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    yield page
    context.close()


SERIOUS_OR_WORSE = frozenset({"serious", "critical"})
MODERATE_OR_WORSE = SERIOUS_OR_WORSE | {"moderate"}


@pytest.fixture
def axe_check(browser):
    """Runs axe-core on a URL and returns the violations of the given impacts (serious and critical unless told),
    seen at `width` pixels (or in `viewport`), with `cookies` (e.g. a logged-in session) set."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(url, impacts=SERIOUS_OR_WORSE, width=1280, cookies=(), viewport=None):
        # axe is injected by script, which the site's strict CSP would otherwise refuse.
        context = browser.new_context(bypass_csp=True, viewport=viewport or {"width": width, "height": 900})
        try:
            context.add_cookies(list(cookies))
            page = context.new_page()
            page.goto(url)
            results = axe.run(page)
            return [
                f"{violation['id']} ({violation['impact']}): {violation['help']} "
                f"{[node['target'] for node in violation['nodes']][:3]}"
                for violation in results.response["violations"]
                if violation["impact"] in impacts
            ]
        finally:
            context.close()

    return check
