"""Members' shortcuts for events: the form filled in from the account, one-tap registration for verified members,
registrations linked to the account, and "my events" with cancel."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from alumni.factories import OrganisationFactory, ProfileFactory
from core.factories import region
from core.models import OutgoingEmail
from events import registration as services
from events.factories import RegistrationFactory
from events.models import EventPage, Registration
from members import personal_data
from members.factories import UserFactory
from tests.website.test_page_cache import page_cache, served_from_cache  # noqa: F401 (a fixture)
from tests.website.test_query_budget import QUERY_BUDGET, count_queries

pytestmark = pytest.mark.django_db

Status = Registration.Status
SECRET_LINK = "https://meet.example.org/rahasia-123"
MY_EVENTS = "/akun/acara-saya/"


@pytest.fixture
def serang(db):
    return region("Kota Serang")


@pytest.fixture
def siti(serang):
    """A verified member with a claimed profile that knows her name, phone, organisation and regency."""
    user = UserFactory(member=True, email="siti@example.org", first_name="Siti")
    ProfileFactory(
        user=user,
        email=user.email,
        full_name="Siti Rahmawati",
        phone="+62 812 3456 7890",
        regency=serang,
        organisations=[OrganisationFactory(name="Tim Tangguh Serpong")],
    )
    return user


@pytest.fixture
def event(make_event):
    return make_event(
        title="Lokakarya Tim Tangguh",
        slug="lokakarya-tim-tangguh",
        capacity=2,
        event_format="hybrid",
        online_url=SECRET_LINK,
    )


def one_tap(client, event):
    return client.post(f"{event.url}daftar/", {"one_tap": "1"})


def form_data(serang, **overrides):
    return {
        "name": "Siti Rahmawati",
        "email": "siti@example.org",
        "phone": "",
        "organisation": "Tim Tangguh Serpong",
        "regency": serang.pk,
        "accessibility_needs": "",
        "consent": "on",
        "website": "",
        **overrides,
    }


def shown(response):
    return re.sub(r"\s+", " ", response.content.decode())


# --- 1. The form filled in ---------------------------------------------------------------------------------


def test_the_form_is_filled_in_with_the_members_details_and_stays_editable(client, siti, event, serang):
    client.force_login(siti)
    form = client.get(f"{event.url}daftar/").context["registration_form"]

    assert form.initial == {
        "name": "Siti Rahmawati",
        "email": "siti@example.org",
        "phone": "+62 812 3456 7890",
        "organisation": "Tim Tangguh Serpong",
        "regency": serang.pk,
    }
    html = client.get(event.url).content.decode()
    assert 'value="Siti Rahmawati"' in html and 'value="Tim Tangguh Serpong"' in html
    assert f'<option value="{serang.pk}" selected>' in html
    assert "readonly" not in html and "disabled" not in html


def test_an_account_without_a_profile_gets_its_name_and_address(client, event):
    account = UserFactory(email="tamu@example.org", first_name="Budi", last_name="Santoso")
    client.force_login(account)

    form = client.get(event.url).context["registration_form"]

    assert form.initial == {"name": "Budi Santoso", "email": "tamu@example.org"}


def test_a_visitor_gets_an_empty_form(client, event):
    assert client.get(event.url).context["registration_form"].initial == {}


# --- 2. One tap -----------------------------------------------------------------------------------------------


def test_a_verified_member_registers_in_one_tap_without_an_e_mail_round_trip(client, siti, event, serang):
    client.force_login(siti)
    page = client.get(event.url)
    assert [value for _, value in page.context["one_tap"]] == [
        "Siti Rahmawati",
        "siti@example.org",
        "+62 812 3456 7890",
        "Tim Tangguh Serpong",
        "Kota Serang",
    ]
    assert 'name="one_tap"' in page.content.decode()

    response = one_tap(client, event)

    registration = Registration.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{MY_EVENTS}#registration-{registration.pk}"
    assert (registration.status, registration.user, registration.email) == (Status.CONFIRMED, siti, siti.email)
    assert (registration.name, registration.organisation, registration.regency) == (
        "Siti Rahmawati",
        "Tim Tangguh Serpong",
        serang,
    )
    assert registration.consent is True
    (message,) = mail.outbox  # the seat, with the calendar file: no link to confirm first
    assert message.to == ["siti@example.org"]
    assert list(OutgoingEmail.objects.values_list("template", flat=True)) == ["events/email/confirmed"]
    assert SECRET_LINK in message.body
    assert message.attachments[0][0] == "lokakarya-tim-tangguh.ics"
    (note,) = client.get(response["Location"]).context["messages"]
    assert "Lokakarya Tim Tangguh" in str(note) and note.level_tag == "success"


def test_one_tap_on_a_full_event_puts_the_member_on_the_waiting_list(client, siti, make_event):
    event = make_event(capacity=1)
    services.confirm(RegistrationFactory(event=event))
    client.force_login(siti)

    one_tap(client, event)

    registration = Registration.objects.get(user=siti)
    assert registration.status == Status.WAITLISTED
    assert services.seats_left(event) == 0
    assert [message.to for message in mail.outbox][-1] == ["siti@example.org"]
    assert not mail.outbox[-1].attachments


def test_registering_twice_is_refused_politely_and_shows_the_registration(client, siti, event):
    client.force_login(siti)
    client.get(one_tap(client, event)["Location"])
    mail.outbox.clear()

    page = client.get(event.url)
    assert page.context["my_registration"] == Registration.objects.get()
    assert page.context["registration_form"] is None and page.context["one_tap"] is None
    assert f'href="{MY_EVENTS}#registration-{Registration.objects.get().pk}"' in page.content.decode()
    assert 'name="one_tap"' not in page.content.decode()

    again = one_tap(client, event)
    assert again.status_code == 303
    assert Registration.objects.count() == 1
    assert services.seats_left(event) == 1
    assert mail.outbox == []
    messages = [str(message) for message in client.get(again["Location"]).context["messages"]]
    assert len(messages) == 1 and "Lokakarya Tim Tangguh" in messages[0]


def test_a_registration_from_an_earlier_e_mail_form_is_confirmed_by_one_tap(client, siti, event, serang):
    client.post(f"{event.url}daftar/", form_data(serang))  # logged out: waits for the e-mail link
    pending = Registration.objects.get()
    assert (pending.status, pending.user) == (Status.PENDING, None)
    client.force_login(siti)

    one_tap(client, event)

    registration = Registration.objects.get()
    assert (registration.pk, registration.status, registration.user) == (pending.pk, Status.CONFIRMED, siti)


def test_a_verified_member_sending_the_form_with_their_address_is_registered_at_once(client, siti, event, serang):
    client.force_login(siti)

    response = client.post(f"{event.url}daftar/", form_data(serang, accessibility_needs="Kursi roda"))

    assert response.status_code == 303 and response["Location"].startswith(MY_EVENTS)
    registration = Registration.objects.get()
    assert (registration.status, registration.user, registration.accessibility_needs) == (
        Status.CONFIRMED,
        siti,
        "Kursi roda",
    )


def test_a_member_registering_another_address_confirms_it_by_e_mail(client, siti, event, serang):
    client.force_login(siti)

    response = client.post(f"{event.url}daftar/", form_data(serang, email="rekan@example.org", name="Rekan Siti"))

    assert response["Location"] == f"{event.url}daftar/?terkirim=1"
    registration = Registration.objects.get()
    assert (registration.status, registration.user) == (Status.PENDING, None)
    assert mail.outbox[0].to == ["rekan@example.org"] and "/konfirmasi/" in mail.outbox[0].body


@pytest.mark.parametrize("who", ["visitor", "unverified account"])
def test_one_tap_is_only_for_verified_members(client, event, who):
    if who == "unverified account":
        client.force_login(UserFactory(email="belum@example.org", first_name="Belum"))
    page = client.get(event.url)
    assert page.context["one_tap"] is None
    assert 'name="one_tap"' not in page.content.decode()

    response = one_tap(client, event)

    assert response.status_code == 403
    assert 'class="registration__form"' in response.content.decode()
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_an_unverified_account_keeps_the_e_mail_confirmation(client, event, serang):
    client.force_login(UserFactory(email="siti@example.org"))

    client.post(f"{event.url}daftar/", form_data(serang))

    registration = Registration.objects.get()
    assert (registration.status, registration.user) == (Status.PENDING, None)
    assert "/konfirmasi/" in mail.outbox[0].body


def test_a_member_whose_account_lacks_a_required_detail_gets_the_filled_in_form(client, event):
    member = UserFactory(member=True, email="tanpa.lembaga@example.org", first_name="Dewi")
    client.force_login(member)
    page = client.get(event.url)
    assert page.context["one_tap"] is None
    assert page.context["registration_form"].initial == {"name": "Dewi", "email": "tanpa.lembaga@example.org"}

    response = one_tap(client, event)  # a one-tap sent anyway (an old page): the form says what is missing

    assert response.status_code == 400
    assert set(response.context["registration_form"].errors) == {"organisation", "regency"}
    assert Registration.objects.count() == 0


def test_a_cancelled_event_never_tells_the_member_their_seat_is_confirmed(client, siti, event):
    client.force_login(siti)
    one_tap(client, event)
    event.status = EventPage.Status.CANCELLED
    event.save_revision().publish()

    page = client.get(event.url)

    assert page.context["my_registration"] is None
    assert f"{MY_EVENTS}#registration-" not in page.content.decode()
    listed = client.get(MY_EVENTS).context["upcoming"]
    assert [registration.state for registration in listed] == ["event_cancelled"]


def test_one_tap_refuses_when_registration_is_closed(client, siti, make_event):
    event = make_event(capacity=5, status=EventPage.Status.CANCELLED)
    client.force_login(siti)
    assert client.get(event.url).context["one_tap"] is None

    assert one_tap(client, event).status_code == 409
    assert Registration.objects.count() == 0


def test_one_tap_needs_the_csrf_token(siti, event):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(siti)
    assert one_tap(client, event).status_code == 403
    assert Registration.objects.count() == 0


# --- 3. Registrations linked to the account -----------------------------------------------------------------


def test_earlier_registrations_with_the_verified_address_join_the_account_on_my_events(client, siti, make_event):
    mine = RegistrationFactory(event=make_event(), email="siti@example.org")
    other = RegistrationFactory(event=make_event(), email="orang.lain@example.org")
    client.force_login(siti)

    response = client.get(MY_EVENTS)

    assert Registration.objects.get(pk=mine.pk).user == siti
    assert Registration.objects.get(pk=other.pk).user is None
    assert [registration.pk for registration in response.context["upcoming"]] == [mine.pk]


def test_an_unverified_account_never_gets_registrations_by_its_address(client, make_event):
    registration = RegistrationFactory(event=make_event(), email="siti@example.org")
    client.force_login(UserFactory(email="siti@example.org"))

    response = client.get(MY_EVENTS)

    assert response.status_code == 200
    assert Registration.objects.get(pk=registration.pk).user is None
    assert response.context["upcoming"] == [] and response.context["past"] == []


def test_my_data_holds_the_registrations_of_the_account_and_deleting_it_erases_them(client, siti, make_event):
    event = make_event()
    # Made from the account under its earlier address, then the address changed.
    linked = RegistrationFactory(event=event, email="siti.lama@example.org", user=siti, status=Status.WAITLISTED)
    someone = RegistrationFactory(event=event, email="orang.lain@example.org")

    exported = personal_data.export_data(siti)["event_registrations"]
    assert [(row["email"], row["linked_to_account"]) for row in exported] == [("siti.lama@example.org", True)]

    personal_data.delete_account(siti)
    assert not Registration.objects.filter(pk=linked.pk).exists()
    assert Registration.objects.filter(pk=someone.pk).exists()


def test_a_confirmed_seat_of_a_deleted_account_stays_anonymised_and_unlinked(siti, make_event):
    registration = RegistrationFactory(event=make_event(), email="siti.lama@example.org", user=siti)
    services.confirm(registration)

    personal_data.delete_account(siti)

    registration.refresh_from_db()
    assert (registration.status, registration.user) == (Status.CONFIRMED, None)
    assert "siti" not in registration.email and registration.name != "Peserta"


# --- 4. My events ---------------------------------------------------------------------------------------------


def test_my_events_lists_upcoming_and_past_with_status_and_links(client, siti, make_event):
    now = timezone.now()
    soon = make_event(title="Dialog warga Cilegon", start=now + datetime.timedelta(days=2), capacity=1)
    later = make_event(title="Pelatihan media sosial", start=now + datetime.timedelta(days=9), capacity=1)
    moved = make_event(
        title="Sekolah Demokrasi sesi 4", status=EventPage.Status.POSTPONED, status_note="Diundur ke Maret"
    )
    dropped = make_event(title="Kunjungan belajar", status=EventPage.Status.CANCELLED)
    ended = make_event(title="Lokakarya lalu", start=now - datetime.timedelta(days=30))
    services.confirm(RegistrationFactory(event=soon, email="first@example.org"))
    waiting = RegistrationFactory(event=soon, user=siti, email=siti.email)
    services.confirm(waiting)
    confirmed = RegistrationFactory(event=later, user=siti, email=siti.email)
    services.confirm(confirmed)
    RegistrationFactory(event=moved, user=siti, email=siti.email, status=Status.CONFIRMED)
    RegistrationFactory(event=dropped, user=siti, email=siti.email, status=Status.CONFIRMED)
    RegistrationFactory(event=ended, user=siti, email=siti.email, status=Status.CONFIRMED)
    client.force_login(siti)

    response = client.get(MY_EVENTS)
    html = shown(response)

    assert response.status_code == 200
    upcoming = [(r.event.title, r.state) for r in response.context["upcoming"]]
    assert upcoming == [  # soonest first
        ("Dialog warga Cilegon", "waitlisted"),
        ("Sekolah Demokrasi sesi 4", "confirmed"),
        ("Kunjungan belajar", "event_cancelled"),
        ("Pelatihan media sosial", "confirmed"),
    ]
    assert [r.event.title for r in response.context["past"]] == ["Lokakarya lalu"]
    assert response.context["upcoming"][0].position == 1
    assert "Diundur ke Maret" in html
    for event in [soon, later, moved, dropped, ended]:
        assert f'href="{event.url}"' in html
        assert f'href="{event.url}ics/"' in html
    # A cancel button for what is still to come and still held; none for the past or a cancelled event.
    assert html.count("/batal/") == 3
    assert f"{MY_EVENTS}{Registration.objects.get(event=ended).pk}/batal/" not in html
    assert html.count(SECRET_LINK) == 0  # in-person events: no meeting link


def test_past_registrations_say_what_became_of_them(client, siti, make_event):
    ago = timezone.now() - datetime.timedelta(days=40)
    for title, fields in [
        ("Hadir", {"status": Status.CONFIRMED, "attended": True}),
        ("Tidak hadir", {"status": Status.CONFIRMED}),
        ("Menunggu", {"status": Status.WAITLISTED}),
    ]:
        RegistrationFactory(event=make_event(title=title, start=ago), user=siti, email=siti.email, **fields)
    client.force_login(siti)

    html = shown(client.get(f"/en{MY_EVENTS}"))

    assert "You attended" in html and "You had a seat" in html and "You were on the waiting list" in html
    assert "Confirmed: your seat is reserved" not in html and "/batal/" not in html


def test_my_events_shows_the_meeting_link_for_a_confirmed_seat_only(client, siti, event, make_event):
    client.force_login(siti)
    one_tap(client, event)
    full = make_event(capacity=0, event_format="online", online_url="https://meet.example.org/penuh")
    RegistrationFactory(event=full, user=siti, email=siti.email, status=Status.WAITLISTED)

    html = client.get(MY_EVENTS).content.decode()

    assert SECRET_LINK in html
    assert "https://meet.example.org/penuh" not in html


def test_my_events_hides_the_meeting_link_while_the_event_is_postponed(client, siti, event):
    client.force_login(siti)
    one_tap(client, event)
    assert SECRET_LINK in client.get(MY_EVENTS).content.decode()
    event.status = EventPage.Status.POSTPONED
    event.save_revision().publish()

    html = shown(client.get(f"/en{MY_EVENTS}"))

    assert "The event is postponed" in html
    assert SECRET_LINK not in html


def test_a_member_sees_only_their_own_registrations(client, siti, event):
    other = UserFactory(member=True, email="budi@example.org")
    theirs = RegistrationFactory(event=event, user=other, email=other.email, name="Budi Rahasia")
    client.force_login(siti)

    html = client.get(MY_EVENTS).content.decode()

    assert "Budi Rahasia" not in html and "budi@example.org" not in html
    assert client.get(f"{MY_EVENTS}{theirs.pk}/batal/").status_code == 404
    assert client.post(f"{MY_EVENTS}{theirs.pk}/batal/").status_code == 404
    assert Registration.objects.get(pk=theirs.pk).status == Status.PENDING


def test_cancelling_from_my_events_asks_first_then_frees_the_seat_for_the_waiting_list(client, siti, make_event):
    event = make_event(capacity=1, title="Dialog warga Cilegon")
    mine = RegistrationFactory(event=event, user=siti, email=siti.email)
    services.confirm(mine)
    waiting = RegistrationFactory(event=event, email="menunggu@example.org")
    services.confirm(waiting)
    mail.outbox.clear()
    client.force_login(siti)
    url = f"{MY_EVENTS}{mine.pk}/batal/"

    page = client.get(url)
    assert page.status_code == 200 and '<form method="post"' in page.content.decode()
    assert Registration.objects.get(pk=mine.pk).status == Status.CONFIRMED  # opening the page changes nothing

    response = client.post(url)

    assert response.status_code == 303 and response["Location"] == MY_EVENTS
    assert Registration.objects.get(pk=mine.pk).status == Status.CANCELLED
    assert Registration.objects.get(pk=waiting.pk).status == Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [["menunggu@example.org"]]
    listed = client.get(MY_EVENTS)
    assert [r.state for r in listed.context["upcoming"]] == [Status.CANCELLED]
    assert "/batal/" not in listed.content.decode()
    # Once cancelled (or once the event is over) there is nothing left to cancel.
    assert client.post(url).status_code == 409


def test_a_past_registration_cannot_be_cancelled(client, siti, make_event):
    ended = make_event(start=timezone.now() - datetime.timedelta(days=3))
    registration = RegistrationFactory(event=ended, user=siti, email=siti.email, status=Status.CONFIRMED)
    client.force_login(siti)

    assert client.post(f"{MY_EVENTS}{registration.pk}/batal/").status_code == 409
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED


def test_my_events_needs_a_login(client):
    response = client.get(MY_EVENTS)
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
    assert client.post(f"{MY_EVENTS}1/batal/").status_code == 302


def test_my_events_is_never_kept_by_the_page_cache(client, siti, event):
    client.force_login(siti)
    first = client.get(MY_EVENTS)
    assert "no-cache" in first["Cache-Control"] or "no-store" in first["Cache-Control"]
    assert "private" in first["Cache-Control"]
    assert first.get("X-Cache") != "HIT"
    assert first.context["upcoming"] == []

    one_tap(client, event)
    again = client.get(MY_EVENTS)
    assert again.get("X-Cache") != "HIT"
    assert len(again.context["upcoming"]) == 1


@pytest.mark.usefixtures("page_cache")
def test_the_event_page_kept_for_visitors_is_never_served_to_a_member(client, siti, event):
    served_from_cache(event.url)  # what every visitor sees alike is kept

    client.force_login(siti)
    page = client.get(event.url)

    assert page["X-Cache"] == "BYPASS" and "private" in page["Cache-Control"]
    assert page.context["one_tap"] and 'value="Siti Rahmawati"' in page.content.decode()


def test_the_header_links_to_my_events_for_logged_in_people_only(client, siti, event):
    assert f'href="{MY_EVENTS}"' not in client.get(event.url).content.decode()
    client.force_login(siti)
    assert f'href="{MY_EVENTS}"' in client.get(event.url).content.decode()


def test_my_events_shows_each_event_in_the_viewers_language(client, siti, event, locales, home_en):
    index_en = event.get_parent().specific.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    event_en = event.copy_for_translation(locales["en"])
    event_en.title = "Tim Tangguh workshop"
    event_en.save_revision().publish()
    event_en.refresh_from_db()
    client.force_login(siti)
    one_tap(client, event)

    html = client.get(f"/en{MY_EVENTS}").content.decode()

    assert "Tim Tangguh workshop" in html and f'href="{event_en.url}ics/"' in html
    assert "Confirmed: your seat is reserved" in html


def test_my_events_marks_a_title_and_a_status_note_in_another_language(
    client, siti, event, make_event, locales, home_en
):
    """An event with no English version keeps its Indonesian title, and an English version that has not caught up
    with a postponement shows the original's Indonesian note: both say so to screen readers."""
    index_en = event.get_parent().specific.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    event_en = event.copy_for_translation(locales["en"])
    event_en.title = "Tim Tangguh workshop"
    event_en.save_revision().publish()
    event.status, event.status_note = EventPage.Status.POSTPONED, "Diundur karena banjir"
    event.save_revision().publish()
    untranslated = make_event(title="Dialog warga Cilegon")
    client.force_login(siti)
    one_tap(client, event)
    one_tap(client, untranslated)

    html = shown(client.get(f"/en{MY_EVENTS}"))

    assert f'<a href="{event_en.url}">Tim Tangguh workshop</a>' in html
    assert f'<a href="{untranslated.url}" lang="id">Dialog warga Cilegon</a>' in html
    assert '<span lang="id">Diundur karena banjir</span>' in html
    assert '<span class="visually-hidden" lang="id">: Dialog warga Cilegon</span>' in html


def test_my_events_costs_the_same_queries_however_many_registrations(client, settings, siti, make_event):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(siti)

    def add(count):
        for i in range(count):
            event = make_event(start=timezone.now() + datetime.timedelta(days=i - 2, hours=1), capacity=1)
            services.confirm(RegistrationFactory(event=event, user=siti, email=siti.email))
            RegistrationFactory(event=make_event(), email=siti.email)  # made logged out: linked on the visit
            RegistrationFactory(event=event, user=siti, email=siti.email, status=Status.CANCELLED)

    add(2)
    few = count_queries(client, MY_EVENTS)
    add(10)
    many = count_queries(client, MY_EVENTS)

    assert len(client.get(MY_EVENTS).context["upcoming"]) + len(client.get(MY_EVENTS).context["past"]) == 36
    assert many == few
    assert many <= QUERY_BUDGET
