"""The admin and the log-in pages in Indonesian: no string of Wagtail, wagtail-localize or Django left in English on
the screens editors use (the project's own catalogue of their strings: website/locale_upstream)."""

import contextlib
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
import wagtail
import wagtail_localize
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Site
from wagtail_localize.models import Translation

from members.factories import UserFactory
from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

# Read in the admin as text, but not words: names, codes and English the admin shows on purpose (language names).
NOT_WORDS = {"English", "Wagtail", "URL", "ID", "Email", "Status", "Admin", "Log", "CSV", "PDF", "Jejaring"}


# A placeholder in a catalogue string: what the screen shows in its place is read as anything.
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_]*\}")


@cache
def upstream_entries(domain="django"):
    """Every entry of the packages' English catalogues, as (context, msgid, plural msgid or None): what Wagtail,
    wagtail-localize and Django may show."""
    entries = set()
    for package in (wagtail, wagtail_localize, django):
        for po in Path(package.__path__[0]).glob(f"**/locale/en/LC_MESSAGES/{domain}.po"):
            entries.update(_entries(po.read_text()))
    return frozenset(entry for entry in entries if entry[1] not in NOT_WORDS)


def _entries(text):
    for block in text.split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if not line.startswith('"'):
                current = line.split(" ", 1)[0]
                fields[current] = []
                line = line[len(current) :].strip()
            if current is not None and line.startswith('"'):
                fields[current].append(json.loads(line))
        msgid = "".join(fields.get("msgid", []))
        if msgid.strip():
            context = "".join(fields["msgctxt"]) if "msgctxt" in fields else None
            plural = "".join(fields["msgid_plural"]) if "msgid_plural" in fields else None
            yield context, msgid, plural


def _singular_msgids(text):
    """The strings a JavaScript catalogue serves by themselves (not the counted or context ones)."""
    return {msgid for context, msgid, plural in _entries(text) if context is None and plural is None}


def _translated(catalog, entry):
    context, msgid, plural = entry
    key = msgid if context is None else f"{context}\x04{msgid}"
    return (key, 0) in catalog if plural else key in catalog


def untranslated(entries, language="id"):
    catalog = trans_real.translation(language)._catalog
    return {entry for entry in entries if not _translated(catalog, entry)}


def _parts(msgid):
    """The fixed parts of `msgid` between its placeholders; None when they hold too few words of their own to be
    recognised (such as "%(label)s: %(value)s")."""
    parts = tuple(" ".join(part.split()) for part in PLACEHOLDER.split(msgid))
    # A word stands by itself: the "st" of "{}st" (an ordinal, 1st) is no English to find.
    return parts if re.search(r"(?:^|[\s'\"(])[A-Za-z]{2,}", "\x00".join(parts)) else None


def _matches(parts, text, whole=True):
    """Whether `text` is (or, not `whole`, holds) the fixed `parts` in order, each placeholder filled with at least
    one character. Leftmost matching decides, as for a glob, without the backtracking of a regular expression."""
    first, *middle, last = parts if len(parts) > 1 else (*parts, None)
    if last is None:
        return text == first if whole else first in text
    start = 0 if whole else text.find(first)
    if start < 0 or not text.startswith(first, start):
        return False
    position = start + len(first)
    for part in middle:
        found = text.find(part, position + 1)
        if found < 0:
            return False
        position = found + len(part)
    if whole:
        return text.endswith(last) and len(text) - len(last) > position
    return text.find(last, position + 1) >= 0


@cache
def untranslated_patterns():
    """The English texts (singular and plural) of the entries with no Indonesian, as their fixed parts."""
    patterns = {}
    for _context, msgid, plural in untranslated(upstream_entries()):
        for text in (msgid, plural):
            if text and (parts := _parts(text)):
                patterns[text] = parts
    return patterns


class _Text(HTMLParser):
    """The text a person reads or hears: text nodes, labels in attributes, and the strings in the JSON that the
    admin's scripts draw their menus and screens from."""

    ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "value", "data-w-tooltip-content-value"}

    def __init__(self):
        super().__init__()
        self.strings = set()
        self._json = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._json = attrs.get("type") == "application/json"
            self._skip += not self._json
        elif tag == "style":
            self._skip += 1
        for name, value in attrs.items():
            if value and (name in self.ATTRIBUTES or name.startswith("data-w-") and name.endswith("label-value")):
                self.strings.add(value.strip())

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            if self._json:
                self._json = False
            else:
                self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if self._json:
            with contextlib.suppress(ValueError):  # a script that is not JSON after all
                self._walk(json.loads(data))
        elif not self._skip and data.strip():
            self.strings.add(" ".join(data.split()))

    def _walk(self, value):
        if isinstance(value, str):
            self.strings.add(value.strip())
        elif isinstance(value, dict):
            for item in value.values():
                self._walk(item)
        elif isinstance(value, list):
            for item in value:
                self._walk(item)


def english_on(html):
    """The packages' strings shown in English on a page rendered in Indonesian, placeholders filled in or not."""
    parser = _Text()
    parser.feed(html)
    patterns = untranslated_patterns()
    found = {text for string in parser.strings for text, parts in patterns.items() if _matches(parts, string)}
    # Strings with markup in them are drawn as they are, not as one text node.
    found.update(text for text, parts in patterns.items() if "<" in text and _matches(parts, html, whole=False))
    return found - NOT_WORDS


@pytest.fixture
def editor(client, home):
    user = UserFactory(is_staff=True, is_superuser=True, email="penyunting@example.org", first_name="Sari")
    client.force_login(user)
    return client


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Dialog warga", slug="dialog-warga")


