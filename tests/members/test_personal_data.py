import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertTemplateUsed
from taggit.models import Tag
from wagtail.search.models import IndexEntry

from alumni import consent, erasure
from alumni.claims import send_invitation
from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import (
    AuditLog,
    ClaimInvitation,
    ConsentRecord,
    ErasedPerson,
    HelpOffer,
    Introduction,
    Membership,
    Profile,
    ProfileTag,
    Visibility,
)
from alumni.photos import process_photo, replace_photo
from core import mail as mail_queue
from core.models import OutgoingEmail
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from events.models import Registration
from members.factories import UserFactory
from tests.alumni.test_photos import image_file

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-rahasia-123"
OTHER_MARKER = "Yvotherpersonq8"


@pytest.fixture(autouse=True)
def _default_language():
    translation.activate("id")
    yield
    translation.deactivate()


def introduce(profile, name, status="pending", number=0):
    return Introduction.objects.create(
        recipient=profile,
        sender_name=name,
        sender_email=f"{name.split()[0].lower()}@lsm.example",
        sender_organisation="LSM Contoh",
        purpose="Pelatihan deteksi dini",
        message="Mohon bantuan",
        status=status,
        token_hash=f"{name[:10]}{number}".ljust(64, "0"),
    )


@pytest.fixture
def owner():
    return UserFactory(member=True, email="ahmad@example.org")


@pytest.fixture
def mine(owner):
    profile = ProfileFactory(
        user=owner,
        full_name="Ahmad Fauzi",
        email="ahmad@example.org",
        phone="+62 811 111",
        bio="Mediator dialog warga",
        visible=Visibility.PUBLIC,
        topics=["kohesi sosial"],
        help_types=["mediator"],
        organisations=[OrganisationFactory(name="Paguyuban Ahmad")],
    )
    profile.cohorts.add(CohortFactory(name="Angkatan 2024"))
    replace_photo(profile, process_photo(image_file()))
    profile.save()
    consent.record(profile, ConsentRecord.Action.GIVEN)
    ClaimInvitation.objects.create(
        profile=profile, token_hash="c" * 64, sent_to="ahmad@example.org", expires_at=profile.created_at
    )
    introduce(profile, "Rahmat Hidayat", status="accepted")
    introduce(profile, "Wati Pending", number=1)
    return profile


@pytest.fixture
def someone_else():
    """Another person whose every field carries OTHER_MARKER, with the same kinds of related rows."""
    other_user = UserFactory(member=True, email=f"{OTHER_MARKER}@example.org")
    other = ProfileFactory(
        user=other_user,
        full_name=f"Orang {OTHER_MARKER}",
        bio=f"Bio {OTHER_MARKER}",
        email=f"{OTHER_MARKER}@example.org",
        visible=Visibility.PUBLIC,
        organisations=[OrganisationFactory(name=f"Lembaga {OTHER_MARKER}")],
    )
    consent.record(other, ConsentRecord.Action.GIVEN, choices={"note": OTHER_MARKER})
    introduce(other, f"Pengirim {OTHER_MARKER}", number=2)
    return other


@pytest.fixture
def logged_in(owner):
    client = Client()
    client.force_login(owner)
    return client


