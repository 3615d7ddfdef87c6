import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import ConsentRecord, HelpOffer, Membership, Profile, Visibility
from alumni.policy import visible_profiles
from core.factories import region
from members.factories import UserFactory
from tests.accounts import PASSWORD, english

pytestmark = pytest.mark.django_db


def edit_data(instance, **overrides):
    """The edit form as the browser sends it for the profile `instance`, with `overrides`."""
    profile = instance
    memberships = list(profile.memberships.all())
    data = {
        "display_name": profile.display_name,
        "regency": profile.regency_id or "",
        "sector": profile.sector,
        "topics_text": ", ".join(tag.name for tag in profile.topics.all()),
        "help_types": profile.help_type_values(),
        "languages": profile.languages,
        "bio": profile.bio,
        "photo_audience": profile.photo_audience,
        "email_audience": profile.email_audience,
        "phone": profile.phone,
        "phone_audience": profile.phone_audience,
        "social_links": profile.social_links,
        "social_audience": profile.social_audience,
        "visibility": profile.visibility,
        "memberships-TOTAL_FORMS": len(memberships),
        "memberships-INITIAL_FORMS": len(memberships),
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 10,
    }
    if profile.open_to_collaborate:
        data["open_to_collaborate"] = "on"
    if profile.accepts_introductions:
        data["accepts_introductions"] = "on"
    for number, membership in enumerate(memberships):
        data[f"memberships-{number}-id"] = membership.pk
        data[f"memberships-{number}-organisation"] = membership.organisation_id
        data[f"memberships-{number}-role"] = membership.role
    data.update(overrides)
    return data


def test_my_profile_requires_login(client):
    response = client.get(reverse("alumni:my_profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login") + "?next=")


# --- My profile ------------------------------------------------------------------------------------


def test_my_profile_shows_both_audiences_and_how_many_introductions_wait(logged_in, profile):
    profile.email_audience = "members"
    profile.save()
    profile.introductions.create(
        sender_name="Pak Rahmat",
        sender_email="rahmat@lsm.example",
        purpose="Pelatihan",
        message="Halo",
        status="accepted",
        token_hash="a" * 64,
    )
    profile.introductions.create(
        sender_name="Bu Wati", sender_email="wati@lsm.example", purpose="Diskusi", message="Halo", token_hash="b" * 64
    )
    html = logged_in.get(english("alumni:my_profile")).content.decode()
    assert "What visitors see" in html and "What verified members see" in html
    assert "They cannot see your profile at all" in html  # visitors: members-only profile
    assert html.count("dewi@example.org") >= 1  # members see the e-mail
    # The requests themselves are in the inbox; here, how many wait and the way there.
    assert "1 request waits for your answer." in html
    assert f'href="{english("alumni:introductions")}"' in html
    assert "wati@lsm.example" not in html


def test_a_member_edits_their_own_profile(logged_in, profile):
    cohort_before = CohortFactory()
    profile.cohorts.add(cohort_before)
    profile.save()
    organisation = OrganisationFactory(name="Forum Kerukunan Serang")
    data = edit_data(
        profile,
        display_name="Dewi A.",
        regency=region("Kota Serang").pk,
        sector="interfaith",
        topics_text="deteksi dini, Kohesi Sosial, deteksi dini",
        help_types=["facilitator", "mediator"],
        languages="Bahasa Indonesia, Sunda",
        bio="<script>alert(1)</script>Fasilitator <b>dialog</b>\x07\u202e di Serang.",
        phone="+62 812 3456 7890",
        social_links="https://instagram.com/dewi\n@dewi_serang",
        **{
            "memberships-TOTAL_FORMS": 2,
            "memberships-1-organisation": organisation.pk,
            "memberships-1-role": "Sekretaris",
        },
    )
    response = logged_in.post(reverse("alumni:my_profile_edit"), data)
    assert response.status_code == 302, response.context["form"].errors
    profile.refresh_from_db()
    assert profile.display_name == "Dewi A."
    assert profile.regency.name == "Kota Serang" and profile.province.name == "Banten"
    assert sorted(tag.name for tag in profile.topics.all()) == ["deteksi dini", "kohesi sosial"]
    assert sorted(profile.help_type_values()) == ["facilitator", "mediator"]
    assert profile.bio == "alert(1)Fasilitator dialog di Serang."
    assert profile.social_links == "https://instagram.com/dewi\n@dewi_serang"
    assert {(m.organisation.name, m.role) for m in profile.memberships.all()} == {
        ("Lembaga Dewi", "Anggota"),
        ("Forum Kerukunan Serang", "Sekretaris"),
    }
    assert list(profile.cohorts.all()) == [cohort_before]  # staff-managed, untouched