def screens(home, news_index, news):
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=(home.pk,)),
        "new page": reverse("wagtailadmin_pages:add", args=("website", "standardpage", home.pk)),
        "page editor": reverse("wagtailadmin_pages:edit", args=(news.pk,)),
        "page history": reverse("wagtailadmin_pages:history", args=(news.pk,)),
        "choose page type": reverse("wagtailadmin_pages:add_subpage", args=(home.pk,)),
        "locked pages report": reverse("wagtailadmin_reports:locked_pages"),
        "aging pages report": reverse("wagtailadmin_reports:aging_pages"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "workflows report": reverse("wagtailadmin_reports:workflow"),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
        "users": reverse("wagtailusers_users:index"),
        "account": reverse("wagtailadmin_account"),
        "registrations": reverse("wagtailsnippets_events_registration:list"),
        "profiles": reverse("wagtailsnippets_alumni_profile:list"),
        "introductions": reverse("wagtailsnippets_alumni_introduction:list"),
        "new author": reverse("wagtailsnippets_website_author:add"),
        "translate page": reverse("wagtail_localize:submit_page_translation", args=(news.pk,)),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "workflow tasks": reverse("wagtailadmin_workflows:task_index"),
        "redirects": reverse("wagtailredirects:index"),
        "move page": reverse("wagtailadmin_pages:move", args=(news.pk,)),
        "delete page": reverse("wagtailadmin_pages:delete", args=(news.pk,)),
        "page types report": reverse("wagtailadmin_reports:page_types_usage"),
        "upload images": reverse("wagtailimages:add_multiple"),
        "upload documents": reverse("wagtaildocs:add_multiple"),
        "locales": reverse("wagtaillocales:index"),
    }


def test_an_indonesian_editor_sees_no_english_on_the_admin_screens(editor, home, news_index, news):
    found = {}
    for name, url in screens(home, news_index, news).items():
        response = editor.get(url)
        assert response.status_code == 200, name
        if english := english_on(response.content.decode()):
            found[name] = sorted(english)
    assert found == {}, json.dumps(found, indent=1)


def test_the_menu_and_the_dashboard_summary_are_in_indonesian(editor, home):
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert '"Laporan"' in html and '"Bantuan"' in html
    assert '"Reports"' not in html and '"Help"' not in html
    # Counted strings (plural forms) and strings with a placeholder, which the screens' check does not see.
    assert '1 halaman <span class="w-sr-only">dibuat di' in html
    assert "Pages <span" not in html and "Page <span" not in html
    assert "Panduan penyunting Wagtail" in html and "editor guide" not in html


def test_a_refused_page_form_says_why_in_indonesian(editor, home):
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=("website", "standardpage", home.pk)),
        {"title": "", "slug": "", "body-count": "0", "action-publish": "publish"},
    )
    assert response.status_code in {200, 400}
    html = response.content.decode()
    assert not (english := english_on(html)), sorted(english)
    assert "could not be created" not in html


def test_the_translation_screen_and_its_script_strings_are_in_indonesian(editor, home, home_en, news, locales):
    editor.post(reverse("wagtail_localize:submit_page_translation", args=(news.pk,)), {"locales": [locales["en"].pk]})
    english = news.get_translation(locales["en"])
    assert Translation.objects.filter(target_locale=locales["en"]).exists()
    response = editor.get(reverse("wagtailadmin_pages:edit", args=(english.pk,)))
    assert response.status_code == 200
    assert not (english := english_on(response.content.decode())), sorted(english)

    assert script_strings_missing(editor, "wagtail_localize:javascript_catalog", wagtail_localize) == set()


def test_the_admin_scripts_strings_are_in_indonesian(editor):
    assert script_strings_missing(editor, "wagtailadmin_javascript_catalog", wagtail, "admin") == set()


def script_strings_missing(client, catalog_url_name, package, subfolder=""):
    """The strings of `package`'s script catalogue that its JavaScript catalogue view serves untranslated."""
    with translation.override("id"):
        script = client.get(reverse(catalog_url_name)).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.DOTALL).group(1))
    msgids = set()
    for po in Path(package.__path__[0], subfolder).glob("**/locale/en/LC_MESSAGES/djangojs.po"):
        msgids.update(_singular_msgids(po.read_text()))
    assert msgids
    return msgids - catalog.keys()


def test_the_log_in_pages_say_kata_sandi(client, home):
    for url in (reverse("members:login"), reverse("wagtailadmin_login")):
        html = client.get(url).content.decode()
        assert "Kata sandi" in html, url
        assert "Kata Kunci" not in html, url


def test_a_wrong_password_is_explained_without_repeating_words(client, home):
    UserFactory(email="sari@example.org")
    response = client.post(reverse("members:login"), {"username": "sari@example.org", "password": "salah-sekali"})
    html = response.content.decode()
    assert "nama pengguna nama pengguna" not in html
    assert "Masukkan alamat email dan kata sandi yang benar" in html


def test_counts_read_in_plain_indonesian_and_the_header_actions_are_named(editor, news):
    # Wagtail's Indonesian repeats the word for a plural, which the admin puts after a number ("1-5 dari 5
    # halaman-halaman").
    with translation.override("id"):
        plurals = [str(model._meta.verbose_name_plural) for model in (Page, Image, Collection, Site)]
    assert plurals == ["halaman", "gambar", "koleksi", "situs"]
    # Wagtail writes the label of the header's actions in English into its template.
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(news.pk,))).content.decode()
    assert 'id="w-slim-header-buttons"' in html
    assert 'aria-label="Actions"' not in html and 'aria-label="Tindakan"' in html
