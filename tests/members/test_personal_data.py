import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertTemplateUsed
from taggit.models import Tag
from wagtail.search.models import IndexEntry

from alumni import consent
from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import (
    AuditLog,
    ClaimInvitation,
    ConsentRecord,
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
