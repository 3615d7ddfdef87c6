"""Downloads as a person keeps them: a clear button with the file's type and size, files named after their title
(in the module ZIP too, with the session plan), and the way from one module of the programme to the next."""

import io
import re
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from resources.factories import CurriculumPageFactory, ModulePageFactory, ResourceDocumentFactory
from resources.models import ModuleFile

pytestmark = pytest.mark.django_db


def session(title, minutes, method="", materials="", notes=""):
    value = {"title": title, "minutes": minutes, "method": method, "materials": materials, "facilitator_notes": notes}
    return {"type": "session", "value": value}


def zip_entries(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist()}


def test_a_file_is_downloaded_under_its_title_not_its_stored_name(client, library, make_resource):
    resource = make_resource("Panduan deteksi dini", text="isi")
    document = resource.files.first().document
    document.title = "Panduan Deteksi Dini: Tim Tangguh (2024)"
    document.save()
    assert document.filename.startswith("berkas-panduan-deteksi-dini")  # the storage's name
    response = client.get(document.url)
    assert response.status_code == 200
    # PDFs open in the browser (Wagtail's choice), and keep the human name when saved
    assert response["Content-Disposition"] == 'inline; filename="panduan-deteksi-dini-tim-tangguh-2024.pdf"'


def test_a_name_with_letters_beyond_ascii_is_given_in_utf_8_as_well(client, library, make_resource):
    document = ResourceDocumentFactory(
        title="Kerukunan Umat Beragama — Ñusantara", file=ContentFile(b"baris,satu\n", name="data-01fbbc73d4.csv")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="kerukunan-umat-beragama-nusantara.csv"; '
        "filename*=UTF-8''kerukunan-umat-beragama-%C3%B1usantara.csv"
    )


def test_a_title_without_letters_keeps_the_stored_name(client, library):
    document = ResourceDocumentFactory(title="???", file=ContentFile(b"isi\n", name="catatan.txt"))
    assert client.get(document.url)["Content-Disposition"] == 'attachment; filename="catatan.txt"'


