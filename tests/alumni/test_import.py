import csv
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from taggit.models import Tag

from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import AuditLog, Cohort, Membership, Organisation, Profile, Visibility
from core.factories import region
from members.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_ORGANISATION = " 1 new organisation, unpublished until staff publish it."

COLUMNS = [
    "external_id",
    "full_name",
    "email",
    "cohort",
    "year",
    "regency",
    "province",
    "sector",
    "organisation",
    "topics",
]


@dataclass
class Run:
    stdout: str
    stderr: str
    error: CommandError | None


def run_import(path, *args):
    stdout, stderr = StringIO(), StringIO()
    # The assertions read the English messages, whatever the site's default language.
    with translation.override("en"):
        try:
            call_command("import_alumni", str(path), *args, stdout=stdout, stderr=stderr)
        except CommandError as error:
            return Run(stdout.getvalue(), stderr.getvalue(), error)
    return Run(stdout.getvalue(), stderr.getvalue(), None)


def row(external_id, full_name, **values):
    return {"external_id": external_id, "full_name": full_name} | values


def write_csv(tmp_path, rows, delimiter=",", encoding="utf-8", name="roster.csv"):
    path = tmp_path / name
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def counts():
    return (
        Profile.objects.count(),
        Cohort.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
        Tag.objects.count(),
    )


def test_rows_become_hidden_unclaimed_profiles_with_cohorts_organisations_regions_and_topics(tmp_path):
    Tag.objects.create(name="deteksi dini", slug="deteksi-dini")
    existing = OrganisationFactory(name="Lembaga Kohesi Banten")
    path = write_csv(
        tmp_path,
        [
            row(
                "SD-001",
                "Siti  Rahmawati",
                email="siti@example.org",
                cohort="Sekolah Demokrasi Hybrid 2023",
                year="2023",
                regency="Kab. Lebak",
                sector="CSO/NGO",
                organisation="lembaga kohesi banten",
                topics="Deteksi dini; kohesi sosial;",
            ),
            row(
                "SD-002",
                "Ahmad Fauzi",
                cohort="Sekolah Demokrasi Hybrid 2023",
                year="2023",
                regency="KOTA  SERANG",
                province="Provinsi Banten",
                sector="government",
                organisation="Forum Lintas Iman Cilegon",
            ),
            row("SD-003", "Dewi Lestari", regency="Tangerang Selatan", sector="Local government"),
        ],
        delimiter=";",
        encoding="utf-8-sig",  # as Excel writes "CSV UTF-8" in an Indonesian locale
    )

    result = run_import(path)

    assert result.error is None, result.stderr
    assert result.stdout.strip() == "3 created, 0 updated, 0 unchanged, 0 rejected." + NEW_ORGANISATION
    siti = Profile.objects.get(external_id="SD-001")
    assert (siti.full_name, siti.display_name, siti.email) == ("Siti Rahmawati", "Siti Rahmawati", "siti@example.org")
    assert (siti.visibility, siti.consent_given_at, siti.user) == (Visibility.HIDDEN, None, None)
    assert not siti.accepts_introductions and not siti.open_to_collaborate
    assert (siti.regency.name, siti.province.name, siti.sector) == ("Kabupaten Lebak", "Banten", "cso")
    assert sorted(siti.topics.names()) == ["deteksi dini", "kohesi sosial"]
    [cohort] = siti.cohorts.all()
    assert (cohort.name, cohort.year) == ("Sekolah Demokrasi Hybrid 2023", 2023)
    assert [m.organisation for m in siti.memberships.all()] == [existing]
    ahmad = Profile.objects.get(external_id="SD-002")
    assert list(ahmad.cohorts.all()) == [cohort]
    assert (ahmad.regency.name, ahmad.sector) == ("Kota Serang", "government")
    assert ahmad.memberships.get().organisation.name == "Forum Lintas Iman Cilegon"
    dewi = Profile.objects.get(external_id="SD-003")
    assert (dewi.regency.name, dewi.sector) == ("Kota Tangerang Selatan", "government")
    assert Cohort.objects.count() == 1
    assert Organisation.objects.count() == 2