def test_a_failed_edit_keeps_what_was_typed_and_says_what_is_wrong(logged_in, profile):
    data = edit_data(profile, display_name="Nama Baru", social_links="javascript:alert(1)", bio="x" * 700)
    response = logged_in.post(reverse("alumni:my_profile_edit"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Nama Baru"' in html
    assert "javascript:alert(1)" in html
    assert "https://" in str(response.context["form"].errors["social_links"])
    assert response.context["form"].errors["bio"]
    profile.refresh_from_db()
    assert profile.display_name == "Dewi Anggraini"


def test_the_same_organisation_twice_is_a_form_error_not_a_crash(logged_in, profile):
    organisation = profile.memberships.get().organisation
    data = edit_data(
        profile,
        **{"memberships-TOTAL_FORMS": 2, "memberships-1-organisation": organisation.pk, "memberships-1-role": "x"},
    )
    response = logged_in.post(reverse("alumni:my_profile_edit"), data)
    assert response.status_code == 400
    assert profile.memberships.count() == 1


def test_staff_and_consent_fields_cannot_be_set_by_adding_form_fields(logged_in, profile, owner):
    before = Profile.objects.get(pk=profile.pk)
    other_user = UserFactory()
    data = edit_data(
        profile,
        user=other_user.pk,
        consent_given_at="2001-01-01T00:00:00Z",
        consent_version="hacked",
        external_id="HACKED",
        full_name="Nama Palsu",
        public_id="palsu",
        email="palsu@example.org",
        cohorts=[CohortFactory().pk],
        created_at="2001-01-01T00:00:00Z",
        is_staff="on",
        is_superuser="on",
    )
    assert logged_in.post(reverse("alumni:my_profile_edit"), data).status_code == 302
    after = Profile.objects.get(pk=profile.pk)
    for name in [
        "user_id",
        "consent_given_at",
        "consent_version",
        "external_id",
        "full_name",
        "public_id",
        "email",
        "created_at",
    ]:
        assert getattr(after, name) == getattr(before, name), name
    assert not after.cohorts.exists()
    owner.refresh_from_db()
    assert not owner.is_staff and not owner.is_superuser


def test_a_member_cannot_edit_another_profile_by_posting_its_ids(logged_in, profile):
    other = ProfileFactory(display_name="Orang Lain", visible=Visibility.PUBLIC, organisations=[OrganisationFactory()])
    other_membership = other.memberships.get()
    data = edit_data(
        profile,
        display_name="Nama Saya",
        id=other.pk,
        pk=other.pk,
        public_id=other.public_id,
        **{
            "profile": other.pk,
            "memberships-TOTAL_FORMS": 2,
            "memberships-INITIAL_FORMS": 2,
            "memberships-1-id": other_membership.pk,
            "memberships-1-organisation": other_membership.organisation_id,
            "memberships-1-role": "Dibajak",
            "memberships-1-DELETE": "on",
        },
    )
    response = logged_in.post(reverse("alumni:my_profile_edit"), data)
    assert response.status_code in {302, 400}
    other.refresh_from_db()
    assert other.display_name == "Orang Lain"
    assert Membership.objects.get(pk=other_membership.pk).role == "Anggota"
    assert other.memberships.count() == 1


def test_account_urls_carry_no_profile_id():
    for name in ["my_profile", "my_profile_edit", "my_profile_preview", "hide_me", "consent_withdraw"]:
        assert reverse(f"alumni:{name}").startswith("/alumni/profil-saya/")
    for name in ["email_change", "data_export", "account_delete"]:
        assert reverse(f"members:{name}") in {"/akun/ganti-email/", "/akun/unduh-data/", "/akun/hapus-akun/"}


def test_showing_the_profile_after_withdrawal_needs_consent_again_and_records_it(logged_in, profile):
    profile.visibility = Visibility.HIDDEN
    profile.consent_given_at = None
    profile.save()
    response = logged_in.post(reverse("alumni:my_profile_edit"), edit_data(profile, visibility="public"))
    assert response.status_code == 400
    [error] = response.context["form"].errors["consent"]
    assert escape(error) in response.content.decode()
    assert Profile.objects.get(pk=profile.pk).visibility == Visibility.HIDDEN

    response = logged_in.post(reverse("alumni:my_profile_edit"), edit_data(profile, visibility="public", consent="on"))
    assert response.status_code == 302, response.context["form"].errors
    profile.refresh_from_db()
    assert profile.visibility == Visibility.PUBLIC and profile.consent_given_at is not None
    record = profile.consent_records.get()
    assert record.action == ConsentRecord.Action.GIVEN and record.choices["visibility"] == "public"


def test_changing_choices_adds_an_updated_consent_record_and_other_edits_do_not(logged_in, profile):
    logged_in.post(reverse("alumni:my_profile_edit"), edit_data(profile, bio="Bio baru"))
    assert not profile.consent_records.exists()
    logged_in.post(reverse("alumni:my_profile_edit"), edit_data(profile, phone_audience="members"))
    record = profile.consent_records.get()
    assert record.action == ConsentRecord.Action.UPDATED
    assert record.choices["phone_audience"] == "members"


def test_the_live_preview_renders_unsaved_choices_through_the_policy_and_saves_nothing(logged_in, profile):
    data = edit_data(profile, visibility="public", email_audience="public", topics_text="topik pratinjau baru")
    response = logged_in.post(reverse("alumni:my_profile_preview"), data)
    assert response.status_code == 200
    html = response.content.decode()
    visitor = html.split('data-preview-panel="member"')[0]
    assert "dewi@example.org" in visitor and "topik pratinjau baru" in visitor
    profile.refresh_from_db()
    assert profile.visibility == Visibility.MEMBERS and profile.email_audience == "nobody"
    from taggit.models import Tag

    assert not Tag.objects.filter(name="topik pratinjau baru").exists()


def test_hide_me_everywhere_removes_the_profile_from_every_listing_at_once(logged_in, profile):
    profile.open_to_collaborate = True
    profile.save()
    response = logged_in.post(reverse("alumni:hide_me"), {"confirm": "yes"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.visibility == Visibility.HIDDEN and not profile.open_to_collaborate
    assert not visible_profiles(UserFactory(member=True)).filter(pk=profile.pk).exists()
    assert profile.consent_records.get().choices["visibility"] == "hidden"


def test_hide_me_everywhere_asks_first_and_a_post_without_the_confirmation_changes_nothing(logged_in, profile):
    my_profile = logged_in.get(english("alumni:my_profile")).content.decode()
    # The button on "my profile" only opens the question: it is a link, not a form that hides.
    assert f'<a class="button button--danger" href="{english("alumni:hide_me")}">Hide me everywhere</a>' in my_profile

    question = logged_in.get(english("alumni:hide_me"))
    assert question.status_code == 200
    html = question.content.decode()
    assert "Hide my profile everywhere?" in html and "csrfmiddlewaretoken" in html
    assert 'name="confirm" value="yes"' in html and "No, keep my profile as it is" in html
    assert question["Cache-Control"].startswith("max-age=0")
    profile.refresh_from_db()
    assert profile.visibility == Visibility.MEMBERS

    # The old one-click form, or any POST without the confirmation, asks again and hides nothing.
    unconfirmed = logged_in.post(english("alumni:hide_me"))
    assert unconfirmed.status_code == 400 and "Hide my profile everywhere?" in unconfirmed.content.decode()
    profile.refresh_from_db()
    assert profile.visibility == Visibility.MEMBERS
    assert not profile.consent_records.exists()


def test_withdrawing_consent_hides_the_profile_and_clears_consent(logged_in, profile):
    response = logged_in.post(english("alumni:consent_withdraw"), follow=True)
    assert response.redirect_chain == [(english("alumni:my_profile"), 302)]
    profile.refresh_from_db()
    assert profile.visibility == Visibility.HIDDEN
    assert profile.consent_given_at is None
    assert profile.consent_records.get().action == ConsentRecord.Action.WITHDRAWN
    assert "You withdrew your consent" in response.content.decode()


def test_an_account_without_profile_gets_a_clear_page_not_an_error(client):
    client.force_login(UserFactory(member=True))
    response = client.get(english("alumni:my_profile"))
    assert response.status_code == 200
    assert "no alumni profile" in response.content.decode()
    assert client.get(reverse("alumni:my_profile_edit")).status_code == 404


MEMBERS_URLS = {"login", "logout", "password_reset", "email_change", "data_export", "account_delete"}


def test_account_pages_carry_no_inline_script_or_style(logged_in, settings):
    for name in ["alumni:my_profile", "alumni:my_profile_edit", "members:email_change", "members:account_delete"]:
        html = logged_in.get(reverse(name)).content.decode()
        assert re.findall(r"<script>(.*?)</script>", html) == [settings.SCRIPTED_PAGE_SCRIPT], name
        assert "style=" not in html, name


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("login", {"username": "dewi@example.org", "password": PASSWORD}),
        ("logout", {}),
        ("password_reset", {"email": "dewi@example.org"}),
        ("my_profile_edit", {"display_name": "x"}),
        ("my_profile_preview", {"display_name": "x"}),
        ("hide_me", {}),
        ("consent_withdraw", {}),
        ("email_change", {"email": "baru@example.org", "password": PASSWORD}),
        ("data_export", {}),
        ("account_delete", {"password": PASSWORD}),
    ],
)
def test_every_account_form_is_protected_by_csrf(owner, profile, name, data):
    client = Client(enforce_csrf_checks=True)
    if name != "login":
        client.force_login(owner)
    app = "members" if name in MEMBERS_URLS else "alumni"
    assert client.post(reverse(f"{app}:{name}"), data).status_code == 403
    profile.refresh_from_db()
    assert profile.visibility == Visibility.MEMBERS and Profile.objects.filter(pk=profile.pk).exists()


def test_help_offers_are_replaced_without_breaking_their_uniqueness(logged_in, profile):
    HelpOffer.objects.create(profile=profile, help_type="facilitator")
    logged_in.post(reverse("alumni:my_profile_edit"), edit_data(profile, help_types=["facilitator", "research"]))
    assert sorted(profile.help_type_values()) == ["facilitator", "research"]
