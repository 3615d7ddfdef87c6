"""The demo alumni and events: fictional people in every visibility combination, the programme's history in WIB,
upcoming events dated from the day of loading, and a command that changes nothing when run again."""

import datetime
import io
import zoneinfo
from collections import Counter

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils import translation
from PIL import Image
from wagtail.models import Page, PageLogEntry, Revision

from alumni.models import (
    Audience,
    Cohort,
    ConsentRecord,
    HelpType,
    Introduction,
    Organisation,
    Profile,
    Sector,
    Visibility,
)
from alumni.policy import visible_profiles
from core.access import is_member
from core.models import Region
from demo import alumni as demo_alumni
from demo import events as demo_events
from events.models import EventIndexPage, EventPage, Registration
from events.selectors import upcoming_events

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
FIELDS = ("photo", "email", "phone", "social")
EXAMPLE_DOMAINS = ("@example.org", "@example.com")


def wib(*args):
    return datetime.datetime(*args, tzinfo=WIB)


@pytest.fixture
def demo_logins(monkeypatch):
    """Passwords from the environment, so the tests never write the developer's password file."""
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "admin-sandi-demo")
    monkeypatch.setenv("DEMO_MEMBER_PASSWORD", "anggota-sandi-demo")


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out, verbosity=0)
    return out.getvalue()


def snapshot():
    """Row counts a re-run must leave alone."""
    models = [Page, Revision, PageLogEntry, Profile, Cohort, Organisation, ConsentRecord, Introduction, Registration]
    return {model.__name__: model.objects.count() for model in models} | {"users": get_user_model().objects.count()}


def event(slug):
    return EventPage.objects.get(slug=slug, locale__language_code="id")


# --- Alumni (the loader alone: fast) ---------------------------------------------------------------------------


def test_demo_alumni_have_two_cohorts_and_every_visibility_combination():
    demo_alumni.load(Counter())

    cohorts = {cohort.year: cohort for cohort in Cohort.objects.all()}
    assert set(cohorts) == {2023, 2024}
    assert all(c.format == Cohort.Format.HYBRID and c.start_date < c.end_date for c in cohorts.values())
    assert cohorts[2023].profiles.count() == 30 and cohorts[2024].profiles.count() == 32

    profiles = list(Profile.objects.all())
    assert len(profiles) == 62
    present = {
        (profile.visibility, name, getattr(profile, f"{name}_audience"))
        for profile in profiles
        for name in FIELDS
        if getattr(profile, name if name != "social" else "social_links")
    }
    assert present == {(v, name, a) for v in Visibility.values for name in FIELDS for a in Audience.values}

    banten = Region.objects.filter(province__name="Banten")
    assert {p.regency_id for p in profiles} == set(banten.values_list("pk", flat=True))
    assert {p.sector for p in profiles} == set(Sector.values)
    assert {offer.help_type for p in profiles for offer in p.help_offers.all()} == set(HelpType.values)
    topics = {tag.name for profile in profiles for tag in profile.topics.all()}
    assert {"deteksi dini", "politisasi SARA", "moderasi beragama", "literasi digital"} <= topics


def test_demo_alumni_show_only_consented_profiles_of_verified_members():
    demo_alumni.load(Counter())

    for profile in Profile.objects.exclude(visibility=Visibility.HIDDEN):
        assert profile.consent_given_at and profile.consent_records.filter(action=ConsentRecord.Action.GIVEN).exists()
        assert profile.user is not None and is_member(profile.user)
        assert not profile.user.has_usable_password() or profile.user.email == demo_alumni.MEMBER_EMAIL
    hidden = Profile.objects.filter(visibility=Visibility.HIDDEN)
    assert hidden.filter(user=None, consent_given_at=None).exists()  # imported, never claimed
    assert hidden.filter(user__isnull=False, consent_given_at__isnull=False).exists()  # chose to stay hidden
    assert hidden.filter(consent_records__action=ConsentRecord.Action.WITHDRAWN).exists()
    assert set(visible_profiles(AnonymousUser()).values_list("visibility", flat=True)) == {Visibility.PUBLIC}


def test_demo_alumni_have_organisations_introductions_and_photos():
    demo_alumni.load(Counter())

    fictional = Organisation.objects.filter(slug__in=demo_alumni.FICTIONAL_ORGANISATIONS)
    assert fictional.count() == 10
    assert {True, False} == set(fictional.values_list("verified", flat=True))
    assert all(organisation.memberships.exists() and organisation.regions.exists() for organisation in fictional)
    assert Organisation.objects.filter(slug__in=["p3m", "infid"]).count() == 2

    introductions = Introduction.objects.select_related("recipient")
    assert Counter(introductions.values_list("status", flat=True)) == {"pending": 3, "accepted": 1}
    assert all(i.recipient.accepts_introductions and i.recipient.visibility != "hidden" for i in introductions)

    with_photo = Profile.objects.exclude(photo="")
    assert 0 < with_photo.count() < Profile.objects.count()
    for profile in with_photo[:3]:
        with Image.open(profile.photo.path) as photo:
            assert photo.format == "JPEG"
        assert "contoh" not in profile.photo.name.lower()  # the file name says nothing about the person


def test_demo_alumni_are_fictional_and_loading_them_again_changes_nothing():
    demo_alumni.load(Counter())
    before = snapshot()
    stats = Counter()
    demo_alumni.load(stats)
    assert snapshot() == before and not stats

    for profile in Profile.objects.all():
        assert profile.full_name.endswith("(contoh)")
        assert profile.email.endswith(EXAMPLE_DOMAINS)
        assert profile.phone.startswith("+62 812-0000-")
        assert all(link.startswith("https://example.org/") for link in profile.social_links.splitlines())
    emails = [
        *get_user_model().objects.values_list("email", flat=True),
        *Organisation.objects.values_list("contact_email", flat=True),
        *Introduction.objects.values_list("sender_email", flat=True),
    ]
    assert all(email.endswith(EXAMPLE_DOMAINS) for email in emails)