def test_bad_rows_are_reported_with_their_line_numbers_and_every_reason_and_change_nothing(tmp_path):
    next_year = timezone.localdate().year + 1
    path = write_csv(
        tmp_path,
        [
            row("A-1", "Baik Sekali", cohort="Angkatan Baru", year="2024", organisation="Organisasi Baru"),  # 2
            row("A-2", "", email="bukan-alamat", regency="Serang", sector="petani"),  # 3
            row("A-3", "Tahun Salah", cohort="Angkatan X", year="dua ribu", regency="Bogor"),  # 4
            row("A-4", "Tahun Saja", year="2023", regency="Kabupaten Lebak", province="Jawa Barat"),  # 5
            row("", "Tanpa Id"),  # 6
            row("A-5", "Ganda Satu"),  # 7
            row("A-5", "Ganda Dua"),  # 8
            row("A-6", "x" * 151, topics="t" * 101),  # 9
        ],
    )

    result = run_import(path)

    assert str(result.error) == "7 rows were rejected"
    assert result.stderr.splitlines() == [
        'line 3: full_name is missing; email "bukan-alamat" is not a valid e-mail address; '
        'regency "Serang" is ambiguous (Kabupaten Serang, Kota Serang); sector "petani" is unknown (known: '
        "government, ormas, minority, interfaith, cso, academic, media, religious_leader, other)",
        f'line 4: year "dua ribu" is not a year between 2000 and {next_year}; regency "Bogor" is unknown',
        'line 5: year is given without a cohort; regency "Kabupaten Lebak" is not in province "Jawa Barat"',
        "line 6: external_id is missing",
        'line 7: external_id "A-5" appears more than once (lines 7, 8)',
        'line 8: external_id "A-5" appears more than once (lines 7, 8)',
        'line 9: full_name is longer than 150 characters (151); topic "' + "t" * 101 + '" is longer than 100 '
        "characters",
    ]
    assert result.stdout.strip() == "1 created, 0 updated, 0 unchanged, 7 rejected." + NEW_ORGANISATION
    assert list(Profile.objects.values_list("external_id", flat=True)) == ["A-1"]
    assert list(Cohort.objects.values_list("name", flat=True)) == ["Angkatan Baru"]
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Organisasi Baru"]


def test_a_second_run_changes_nothing_and_duplicates_nothing(tmp_path):
    rows = [
        row("R-1", "Rina", cohort="SD 2024", year="2024", regency="Lebak", organisation="LSM A", topics="pemilu"),
        row("R-2", "Rudi", cohort="SD 2024", year="2024", sector="Media", organisation="LSM A"),
    ]
    path = write_csv(tmp_path, rows)
    assert run_import(path).error is None
    before = counts()

    again = run_import(path)

    assert again.error is None
    assert again.stdout.strip() == "0 created, 0 updated, 2 unchanged, 0 rejected"
    assert counts() == before == (2, 1, 1, 2, 1)


def test_a_changed_roster_updates_unclaimed_profiles_and_adds_cohorts_without_removing_any(tmp_path):
    path = write_csv(tmp_path, [row("U-1", "Nama Lama", email="lama@example.org", cohort="SD 2023", year="2023")])
    run_import(path)
    profile = Profile.objects.get(external_id="U-1")
    staff_cohort = CohortFactory(name="Pelatihan lanjutan")
    profile.cohorts.add(staff_cohort)
    profile.save()

    write_csv(tmp_path, [row("U-1", "Nama Baru", email="", cohort="SD 2024", year="2024", sector="media")])
    result = run_import(path)

    assert result.stdout.strip() == "0 created, 1 updated, 0 unchanged, 0 rejected"
    profile.refresh_from_db()
    assert (profile.full_name, profile.display_name, profile.sector) == ("Nama Baru", "Nama Baru", "media")
    assert profile.email == "lama@example.org"  # an empty cell leaves the field as it is
    assert sorted(cohort.name for cohort in profile.cohorts.all()) == ["Pelatihan lanjutan", "SD 2023", "SD 2024"]
    assert profile.visibility == Visibility.HIDDEN