def test_download_my_data_is_a_json_attachment_of_everything_about_me(logged_in, mine, someone_else):
    assert logged_in.get(reverse("members:data_export")).status_code == 405
    response = logged_in.post(reverse("members:data_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="data-saya-')
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    profile = data["profile"]
    assert data["account"]["email"] == "ahmad@example.org" and data["account"]["verified_member"] is True
    assert profile["full_name"] == "Ahmad Fauzi" and profile["phone"] == "+62 811 111"
    assert profile["visibility"] == "public" and profile["consent_given_at"]
    assert profile["cohorts"][0]["name"] == "Angkatan 2024"
    assert profile["organisations"] == [{"name": "Paguyuban Ahmad", "role": "Anggota"}]
    assert profile["topics"] == ["kohesi sosial"] and profile["help_offered"] == ["mediator"]
    assert profile["photo"]["content_type"] == "image/jpeg" and profile["photo"]["base64"]
    assert [record["action"] for record in profile["consent_history"]] == ["given"]
    senders = {intro["sender_name"]: intro for intro in profile["introductions_received"]}
    assert senders["Rahmat Hidayat"]["sender_email"] == "rahmat@lsm.example"
    assert senders["Wati Pending"]["status"] == "pending"
    assert senders["Wati Pending"]["sender_email"] == ""  # shared only once the alumnus accepts
    assert profile["claim_invitations"][0]["sent_to"] == "ahmad@example.org"


def test_my_data_contains_nothing_about_anyone_else_and_no_password_hash(logged_in, mine, someone_else, owner):
    content = logged_in.post(reverse("members:data_export")).content.decode()
    assert OTHER_MARKER not in content
    assert OTHER_MARKER.lower() not in content.lower()
    assert owner.password not in content
    assert "password" not in content
    assert "token" not in content


def test_data_export_needs_login(client):
    response = client.post(reverse("members:data_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))


def index_entries(profile_pk):
    content_type = ContentType.objects.get_for_model(Profile)
    return IndexEntry.objects.filter(content_type=content_type, object_id=str(profile_pk))


def test_deleting_my_account_needs_my_password(logged_in, mine, owner):
    response = logged_in.post(reverse("members:account_delete"), {"password": "bukan-sandi"})
    assert response.status_code == 400
    assert Profile.objects.filter(pk=mine.pk).exists()
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_deleting_my_account_removes_rows_photo_file_index_entries_and_the_login(
    logged_in, mine, owner, someone_else, settings
):
    photo_path = settings.MEDIA_ROOT / mine.photo.name
    assert photo_path.exists()
    assert index_entries(mine.pk).exists()
    assert index_entries(someone_else.pk).exists()
    pk = mine.pk
    AuditLog.objects.create(action=AuditLog.Action.VIEW, detail="Ahmad Fauzi", profile=mine)

    assert logged_in.get(reverse("members:account_delete")).status_code == 200
    response = logged_in.post(reverse("members:account_delete"), {"password": PASSWORD})
    assert response.status_code == 200
    assertTemplateUsed(response, "members/account_deleted.html")

    assert not Profile.objects.filter(pk=pk).exists()
    assert not Tag.objects.filter(name="kohesi sosial").exists()  # no one else used it
    assert not AuditLog.objects.filter(detail__contains="Ahmad").exists()
    for model in [Membership, HelpOffer, ConsentRecord, ClaimInvitation]:
        assert not model.objects.filter(profile_id=pk).exists(), model
    assert not ProfileTag.objects.filter(content_object_id=pk).exists()
    assert not Introduction.objects.filter(recipient_id=pk).exists()
    assert not photo_path.exists()
    assert not index_entries(pk).exists()
    assert not get_user_model().objects.filter(pk=owner.pk).exists()
    login_again = Client()
    login_again.post(reverse("members:login"), {"username": "ahmad@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in login_again.session
    assert logged_in.get(reverse("alumni:my_profile")).status_code == 302  # logged out

    someone_else.refresh_from_db()
    assert someone_else.memberships.exists() and someone_else.consent_records.exists()
    assert Introduction.objects.filter(recipient=someone_else).exists()
    assert index_entries(someone_else.pk).exists()


def test_staff_accounts_are_not_deleted_from_the_site(client):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    response = client.post(reverse("members:account_delete"), {"password": PASSWORD})
    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=staff.pk).exists()


def test_my_event_registrations_are_in_my_data_and_others_are_not(logged_in, mine, home):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Lokakarya kohesi sosial")
    RegistrationFactory(event=event, name="Ahmad Fauzi", email="AHMAD@example.org", status="confirmed")
    RegistrationFactory(event=event, name=f"Peserta {OTHER_MARKER}", email=f"{OTHER_MARKER}@example.org")
    data = json.loads(logged_in.post(reverse("members:data_export")).content)
    assert [(r["event"], r["name"], r["status"]) for r in data["event_registrations"]] == [
        ("Lokakarya kohesi sosial", "Ahmad Fauzi", "confirmed")
    ]
    assert OTHER_MARKER not in json.dumps(data)


def test_the_e_mails_sent_to_me_are_in_my_data_without_their_links_and_go_with_my_account(logged_in, owner):
    mail_queue.send(owner.email, "members/email/email_changed", {"name": "Ahmad", "when": timezone.now()})
    mail_queue.send("orang.lain@example.org", "members/email/email_changed", {"name": "Lain", "when": timezone.now()})

    data = json.loads(logged_in.post(reverse("members:data_export")).content)
    assert [(email["to"], email["status"]) for email in data["emails"]] == [(owner.email, "sent")]
    assert set(data["emails"][0]) == {"to", "subject", "status", "queued_at", "sent_at"}

    logged_in.post(reverse("members:account_delete"), {"password": PASSWORD})
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["orang.lain@example.org"]


def test_the_e_mail_to_my_old_address_after_a_change_is_mine_too(logged_in, owner):
    mail_queue.send(
        "lama@example.org", "members/email/email_changed", {"name": "A", "when": timezone.now()}, account=owner
    )
    data = json.loads(logged_in.post(reverse("members:data_export")).content)
    assert [email["to"] for email in data["emails"]] == ["lama@example.org"]
    logged_in.post(reverse("members:account_delete"), {"password": PASSWORD})
    assert not OutgoingEmail.objects.exists()


# --- Durable erasure (issue 11, finding 7) ---------------------------------------------------------------------------


def _event(home):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), capacity=10)
    event.save_revision().publish()
    return event


def _registrations(event):
    confirmed = RegistrationFactory(
        event=event,
        name="Ahmad Fauzi",
        email="AHMAD@example.org",
        phone="+62 811 111",
        organisation="Paguyuban Ahmad",
        accessibility_needs="Kursi roda",
        status="confirmed",
    )
    pending = RegistrationFactory(event=event, name="Ahmad Fauzi", email="ahmad@example.org", status="cancelled")
    other = RegistrationFactory(event=event, name="Orang Lain", email="lain@example.org", status="confirmed")
    return confirmed, pending, other


def _roster(tmp_path, *rows):
    path = tmp_path / "roster.csv"
    lines = ["external_id,full_name,email,organisation", *rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_deleting_my_account_anonymises_my_registrations_and_remembers_me_only_by_keyed_hashes(
    logged_in, mine, owner, home
):
    mine.external_id = "SD-2024-007"
    mine.save()
    event = _event(home)
    confirmed, cancelled, other = _registrations(event)
    sent = introduce(ProfileFactory(visible=Visibility.PUBLIC), "Ahmad Fauzi", number=9)
    assert sent.sender_email == "ahmad@lsm.example"
    Introduction.objects.filter(pk=sent.pk).update(sender_email="Ahmad@example.org")
    seats_before = event.registrations.filter(status="confirmed").count()

    response = logged_in.post(reverse("members:account_delete"), {"password": PASSWORD})
    assert response.status_code == 200

    confirmed.refresh_from_db()
    assert event.registrations.filter(status="confirmed").count() == seats_before  # the seat stays taken
    kept = [confirmed.name, confirmed.email, confirmed.phone, confirmed.organisation, confirmed.accessibility_needs]
    assert not any("Ahmad" in value or "ahmad" in value or "811" in value or "Kursi" in value for value in kept)
    assert not Registration.objects.filter(pk=cancelled.pk).exists()
    assert Registration.objects.get(pk=other.pk).name == "Orang Lain"
    assert not Introduction.objects.filter(sender_email__iexact="ahmad@example.org").exists()

    records = list(ErasedPerson.objects.values_list("kind", "digest"))
    assert {kind for kind, _digest in records} == {"email", "external_id"}
    stored = " ".join(digest for _kind, digest in records)
    assert "ahmad" not in stored.lower() and "SD-2024" not in stored
    assert erasure.was_erased(email=" Ahmad@Example.org ")
    assert erasure.was_erased(external_id="sd-2024-007")
    assert not erasure.was_erased(email="lain@example.org", external_id="SD-2024-008")


def test_a_roster_reimport_reports_an_erased_person_with_the_line_and_creates_nothing(logged_in, mine, owner, tmp_path):
    mine.external_id = "SD-2024-007"
    mine.save()
    logged_in.post(reverse("members:account_delete"), {"password": PASSWORD})
    path = _roster(
        tmp_path,
        "SD-2024-007,Ahmad Fauzi,ahmad@example.org,Paguyuban Ahmad",
        "SD-2024-099,Nama Lain,AHMAD@example.org,",  # the same person under another roster id
        "SD-2024-100,Baru Saja,baru@example.org,",
    )
    stdout = StringIO()
    with translation.override("en"):
        call_command("import_alumni", str(path), "--verbosity", "2", stdout=stdout)

    report = stdout.getvalue()
    assert "line 2: SD-2024-007 erased at the person's request" in report
    assert "line 3: SD-2024-099 erased at the person's request" in report
    assert "2 erased at the person's request" in report
    assert list(Profile.objects.values_list("external_id", flat=True)) == ["SD-2024-100"]
    assert not Profile.objects.filter(full_name__icontains="Ahmad").exists()


def test_staff_deleting_a_profile_erases_the_person_and_a_reimport_does_not_bring_them_back(client, home, tmp_path):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    profile = ProfileFactory(full_name="Ahmad Fauzi", email="ahmad@example.org", external_id="SD-2024-007")
    event = _event(home)
    confirmed, _cancelled, _other = _registrations(event)
    token = confirmed.issue_token()  # the link in the confirmation e-mail
    send_invitation(profile)
    assert mail_queue.emails_to(["ahmad@example.org"]).exists()

    url = reverse("wagtailsnippets_alumni_profile:delete", args=[profile.pk])
    assert client.post(url).status_code == 302

    assert not Registration.find_by_token(token).exists()  # the e-mailed links stop working
    assert not mail_queue.emails_to(["ahmad@example.org"]).exists()  # the e-mail log no longer holds the address

    assert not Profile.objects.filter(pk=profile.pk).exists()
    confirmed.refresh_from_db()
    assert confirmed.status == "confirmed" and "Ahmad" not in confirmed.name and confirmed.phone == ""
    assert erasure.was_erased(external_id="SD-2024-007")

    stdout = StringIO()
    with translation.override("en"):
        call_command("import_alumni", str(_roster(tmp_path, "SD-2024-007,Ahmad Fauzi,,")), stdout=stdout)
    assert "1 erased at the person's request" in stdout.getvalue()
    assert not Profile.objects.exists()


def test_the_profile_bulk_delete_erases_each_person(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    first = ProfileFactory(external_id="A-1")
    second = ProfileFactory(external_id="A-2")
    url = reverse("wagtail_bulk_action", args=["alumni", "profile", "delete"])
    response = client.post(f"{url}?id={first.pk}&id={second.pk}")
    assert response.status_code == 302
    assert not Profile.objects.exists()
    assert erasure.was_erased(external_id="A-1") and erasure.was_erased(external_id="A-2")


def test_deleting_an_account_in_wagtails_users_admin_erases_what_the_apps_hold(client, mine, owner, home):
    """Staff deleting the account in the admin's Users list erases like "delete my account": profile, registrations
    (the confirmed one anonymised), and a suppression record for a later roster import."""
    event = _event(home)
    confirmed, cancelled, _other = _registrations(event)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    url = reverse("wagtailusers_users:delete", args=[owner.pk])
    assert client.get(url).status_code == 200
    assert Profile.objects.filter(pk=mine.pk).exists()  # opening the confirmation erases nothing
    assert client.post(url).status_code == 302

    assert not get_user_model().objects.filter(pk=owner.pk).exists()
    assert not Profile.objects.filter(pk=mine.pk).exists()
    confirmed.refresh_from_db()
    assert "Ahmad" not in confirmed.name and confirmed.phone == ""
    assert not Registration.objects.filter(pk=cancelled.pk).exists()
    assert erasure.was_erased(email="ahmad@example.org")