# --- Event dates in the data ------------------------------------------------------------------------------------


def test_demo_event_dates_are_fixed_or_counted_from_the_day_of_loading():
    today = datetime.date(2027, 2, 20)

    assert demo_events.when("2024-11-04 09:00", today) == wib(2024, 11, 4, 9)
    assert demo_events.when("today+10 09:00", today) == wib(2027, 3, 2, 9)
    assert demo_events.when("today-14 08:00", today) == wib(2027, 2, 6, 8)
    assert demo_events.dated_text("Diundur ke {today+31}.", today, "id") == "Diundur ke 23 Maret 2027."
    assert demo_events.dated_text("Postponed to {today+31}.", today, "en") == "Postponed to 23 March 2027."
    with pytest.raises(ValueError, match="today"):
        demo_events.when("2024-11-04", today)


# --- The whole command (slow: it builds the whole demo site) ----------------------------------------------------


def test_demo_command_loads_alumni_and_events_and_a_second_run_changes_nothing(client, demo_logins):
    with time_machine.travel(wib(2025, 6, 2, 10), tick=False):
        output = load_demo()

        assert "anggota" in output and "anggota-sandi-demo" in output
        member = get_user_model().objects.get(email=demo_alumni.MEMBER_EMAIL)
        assert member.check_password("anggota-sandi-demo") and is_member(member)
        assert Profile.objects.count() == 62 and Cohort.objects.count() == 2
        assert Organisation.objects.filter(slug__in=demo_alumni.FICTIONAL_ORGANISATIONS).count() == 10
        assert Cohort.objects.get(year=2023).modules.count() == 6

        session = event("sesi-sekolah-demokrasi-hybrid-13-desember-2023")
        assert (session.local_start, session.local_end) == (wib(2023, 12, 13, 9), wib(2023, 12, 13, 15, 30))
        assert session.event_format == EventPage.Format.HYBRID and session.cohort.year == 2023
        assert session.attendance and session.report
        refresher = event("lokakarya-penyegaran-tim-tangguh-2024")
        assert (refresher.local_start, refresher.local_end) == (wib(2024, 11, 4, 9), wib(2024, 11, 5, 16))
        assert refresher.venue_name == "Hotel Amaris Serpong"
        assert refresher.regency.name == "Kota Tangerang Selatan"
        assert {o.organisation.slug for o in refresher.organisers.all()} == {"p3m", "infid"}
        assert refresher.photos.count() >= 2 and refresher.materials.exists() and refresher.attendance
        plan = list(refresher.follow_up_items.all())
        assert len(plan) == 6
        assert {item.status for item in plan} == {"done", "in_progress", "planned"}
        assert all(item.owner_organisation or item.owner_profile or item.owner_name for item in plan)
        assert all(item.indicator and item.target and item.due_date for item in plan)
        visit = event("kunjungan-tamu-iran-amerika-serikat-2024")
        assert visit.event_type == EventPage.Type.VISIT and visit.local_start.date() == datetime.date(2024, 12, 10)

        with translation.override("id"):
            upcoming = list(upcoming_events(AnonymousUser()))
        assert len(upcoming) >= 3
        assert upcoming[0].local_start == wib(2025, 6, 12, 9)  # ten days after loading
        assert {e.status for e in upcoming} == set(EventPage.Status.values)
        webinar = next(e for e in upcoming if e.event_format == EventPage.Format.ONLINE)
        assert webinar.online_url and webinar.online_url not in str(webinar.summary)

        workshop = upcoming[0]
        assert workshop.capacity == 5
        assert workshop.registrations.filter(status="confirmed").count() == 4  # one seat left
        dialogue = event("dialog-warga-rangkasbitung")
        assert dialogue.registrations.filter(status="confirmed").count() == dialogue.capacity
        assert dialogue.registrations.filter(status="waitlisted").count() == 2
        assert all(email.endswith(EXAMPLE_DOMAINS) for email in Registration.objects.values_list("email", flat=True))

        assert EventIndexPage.objects.filter(locale__language_code="en").exists()
        assert EventPage.objects.filter(locale__language_code="en").count() == EventPage.objects.count() / 2
        assert not EventPage.objects.filter(live=False).exists()

        home = client.get("/").content.decode()
        assert workshop.title in home and refresher.title in home
        for name in Profile.objects.filter(visibility=Visibility.HIDDEN).values_list("display_name", flat=True):
            assert name not in home
        assert "writing counter-narratives" in client.get("/en/").content.decode()

        before = snapshot()
        assert "not loaded again" in load_demo("--if-empty")
        assert snapshot() == before
        assert "Nothing to change" in load_demo()
        assert snapshot() == before


def test_upcoming_demo_events_are_dated_from_the_day_of_loading(demo_logins):
    with time_machine.travel(wib(2027, 2, 20, 23, 30), tick=False), translation.override("id"):
        load_demo()
        upcoming = list(upcoming_events(AnonymousUser()))

    assert len(upcoming) >= 3
    assert upcoming[0].local_start == wib(2027, 3, 2, 9)  # ten days after 20 February in WIB
    assert all(e.start > wib(2027, 2, 20, 23, 30) for e in upcoming)
    refresher = event("lokakarya-penyegaran-tim-tangguh-2024")
    assert refresher.local_start == wib(2024, 11, 4, 9)  # the history does not move