def test_a_claimed_profile_keeps_what_its_owner_manages_and_only_gains_the_cohort(tmp_path):
    owner = UserFactory()
    profile = ProfileFactory(
        external_id="C-1",
        full_name="Nama Pilihan Sendiri",
        email="pilihan@example.org",
        sector="interfaith",
        regency=region("Kabupaten Pandeglang"),
        user=owner,
        visible=Visibility.PUBLIC,
        topics=["dialog"],
    )
    path = write_csv(
        tmp_path,
        [
            row(
                "C-1",
                "Nama Di Roster",
                email="roster@example.org",
                cohort="SD 2023",
                year="2023",
                regency="Lebak",
                sector="ormas",
                organisation="Ormas Roster",
                topics="pemilu",
            )
        ],
    )

    result = run_import(path)

    assert result.stdout.strip() == "0 created, 1 updated, 0 unchanged, 0 rejected"
    profile.refresh_from_db()
    assert (profile.full_name, profile.email, profile.sector) == (
        "Nama Pilihan Sendiri",
        "pilihan@example.org",
        "interfaith",
    )
    assert profile.regency.name == "Kabupaten Pandeglang"
    assert list(profile.topics.names()) == ["dialog"]
    assert not profile.memberships.exists()
    assert [cohort.name for cohort in profile.cohorts.all()] == ["SD 2023"]
    assert (profile.visibility, profile.user) == (Visibility.PUBLIC, owner)
    assert run_import(path).stdout.strip() == "0 created, 0 updated, 1 unchanged, 0 rejected"


def test_a_dry_run_reports_what_would_change_and_writes_nothing(tmp_path):
    rows = [
        row("D-1", "Satu", cohort="SD 2025", year="2025", organisation="Baru", topics="topik baru"),
        row("D-2", "Dua", sector="entah"),
    ]
    path = write_csv(tmp_path, rows)

    result = run_import(path, "--dry-run")

    assert result.stdout.strip() == "Dry run: 1 created, 0 updated, 0 unchanged, 1 rejected." + NEW_ORGANISATION
    assert result.stderr.startswith('line 3: sector "entah" is unknown')
    assert str(result.error) == "1 row was rejected"
    assert counts() == (0, 0, 0, 0, 0)
    assert not AuditLog.objects.exists()

    run_import(path)
    before = counts()
    rows[0]["full_name"] = "Satu Baru"
    write_csv(tmp_path, rows)

    dry = run_import(path, "--dry-run")

    assert dry.stdout.strip() == "Dry run: 0 created, 1 updated, 0 unchanged, 1 rejected"
    assert Profile.objects.get(external_id="D-1").full_name == "Satu"
    assert counts() == before


def test_a_real_import_is_written_to_the_audit_log(tmp_path):
    path = write_csv(tmp_path, [row("L-1", "Satu"), row("L-2", "Dua", sector="x")])

    run_import(path)

    [entry] = AuditLog.objects.all()
    assert entry.action == AuditLog.Action.IMPORT
    assert entry.detail == f"{path}: 1 created, 0 updated, 0 unchanged, 1 rejected"


def test_a_quoted_name_over_two_lines_keeps_the_line_numbers_right(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text('external_id,full_name,sector\nQ-1,"Nama\nDua Baris",cso\nQ-2,Nama,salah\n', encoding="utf-8")

    result = run_import(path)

    assert result.stderr.strip() == 'line 4: sector "salah" is unknown (known: ' + (
        "government, ormas, minority, interfaith, cso, academic, media, religious_leader, other)"
    )
    assert Profile.objects.get(external_id="Q-1").full_name == "Nama Dua Baris"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"external_id,full_name\nX,Nama \xe9\n", "roster.csv is not UTF-8 text (line 2)"),
        (b"id,nama,full_name\nX,Y,Z\n", 'roster.csv is wrong: unknown columns "id", "nama"'),
        (b"external_id;email\nX;a@b.id\n", "roster.csv is wrong: missing columns full_name."),
        (b"\n\n", "roster.csv is empty."),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_as_a_whole(tmp_path, content, message):
    path = tmp_path / "roster.csv"
    path.write_bytes(content)

    result = run_import(path)

    assert message in str(result.error)
    assert not Profile.objects.exists()


def test_a_missing_file_is_reported(tmp_path):
    assert "cannot be read" in str(run_import(tmp_path / "tidak-ada.csv").error)
