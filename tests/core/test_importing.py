"""The one import framework: the same table read from CSV (comma or semicolon), JSON Lines and Excel, with the
same line numbers; and both importers taking every format, in the command and in the admin."""

import datetime
import io
import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from alumni.models import Profile
from core.importing import TableError, read_table
from members.factories import UserFactory
from resources.factories import ResourceLibraryPageFactory
from resources.models import ResourcePage

COLUMNS = ("external_id", "full_name", "year")
ROWS = [["A-1", "Siti Rahmawati", 2024], ["A-2", "Budi Santoso", ""]]


def xlsx(rows, header=COLUMNS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    sheet.append([])  # an empty row: skipped, but still counted as a line
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def tables():
    comma = "external_id,full_name,year\n\nA-1,Siti Rahmawati,2024\nA-2,Budi Santoso,\n"
    return {
        "roster.csv": comma.encode(),
        "roster-semicolon.csv": comma.replace(",", ";").encode("utf-8-sig"),
        "roster.jsonl": (
            b'{"external_id": "A-1", "full_name": "Siti Rahmawati", "year": 2024}\n\n'
            b'{"external_id": "A-2", "full_name": "Budi Santoso"}\n'
        ),
        "roster.xlsx": xlsx(ROWS),
    }


@pytest.mark.parametrize("name", list(tables()))
def test_every_format_gives_the_same_rows_with_their_line_numbers(name):
    records = read_table(tables()[name], name, COLUMNS, ("external_id", "full_name"))
    values = [(record.line, str(record.values["external_id"]), record.values["full_name"]) for record in records]
    # A header line comes first, except in JSON Lines; the empty line is skipped but counted.
    lines = (1, 3) if name.endswith(".jsonl") else (3, 4)
    assert values == [(lines[0], "A-1", "Siti Rahmawati"), (lines[1], "A-2", "Budi Santoso")]
    assert str(records[0].values["year"]) == "2024"  # a spreadsheet number, not "2024.0"


def test_spreadsheet_dates_read_as_iso_dates():
    [record] = read_table(xlsx([["R-1", "Laporan", datetime.date(2024, 11, 4)]]), "r.xlsx", COLUMNS, ())
    assert record.values["year"] == "2024-11-04"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("roster.pdf", b"%PDF", "roster.pdf is not a CSV (.csv), JSON Lines (.jsonl, .ndjson) or Excel (.xlsx) file."),
        ("roster.xlsx", b"PK\x03\x04 rusak", "roster.xlsx is not an Excel workbook (.xlsx) that can be read."),
        ("roster.xlsx", xlsx([], header=()), "roster.xlsx is empty."),
        ("roster.xlsx", xlsx([], header=("nama",)), 'The header of roster.xlsx is wrong: unknown columns "nama"'),
        ("roster.jsonl", b"\n \n", "roster.jsonl is empty."),
        ("roster.csv", b"x" * (2**20 + 1), "roster.csv is larger than 1 MB."),
    ],
)
def test_a_table_that_cannot_be_read_says_why_naming_the_file(name, data, message):
    with translation.override("en"), pytest.raises(TableError) as error:
        read_table(data, name, COLUMNS, ("external_id",), max_bytes=2**20)
    assert message in str(error.value)


@pytest.mark.django_db
def test_the_roster_command_imports_a_spreadsheet_and_reports_a_bad_row_by_its_sheet_row(tmp_path):
    path = tmp_path / "angkatan.xlsx"
    path.write_bytes(
        xlsx([["X-1", "Siti Rahmawati", ""], ["X-2", "", ""]], header=("external_id", "full_name", "email"))
    )
    stdout, stderr = StringIO(), StringIO()
    with translation.override("en"), pytest.raises(Exception, match="1 row was rejected"):
        call_command("import_alumni", str(path), stdout=stdout, stderr=stderr)
    assert stderr.getvalue().strip() == "line 4: full_name is missing"
    assert list(Profile.objects.values_list("external_id", flat=True)) == ["X-1"]


@pytest.mark.django_db
def test_the_roster_command_reads_json_lines(tmp_path):
    path = tmp_path / "angkatan.jsonl"
    path.write_text(json.dumps({"external_id": "J-1", "full_name": "Dewi Lestari", "topics": ["deteksi dini"]}))
    call_command("import_alumni", str(path), stdout=StringIO(), stderr=StringIO())
    profile = Profile.objects.get(external_id="J-1")
    assert [tag.name for tag in profile.topics.all()] == ["deteksi dini"]


@pytest.mark.django_db
def test_editors_import_resources_from_a_spreadsheet_in_the_admin_after_a_dry_run(client, home, admin_user):
    library = ResourceLibraryPageFactory(parent=home)
    client.force_login(admin_user)
    header = ("external_id", "title", "summary", "resource_type", "url", "files")
    rows = [
        ["W-1", "Panduan deteksi dini", "Ringkasan.", "modul", "https://example.org/panduan", ""],
        ["W-2", "Dengan berkas", "Ringkasan.", "modul", "", "panduan.pdf"],
    ]
    upload = SimpleUploadedFile("sumber.xlsx", xlsx(rows, header=header))
    url = reverse("resources_import:import")

    with translation.override("en"):
        checked = client.post(url, {"file": upload}, HTTP_ACCEPT_LANGUAGE="en")
    result = checked.context["result"]
    assert checked.status_code == 200 and result.dry_run and not ResourcePage.objects.exists()
    assert (result.created, result.rejected) == (1, 1)
    assert [error.line for error in result.errors] == [4]
    assert (
        "manage.py import_resources" in str(result.errors[0])
        and "manage.py import_resources" in checked.content.decode()
    )

    data = checked.context["confirm_form"]["data"].value()
    done = client.post(url, {"data": data, "name": "sumber.xlsx", "confirm": "1"})
    assert done.status_code == 200
    [resource] = ResourcePage.objects.child_of(library)
    assert (resource.title, resource.external_url, resource.live) == (
        "Panduan deteksi dini",
        "https://example.org/panduan",
        True,
    )


@pytest.mark.django_db
def test_the_resource_import_is_refused_to_accounts_that_cannot_publish_in_the_library(client, home):
    ResourceLibraryPageFactory(parent=home)
    client.force_login(UserFactory(member=True))
    assert client.get(reverse("resources_import:import")).status_code in {302, 403}


def test_a_workbook_claiming_a_million_rows_with_a_stray_cell_far_down_is_read_at_once():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append(["A-1", "Siti Rahmawati", 2024])
    sheet["XFD1048576"] = "x"  # a stray cell in the last cell of the sheet
    buffer = io.BytesIO()
    workbook.save(buffer)
    records = read_table(buffer.getvalue(), "besar.xlsx", COLUMNS, ("external_id",))
    assert [record.values["external_id"] for record in records] == ["A-1"]


def test_a_row_after_a_long_gap_in_a_spreadsheet_is_still_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append(["A-1", "Siti Rahmawati", 2024])
    sheet["A1502"], sheet["B1502"] = "A-2", "Budi Santoso"
    buffer = io.BytesIO()
    workbook.save(buffer)
    records = read_table(buffer.getvalue(), "celah.xlsx", COLUMNS, ("external_id",))
    assert [(record.line, record.values["external_id"]) for record in records] == [(2, "A-1"), (1502, "A-2")]
