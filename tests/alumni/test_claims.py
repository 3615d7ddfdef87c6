import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from pytest_django.asserts import assertTemplateUsed

from alumni.claims import InvitationError, create_invitation, hash_token, send_invitation
from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import ClaimInvitation, ConsentRecord, Profile, Visibility
from alumni.policy import visible_profiles
from core.access import is_member
from core.factories import region
from members.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "kopi-tubruk-pandeglang-77"


def claim_data(**overrides):
    data = {
        "password1": PASSWORD,
        "password2": PASSWORD,
        "visibility": "members",
        "photo_audience": "nobody",
        "email_audience": "members",
        "phone_audience": "nobody",
        "social_audience": "public",
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def imported():
    profile = ProfileFactory(
        full_name="Siti Rahmawati",
        email="siti.rahma@example.org",
        regency=region("Kabupaten Lebak"),
        topics=["deteksi dini"],
        organisations=[OrganisationFactory(name="Forum Lintas Iman Lebak")],
    )
    profile.cohorts.add(CohortFactory(name="Angkatan 2023", year=2023))
    profile.save()
    return profile


def link_of(message):
    return re.search(r"https?://\S+/klaim/\S+/", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


UNAVAILABLE = "alumni/account/claim_unavailable.html"  # the one page for every link that does not work


def test_invitation_stores_only_a_hash_of_the_token_and_expires_after_the_configured_days(imported, settings):
    settings.ALUMNI_CLAIM_LINK_DAYS = 10
    invitation, url = create_invitation(imported)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert invitation.token_hash == hash_token(token)
    assert not ClaimInvitation.objects.filter(token_hash=token).exists()
    assert token not in str(ClaimInvitation.objects.values_list().get())
    assert invitation.expires_at - invitation.created_at == timedelta(days=10)
    assert url.startswith("http://testserver/alumni/klaim/")


def test_send_invitation_emails_the_link_in_indonesian_with_a_text_and_html_version(imported):
    invitation = send_invitation(imported)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["siti.rahma@example.org"]
    assert message.subject.startswith("[Jejaring Sekolah Demokrasi] ")
    assert "Siti Rahmawati" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert link_of(message) in html
    assert "/en/" not in link_of(message)
    assert invitation.sent_to == "siti.rahma@example.org"


def test_send_invitation_can_write_in_english_with_an_english_link(imported):
    send_invitation(imported, language="en")
    message = mail.outbox[0]
    assert "/en/alumni/klaim/" in link_of(message)
    assert "Claim your profile" in message.subject


def test_a_new_invitation_voids_the_older_unused_links(imported, client):
    _old, old_url = create_invitation(imported)
    _new, new_url = create_invitation(imported)
    assert client.get(path_of(old_url)).status_code == 410
    assert client.get(path_of(new_url)).status_code == 200


def test_invitations_are_refused_for_claimed_profiles_and_profiles_without_e_mail():
    # The reason is for the caller (staff in the admin), so it is in the caller's language, not the e-mail's.
    claimed = ProfileFactory(user=UserFactory(), full_name="Budi Sudah")
    without_email = ProfileFactory(email="", full_name="Tanpa Surel")
    with translation.override("en"):
        with pytest.raises(InvitationError, match="^Budi Sudah has already claimed this profile"):
            send_invitation(claimed)
        with pytest.raises(InvitationError, match="^Tanpa Surel has no e-mail address"):
            send_invitation(without_email)
    assert mail.outbox == []


def test_claim_page_shows_the_imported_data_and_a_form_with_private_defaults(imported, client):
    send_invitation(imported)
    response = client.get(path_of(link_of(mail.outbox[0])))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Siti Rahmawati",
        "siti.rahma@example.org",
        "Kabupaten Lebak",
        "Forum Lintas Iman Lebak",
        "deteksi dini",
        "Angkatan 2023",
    ]:
        assert text in html
    form = response.context["form"]
    assert form["visibility"].value() == "hidden"
    assert form["email_audience"].value() == "nobody"
    assert response["Cache-Control"].startswith("max-age=0")
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert re.findall(r"<script>(.*?)</script>", html) == [settings.SCRIPTED_PAGE_SCRIPT]  # the one the CSP allows
    assert "style=" not in html


def test_claiming_creates_a_verified_member_records_consent_and_logs_in(imported, client):
    send_invitation(imported)
    path = path_of(link_of(mail.outbox[0]))
    response = client.post(path, claim_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("alumni:my_profile")

    imported.refresh_from_db()
    user = imported.user
    assert user.email == "siti.rahma@example.org"
    assert user.check_password(PASSWORD)
    assert is_member(user)
    assert imported.visibility == Visibility.MEMBERS
    assert imported.email_audience == "members" and imported.social_audience == "public"
    assert imported.consent_given_at is not None
    assert imported.consent_version == "2026-11"
    record = ConsentRecord.objects.get(profile=imported)
    assert record.action == ConsentRecord.Action.GIVEN
    assert record.notice_version == "2026-11"
    assert record.choices["visibility"] == "members"
    assert record.choices["social_audience"] == "public"
    assert ClaimInvitation.objects.get(profile=imported).used_at is not None
    assert visible_profiles(UserFactory(member=True)).filter(pk=imported.pk).exists()
    assert client.get(reverse("alumni:my_profile")).status_code == 200  # logged in


def test_a_claim_link_works_only_once(imported, client):
    send_invitation(imported)
    path = path_of(link_of(mail.outbox[0]))
    client.post(path, claim_data())
    other = Client()
    assert other.get(path).status_code == 410
    response = other.post(path, claim_data(password1="lain-lagi-sandi-99", password2="lain-lagi-sandi-99"))
    assert response.status_code == 410
    assert get_user_model().objects.count() == 1
    assertTemplateUsed(response, UNAVAILABLE)


def test_an_expired_link_gets_the_same_clear_page_with_410(imported, client):
    send_invitation(imported)
    path = path_of(link_of(mail.outbox[0]))
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        response = client.get(path)
        assert response.status_code == 410
        assert client.post(path, claim_data()).status_code == 410
    assertTemplateUsed(response, UNAVAILABLE)
    # The link came in an e-mail in Bahasa Indonesia, and so does the page that explains it.
    html = response.content.decode()
    assert "Tautan ini tidak berfungsi" in html
    assert "Perlu undangan baru?" in html
    imported.refresh_from_db()
    assert imported.user is None


def test_an_unknown_token_gets_the_same_page_with_404(client):
    response = client.get(reverse("alumni:claim", args=["tidak-ada-token-seperti-ini"]))
    assert response.status_code == 404
    assertTemplateUsed(response, UNAVAILABLE)


def test_without_consent_nothing_is_created_and_the_profile_stays_hidden(imported, client):
    send_invitation(imported)
    path = path_of(link_of(mail.outbox[0]))
    data = claim_data(visibility="public")
    del data["consent"]
    response = client.post(path, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert form.has_error("consent", "required")
    assert escape(form.errors["consent"][0]) in response.content.decode()
    assert response.context["form"]["visibility"].value() == "public"  # what was chosen is kept
    imported.refresh_from_db()
    assert imported.user is None
    assert imported.visibility == Visibility.HIDDEN
    assert imported.consent_given_at is None
    assert not ConsentRecord.objects.exists()
    assert not get_user_model().objects.exists()
    assert ClaimInvitation.objects.get().used_at is None


def test_consent_is_recorded_before_the_profile_becomes_visible(imported, client):
    send_invitation(imported)
    before = timezone.now()
    client.post(path_of(link_of(mail.outbox[0])), claim_data(visibility="public"))
    imported.refresh_from_db()
    record = ConsentRecord.objects.get(profile=imported)
    assert imported.visibility == Visibility.PUBLIC
    assert before <= imported.consent_given_at <= record.created_at


def test_weak_or_mismatched_passwords_are_refused_by_django_validators(imported, client):
    send_invitation(imported)
    path = path_of(link_of(mail.outbox[0]))
    weak = client.post(path, claim_data(password1="12345678", password2="12345678"))
    assert weak.status_code == 400
    assert weak.context["form"].errors["password2"]
    mismatch = client.post(path, claim_data(password2="bukan-sandi-yang-sama-1"))
    assert mismatch.context["form"].has_error("password2", "password_mismatch")
    assert not get_user_model().objects.exists()


def test_an_address_with_an_account_claims_after_logging_in_to_it_without_a_second_account(client):
    account = UserFactory(email="rina@example.org")
    profile = ProfileFactory(email="Rina@Example.org", full_name="Rina Dua")
    send_invitation(profile)
    path = path_of(link_of(mail.outbox[0]))

    refused = client.get(path)
    assert refused.status_code == 409
    assert "Masuk untuk mengklaim profil Anda" in refused.content.decode() or "Log in" in refused.content.decode()
    assert f"?next={path}".replace("/", "%2F") in refused.content.decode()

    client.force_login(account)
    page = client.get(path)
    assert page.status_code == 200 and 'name="password1"' not in page.content.decode()
    response = client.post(path, {key: value for key, value in claim_data().items() if not key.startswith("password")})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.user == account and is_member(account)
    assert get_user_model().objects.count() == 1


def test_claim_form_is_protected_by_csrf(imported):
    send_invitation(imported)
    client = Client(enforce_csrf_checks=True)
    assert client.post(path_of(link_of(mail.outbox[0])), claim_data()).status_code == 403
    assert Profile.objects.get(pk=imported.pk).user is None


def test_claim_page_is_in_english_under_en(imported, client):
    with translation.override("en"):
        _invitation, url = create_invitation(imported)
    response = client.get(path_of(url))
    assert response.status_code == 200
    assert "Claim your profile" in response.content.decode()
