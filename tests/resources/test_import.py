import csv
import json
from dataclasses import dataclass
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from resources.models import ResourceDocument, ResourcePage
from resources.sample_files import make_pdf

pytestmark = pytest.mark.django_db

COLUMNS = [
    "external_id",
    "title",
    "summary",
    "resource_type",
    "topics",
    "regions",
    "language",
    "published",
    "publisher",
    "url",
    "files",
    "members_only",
]


@pytest.fixture(autouse=True)
def _english():
    """The messages are asserted on in English, whatever the site's default language and its translations."""
    with translation.override("en"):
        yield


@pytest.fixture
def folder(tmp_path):
    """Where the import file and its documents are; MEDIA_ROOT is tmp_path / "media", beside it."""
    path = tmp_path / "impor"
    path.mkdir()
    return path


@dataclass
class Run:
    stdout: str
    stderr: str
    error: CommandError | None


def run_import(path, *args, language="en"):
    stdout, stderr = StringIO(), StringIO()
    try:
        # Requests made by a test activate the site's language; the assertions read the English messages.
        with translation.override(language):
            call_command("import_resources", str(path), *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return Run(stdout.getvalue(), stderr.getvalue(), error)
    return Run(stdout.getvalue(), stderr.getvalue(), None)


def row(external_id, title, **values):
    return {"external_id": external_id, "title": title, "summary": f"Ringkasan {title}.", "resource_type": "modul"} | (
        values
    )


def write_csv(folder, rows, name="sumber.csv", encoding="utf-8"):
    path = folder / name
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_pdf(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(make_pdf(Path(name).stem, [text]))
    return path


def media_files(settings):
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_good_rows_are_published_in_the_library_and_found_by_a_word_inside_their_pdf(library, folder):
    write_pdf(folder, "berkas/panduan.pdf", "Catatan tentang sinkronisasiwarga di Pondok Kacang Timur.")
    path = write_csv(
        folder,
        [
            row(
                "R-1",
                "Panduan musyawarah",
                resource_type="Training module",
                topics="Deteksi dini; Kohesi sosial",
                regions="Lebak; kota serang",
                language="en",
                published="2024-03-05",
                publisher="Yayasan Demokrasi",
                files="berkas/panduan.pdf",
                members_only="false",
            ),
            row(
                "R-2",
                "Regulasi daerah",
                resource_type="regulasi",
                url="https://jdih.bantenprov.go.id/",
                published="2023",
            ),
        ],
        encoding="utf-8-sig",  # as Excel writes it
    )

    result = run_import(path)

    assert result.error is None, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == "2 created, 0 updated, 0 unchanged, 0 rejected"
    page = ResourcePage.objects.get(external_id="R-1")
    assert page.live
    assert page.get_parent().specific == library
    assert page.locale == library.locale
    assert (page.title, page.summary, page.resource_type.slug) == (
        "Panduan musyawarah",
        "Ringkasan Panduan musyawarah.",
        "modul",
    )
    assert sorted(page.tags.names()) == ["Deteksi dini", "Kohesi sosial"]
    assert sorted(region.name for region in page.regions.all()) == ["Kabupaten Lebak", "Kota Serang"]
    assert (page.language, page.published_year, page.published_date) == ("en", 2024, date(2024, 3, 5))
    assert page.publisher == "Yayasan Demokrasi"
    [document] = page.documents()
    assert document.collection == Collection.get_first_root_node()
    assert not PageViewRestriction.objects.filter(page=page).exists()
    regulation = ResourcePage.objects.get(external_id="R-2")
    assert (regulation.external_url, regulation.published_year, regulation.published_date) == (
        "https://jdih.bantenprov.go.id/",
        2023,
        None,
    )
    assert [found.pk for found in ResourcePage.objects.live().search("sinkronisasiwarga")] == [page.pk]


def test_bad_rows_are_reported_with_their_line_numbers_and_every_reason_and_change_nothing(library, folder):
    write_pdf(folder, "ada.pdf", "Isi.")
    path = write_csv(
        folder,
        [
            row("A", "Baik", files="ada.pdf"),  # line 2
            row("B", "Jenis salah", resource_type="brosur", published="20x4", url="https://example.org"),  # 3
            row("C", "Ringkasan dua baris", summary="Baris satu\nbaris dua.", url="https://example.org"),  # 4-5
            row(
                "D",
                "",
                regions="Serang; Bogor",
                language="fr",
                published="1900",
                url="ftp://example.org/berkas",
                members_only="mungkin",
            ),  # 6
            row("E", "Ganda satu", url="https://example.org"),  # 7
            row("E", "Ganda dua", url="https://example.org"),  # 8
            row("F", "Tanpa berkas"),  # 9
            row("G", "x" * 256, files="hilang.pdf; ada.pdf"),  # 10
        ],
    )

    result = run_import(path)

    assert str(result.error) == "6 rows were rejected"
    known = "modul, sop-pedoman, regulasi, policy-brief, laporan-riset, materi-kampanye, toolkit, video, infografis"
    assert result.stderr.splitlines() == [
        f'line 3: resource_type "brosur" is unknown (known: {known}); published "20x4" is not YYYY or YYYY-MM-DD',
        'line 6: title is missing; region "Serang" is ambiguous (Kabupaten Serang, Kota Serang); '
        'region "Bogor" is unknown; language "fr" is not one of id, en; published "1900" is not between 1945 and '
        f'{timezone.localdate().year + 1}; url "ftp://example.org/berkas" is not a valid http or https address; '
        'members_only "mungkin" is not true or false',
        'line 7: external_id "E" appears more than once (lines 7, 8)',
        'line 8: external_id "E" appears more than once (lines 7, 8)',
        "line 9: neither files nor url is given",
        'line 10: title is longer than 255 characters (256); file "hilang.pdf" does not exist',
    ]
    assert result.stdout.strip() == "2 created, 0 updated, 0 unchanged, 6 rejected"
    assert sorted(ResourcePage.objects.values_list("external_id", flat=True)) == ["A", "C"]
    assert ResourcePage.objects.get(external_id="C").summary == "Baris satu\nbaris dua."
    assert ResourceDocument.objects.count() == 1


def test_a_second_run_updates_the_pages_instead_of_duplicating_them(library, folder):
    write_pdf(folder, "modul.pdf", "Materi modul.")
    rows = [row("M-1", "Modul satu", files="modul.pdf", topics="advokasi"), row("M-2", "Modul dua", url="https://a.id")]
    path = write_csv(folder, rows)
    assert run_import(path).error is None
    page = ResourcePage.objects.get(external_id="M-1")
    revisions = page.revisions.count()

    rows[0] |= {"title": "Modul satu (revisi)", "topics": "kohesi sosial"}
    write_csv(folder, rows)
    result = run_import(path)

    assert result.stdout.strip() == "0 created, 1 updated, 1 unchanged, 0 rejected"
    assert ResourcePage.objects.count() == 2
    page.refresh_from_db()
    assert page.title == "Modul satu (revisi)"
    assert page.slug == "modul-satu"
    assert list(page.tags.names()) == ["kohesi sosial"]
    assert page.revisions.count() == revisions + 1
    assert ResourceDocument.objects.count() == 1  # the same file is not stored again

    again = run_import(path)

    assert again.stdout.strip() == "0 created, 0 updated, 2 unchanged, 0 rejected"
    assert page.revisions.count() == revisions + 1


def test_a_changed_file_replaces_the_pages_document(library, folder):
    write_pdf(folder, "laporan.pdf", "Versi pertama.")
    path = write_csv(folder, [row("L-1", "Laporan", files="laporan.pdf")])
    run_import(path)
    write_pdf(folder, "laporan.pdf", "Versi kedua dengan kataterbaru.")

    result = run_import(path)

    assert result.stdout.strip() == "0 created, 1 updated, 0 unchanged, 0 rejected"
    page = ResourcePage.objects.get(external_id="L-1")
    [document] = page.documents()
    assert "kataterbaru" in document.extracted_text
    assert [found.pk for found in ResourcePage.objects.live().search("kataterbaru")] == [page.pk]


def test_a_dry_run_reports_what_would_change_and_writes_nothing(library, folder, settings):
    write_pdf(folder, "rahasia.pdf", "Isi khusus anggota.")
    rows = [
        row("D-1", "Untuk anggota", files="rahasia.pdf", members_only="ya"),
        row("D-2", "Tautan", url="https://example.org"),
        row("D-3", "Salah", resource_type="brosur", url="https://example.org"),
    ]
    path = write_csv(folder, rows)

    result = run_import(path, "--dry-run")

    assert result.stdout.strip() == "Dry run: 2 created, 0 updated, 0 unchanged, 1 rejected"
    assert result.stderr.startswith('line 4: resource_type "brosur" is unknown')
    assert str(result.error) == "1 row was rejected"
    assert not ResourcePage.objects.exists()
    assert not ResourceDocument.objects.exists()
    assert not Collection.objects.filter(name="Khusus anggota").exists()
    assert media_files(settings) == []

    run_import(path)
    rows[1]["title"] = "Tautan baru"
    write_csv(folder, rows)
    dry = run_import(path, "--dry-run")

    assert dry.stdout.strip() == "Dry run: 0 created, 1 updated, 1 unchanged, 1 rejected"
    assert ResourcePage.objects.get(external_id="D-2").title == "Tautan"


def test_json_lines_are_imported_and_a_broken_line_is_reported(library, folder):
    write_pdf(folder, "toolkit.pdf", "Perangkat kerja.")
    lines = [
        json.dumps(row("J-1", "Dari JSON", topics=["literasi digital", "pemilu"], published=2022, url="https://a.id")),
        "",
        '{"external_id": "J-2", "title": "Rusak"',
        json.dumps(row("J-3", "Anggota", files=["toolkit.pdf"], members_only=True, regions=["Banten"])),
        json.dumps(["bukan", "objek"]),
        json.dumps(row("J-5", "Kolom asing", url="https://a.id", tahun=2020)),
    ]
    path = folder / "sumber.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run_import(path)

    assert result.stderr.splitlines() == [
        "line 3: is not valid JSON (Expecting ',' delimiter at column 40)",
        "line 5: is not a JSON object",
        'line 6: unknown fields "tahun" (known: ' + ", ".join(COLUMNS) + ")",
    ]
    assert result.stdout.strip() == "2 created, 0 updated, 0 unchanged, 3 rejected"
    first = ResourcePage.objects.get(external_id="J-1")
    assert (sorted(first.tags.names()), first.published_year) == (["literasi digital", "pemilu"], 2022)
    members = ResourcePage.objects.get(external_id="J-3")
    assert PageViewRestriction.objects.filter(page=members).exists()
    assert [region.name for region in members.regions.all()] == ["Banten"]


def test_members_only_resources_are_restricted_and_hidden_from_anonymous_visitors(client, library, folder, member):
    write_pdf(folder, "internal.pdf", "Catatan rapat internal.")
    write_pdf(folder, "publik.pdf", "Catatan terbuka.")
    rows = [
        row("K-1", "Catatan internal", files="internal.pdf", members_only="ya"),
        row("K-2", "Catatan publik", files="publik.pdf", members_only="tidak"),
    ]
    path = write_csv(folder, rows)

    assert run_import(path).error is None

    page = ResourcePage.objects.get(external_id="K-1")
    assert PageViewRestriction.objects.get(page=page).restriction_type == PageViewRestriction.LOGIN
    [document] = page.documents()
    assert document.collection.name == "Khusus anggota"
    assert document.collection.get_parent() == Collection.get_first_root_node()
    assert CollectionViewRestriction.objects.get(collection=document.collection).restriction_type == "login"
    listing = client.get(library.url).content.decode()
    assert "Catatan publik" in listing
    assert "Catatan internal" not in listing
    client.force_login(member)
    assert "Catatan internal" in client.get(library.url).content.decode()

    rows[0]["members_only"] = "false"
    write_csv(folder, rows)
    result = run_import(path)

    assert result.stdout.strip() == "0 created, 1 updated, 1 unchanged, 0 rejected"
    assert not PageViewRestriction.objects.filter(page=page).exists()
    document.refresh_from_db()
    assert document.collection == Collection.get_first_root_node()


def test_members_only_documents_go_to_the_collection_given(library, folder, members_collection):
    write_pdf(folder, "a.pdf", "Isi.")
    restricted = Collection.get_first_root_node().add_child(name="Pengurus")
    CollectionViewRestriction.objects.create(collection=restricted, restriction_type=CollectionViewRestriction.LOGIN)
    path = write_csv(folder, [row("C-1", "Catatan", files="a.pdf", members_only="1")])

    assert run_import(path, "--collection", "Pengurus").error is None

    [document] = ResourcePage.objects.get(external_id="C-1").documents()
    assert document.collection == restricted


def test_an_unrestricted_collection_is_refused_for_members_only_documents(library, folder):
    write_pdf(folder, "a.pdf", "Isi.")
    Collection.get_first_root_node().add_child(name="Terbuka")
    path = write_csv(folder, [row("C-1", "Catatan", files="a.pdf", members_only="yes")])

    result = run_import(path, "--collection", "Terbuka")

    assert 'The collection "Terbuka" is not restricted to logged-in users' in str(result.error)
    assert not ResourcePage.objects.exists()


def test_files_outside_the_folder_of_the_import_file_are_rejected(library, folder):
    write_pdf(folder.parent, "secret.pdf", "Rahasia.")
    path = write_csv(
        folder,
        [
            row("P-1", "Naik folder", files="../secret.pdf"),
            row("P-2", "Mutlak", files=str(folder.parent / "secret.pdf")),
            row("P-3", "Di tengah", files="sub/../../secret.pdf"),
        ],
    )

    result = run_import(path)

    assert result.stderr.splitlines() == [
        'line 2: file "../secret.pdf" is outside the folder of the import file',
        f'line 3: file "{folder.parent / "secret.pdf"}" is outside the folder of the import file',
        'line 4: file "sub/../../secret.pdf" is outside the folder of the import file',
    ]
    assert not ResourcePage.objects.exists()
    assert not ResourceDocument.objects.exists()


def test_a_file_larger_than_the_upload_limit_is_rejected(library, folder, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    write_pdf(folder, "besar.pdf", "Kata " * 500)
    path = write_csv(folder, [row("S-1", "Besar", files="besar.pdf")])

    result = run_import(path)

    assert result.stderr.startswith('line 2: file "besar.pdf" is larger than 1000')
    assert not ResourcePage.objects.exists()


def test_a_file_of_a_type_documents_may_not_have_is_rejected(library, folder):
    (folder / "skrip.exe").write_bytes(b"MZ")
    path = write_csv(folder, [row("X-1", "Program", files="skrip.exe")])

    result = run_import(path)

    assert result.stderr.startswith('line 2: file "skrip.exe" is not of an allowed type (allowed: pdf, docx,')
    assert not ResourcePage.objects.exists()


def test_the_good_rows_are_imported_before_the_command_fails_for_the_rejected_ones(library, folder):
    path = write_csv(
        folder,
        [row("G-1", "Baik", url="https://a.id"), row("G-2", "Buruk", language="jv", url="https://a.id")],
    )

    with pytest.raises(CommandError, match="^1 row was rejected$"):
        call_command("import_resources", str(path), stdout=StringIO(), stderr=StringIO())

    assert list(ResourcePage.objects.live().values_list("external_id", flat=True)) == ["G-1"]


def test_an_unexpected_failure_loses_only_its_own_row(library, folder, settings, monkeypatch):
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        write_pdf(folder, name, f"Isi {name}.")
    save_revision = ResourcePage.save_revision

    def failing_save_revision(page, *args, **kwargs):
        if page.external_id == "U-2":
            raise RuntimeError("disk full")
        return save_revision(page, *args, **kwargs)

    monkeypatch.setattr(ResourcePage, "save_revision", failing_save_revision)
    path = write_csv(folder, [row(f"U-{n}", f"Sumber {n}", files=f"{name}.pdf") for n, name in enumerate("abc", 1)])

    result = run_import(path)

    assert result.stderr.splitlines() == ["line 3: could not be imported: disk full"]
    assert str(result.error) == "1 row was rejected"
    assert sorted(ResourcePage.objects.values_list("external_id", flat=True)) == ["U-1", "U-3"]
    assert sorted(ResourceDocument.objects.values_list("title", flat=True)) == ["a", "c"]
    assert sorted(path.name for path in media_files(settings)) == ["a.pdf", "c.pdf"]


def test_without_a_library_the_command_says_so(home, folder):
    path = write_csv(folder, [row("N-1", "Tanpa pustaka", url="https://a.id")])

    with pytest.raises(CommandError, match="There is no resource library in the default language"):
        call_command("import_resources", str(path), stdout=StringIO(), stderr=StringIO())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("sumber.pdf", b"%PDF-1.4", r"is not a CSV \(.csv\), JSON Lines \(.jsonl, .ndjson\) or Excel \(.xlsx\) file"),
        ("sumber.xlsx", b"PK", r"sumber.xlsx is not an Excel workbook \(.xlsx\) that can be read"),
    ],
)
def test_a_file_of_another_format_is_refused(library, folder, name, content, message):
    path = folder / name
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        call_command("import_resources", str(path), stdout=StringIO(), stderr=StringIO())


def test_only_pages_of_the_chosen_library_are_matched(library, home_en, locales, folder, make_resource):
    original = make_resource("Panduan lama", external_id="T-1")
    translation_ = original.copy_for_translation(locales["en"], copy_parents=True)
    translation_.save_revision().publish()
    english_library = translation_.get_parent()
    path = write_csv(folder, [row("T-1", "Panduan baru", url="https://a.id")])

    assert run_import(path).stdout.strip() == "0 created, 1 updated, 0 unchanged, 0 rejected"
    original.refresh_from_db()
    translation_.refresh_from_db()
    assert (original.title, translation_.title) == ("Panduan baru", "Panduan lama")

    assert run_import(path, "--library", str(english_library.pk)).stdout.strip() == (
        "0 created, 1 updated, 0 unchanged, 0 rejected"
    )
    translation_.refresh_from_db()
    assert translation_.title == "Panduan baru"
    assert ResourcePage.objects.count() == 2


def test_a_row_matching_several_pages_of_the_library_is_rejected(library, folder, make_resource):
    make_resource("Salinan satu", external_id="DUP")
    make_resource("Salinan dua", external_id="DUP")
    path = write_csv(folder, [row("DUP", "Yang mana?", url="https://a.id")])

    result = run_import(path)

    assert result.stderr.strip() == 'line 2: external_id "DUP" belongs to 2 pages of the library'
    assert sorted(ResourcePage.objects.values_list("title", flat=True)) == ["Salinan dua", "Salinan satu"]


def test_import_reports_in_indonesian_by_default(library, tmp_path):
    path = tmp_path / "impor.csv"
    path.write_text("external_id,title,summary,resource_type,url\nI-1,Judul,Ringkasan.,modul,https://example.org/\n")
    result = run_import(path, language="id")
    assert result.stdout.strip() == "1 dibuat, 0 diperbarui, 0 tidak berubah, 0 ditolak"