class Buttons(HTMLParser):
    """The download buttons of a page: (their text, their download attribute, their description's text)."""

    def __init__(self):
        super().__init__()
        self.buttons, self.texts, self._open, self._span = [], {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "download__button" in (attrs.get("class") or ""):
            self._open = {"text": "", "download": attrs.get("download"), "describedby": attrs.get("aria-describedby")}
        elif tag == "span" and attrs.get("id", "").startswith("download-"):
            self._span = attrs["id"]

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self._open["text"] = " ".join(self._open["text"].split())
            self.buttons.append(self._open)
            self._open = None
        elif tag == "span":
            self._span = None

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data
        if self._span:
            self.texts[self._span] = self.texts.get(self._span, "") + data


def buttons(html):
    parser = Buttons()
    parser.feed(html)
    return [(b["text"], b["download"], parser.texts.get(b["describedby"])) for b in parser.buttons]


def test_resource_page_has_a_download_button_with_type_size_and_the_human_name(client, library, make_resource):
    resource = make_resource("Perwal Tangerang Selatan tentang RAD PE", text="isi " * 50)
    document = resource.files.first().document
    html = client.get(resource.url).content.decode()
    [(text, download, described_by)] = buttons(html)
    assert re.fullmatch(r"\S+ PDF \(\d+,\d KB\)", text), text  # "Unduh PDF (1,2 KB)": the Indonesian decimal comma
    assert download == "berkas-perwal-tangerang-selatan-tentang-rad-pe.pdf"
    assert described_by == document.title
    # above the details, so that on a phone it is on the first screen
    assert html.index("download__button") < html.index('class="meta-list"')


def test_resource_page_in_english_says_download_with_type_and_size(client, library, make_resource, locales):
    resource = make_resource("Laporan survei", text="isi " * 500)
    english = resource.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    html = client.get(english.url).content.decode()
    [(text, _, _)] = buttons(html)
    assert re.fullmatch(r"Download PDF \(\d+\.\d KB\)", text), text


def test_members_only_files_are_announced_even_when_none_is_open(client, library, make_resource, members_collection):
    resource = make_resource("Catatan rapat", text="rahasia", collection=members_collection)
    html = client.get(resource.url).content.decode()
    assert buttons(html) == []
    assert "Catatan rapat" in html and 'class="notice"' in html  # "1 more file is available to members who log in"


@pytest.fixture
def curriculum(home):
    return CurriculumPageFactory(parent=home)


def test_module_zip_holds_the_session_plan_and_files_under_human_names(client, curriculum):
    module = ModulePageFactory(
        parent=curriculum,
        title="Deteksi dini",
        number=3,
        sessions=[
            session("Peta kerawanan", 90, "Diskusi kelompok", "Kertas plano", "<p>Mulai dengan cerita warga.</p>"),
            session("Simulasi kasus", 60, "Bermain peran"),
        ],
        readings='<p><a href="/pustaka/">Pustaka jejaring</a></p>',
    )
    handout = ResourceDocumentFactory(title="Lembar kerja", file=ContentFile(b"%PDF-1.4 a", name="demo-1-01fbbc.pdf"))
    twin = ResourceDocumentFactory(title="Lembar kerja", file=ContentFile(b"%PDF-1.4 b", name="demo-2-9a8b7c.pdf"))
    ModuleFile.objects.create(page=module, document=handout, sort_order=0)
    ModuleFile.objects.create(page=module, document=twin, sort_order=1)

    response = client.get(module.url + "unduh/")
    assert response["Content-Disposition"] == 'attachment; filename="deteksi-dini.zip"'
    entries = zip_entries(response)
    assert sorted(entries) == ["lembar-kerja-2.pdf", "lembar-kerja.pdf", "rencana-sesi-deteksi-dini.html"]
    assert {entries["lembar-kerja.pdf"], entries["lembar-kerja-2.pdf"]} == {b"%PDF-1.4 a", b"%PDF-1.4 b"}
    plan = entries["rencana-sesi-deteksi-dini.html"].decode()
    assert '<html lang="id">' in plan and "Modul 3" in plan
    assert "Peta kerawanan" in plan and "Diskusi kelompok" in plan and "Kertas plano" in plan
    assert "Mulai dengan cerita warga." in plan  # the facilitator's notes, written out for print
    assert "150 menit" in plan
    assert '<base href="http://testserver/">' in plan  # its links lead to the site when opened from the ZIP


def test_english_module_zip_has_the_plan_in_english(client, curriculum, locales, home_en):
    module = ModulePageFactory(parent=curriculum, title="Deteksi dini", sessions=[session("Peta", 45)])
    english = module.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Early detection"
    english.save_revision().publish()
    entries = zip_entries(client.get(english.url + "unduh/"))
    assert list(entries) == ["session-plan-early-detection.html"]
    plan = entries["session-plan-early-detection.html"].decode()
    assert '<html lang="en">' in plan and "45 minutes in all." in plan


def test_module_page_offers_the_zip_with_the_session_plan_even_without_files(client, curriculum):
    module = ModulePageFactory(parent=curriculum, sessions=[session("Peta", 45)])
    html = client.get(module.url).content.decode()
    assert f'href="{module.url}unduh/"' in html


def test_module_without_sessions_or_files_has_no_zip(client, curriculum):
    module = ModulePageFactory(parent=curriculum)
    assert "unduh/" not in client.get(module.url).content.decode()
    assert client.get(module.url + "unduh/").status_code == 404


def pager(html):
    found = re.search(r'<nav class="module-pager".*?</nav>', html, re.S)
    if not found:
        return {}
    links = re.findall(r'<a class="module-pager__\w+" href="([^"]+)" rel="(prev|next)">', found.group(0))
    return {rel: href for href, rel in links}


def test_modules_link_to_the_previous_and_next_module_in_the_programme_order(client, curriculum):
    third = ModulePageFactory(parent=curriculum, number=3, title="Advokasi")
    first = ModulePageFactory(parent=curriculum, number=1, title="Demokrasi")
    second = ModulePageFactory(parent=curriculum, number=2, title="Pemilu")
    assert pager(client.get(first.url).content.decode()) == {"next": second.url}
    assert pager(client.get(second.url).content.decode()) == {"prev": first.url, "next": third.url}
    html = client.get(third.url).content.decode()
    assert pager(html) == {"prev": second.url}
    assert "Modul 2: Pemilu" in html


def test_pager_skips_drafts_and_modules_the_visitor_may_not_open(client, member, curriculum):
    first = ModulePageFactory(parent=curriculum, number=1)
    draft = ModulePageFactory(parent=curriculum, number=2, live=False)
    closed = ModulePageFactory(parent=curriculum, number=3)
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    last = ModulePageFactory(parent=curriculum, number=4)
    assert pager(client.get(first.url).content.decode()) == {"next": last.url}
    assert draft.url not in client.get(last.url).content.decode()
    client.force_login(member)
    assert pager(client.get(first.url).content.decode()) == {"next": closed.url}


def test_pager_stays_in_the_language_of_the_page(client, curriculum, locales, home_en):
    first = ModulePageFactory(parent=curriculum, number=1)
    second = ModulePageFactory(parent=curriculum, number=2)
    first_en = first.copy_for_translation(locales["en"], copy_parents=True)
    first_en.save_revision().publish()
    second_en = second.copy_for_translation(locales["en"], copy_parents=True)
    second_en.title = "Elections"
    second_en.save_revision().publish()
    html = client.get(first_en.url).content.decode()
    assert pager(html) == {"next": second_en.url}
    assert "Next module" in html and "Module 2: Elections" in html


def test_module_page_queries_do_not_grow_with_the_modules_of_the_programme(client, settings, curriculum):
    settings.PAGE_CACHE_SECONDS = 0
    modules = [ModulePageFactory(parent=curriculum, number=n) for n in range(1, 4)]

    def queries():
        client.get(modules[1].url)
        client.get(modules[1].url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(modules[1].url).status_code == 200
        return len(captured)

    few = queries()
    for number in range(4, 12):
        ModulePageFactory(parent=curriculum, number=number)
    assert queries() == few
