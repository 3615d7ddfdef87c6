import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from icalendar import Calendar

from core import mail as mail_queue
from core.factories import region
from core.models import OutgoingEmail, Region
from events import registration as services
from events.factories import RegistrationFactory
from events.models import EventPage, Registration
from tests.events.conftest import wib

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/rahasia-123"
Status = Registration.Status


@pytest.fixture
def event(make_event):
    return make_event(title="Lokakarya Tim Tangguh", slug="lokakarya-tim-tangguh", capacity=2, online_url=SECRET_LINK)


@pytest.fixture
def serang(db):
    return region("Kota Serang")


def data(serang, **overrides):
    return {
        "name": "Siti Rahmawati",
        "email": "siti@example.org",
        "phone": "+62 812 3456 7890",
        "organisation": "Tim Tangguh Serpong",
        "regency": serang.pk,
        "accessibility_needs": "",
        "consent": "on",
        "website": "",
        **overrides,
    }


def register(client, event, serang, **overrides):
    return client.post(f"{event.url}daftar/", data(serang, **overrides))


def link(message, route):
    return re.search(rf"https?://\S+/{route}/[\w-]+/", message.body).group(0)


def opens(url):
    """The registration a link's token opens (only the token's hash is in the database)."""
    return Registration.find_by_token(url.rstrip("/").rsplit("/", 1)[-1]).get()


def confirm(client, event, serang, email):
    mail.outbox.clear()
    register(client, event, serang, email=email)
    client.post(link(mail.outbox[-1], "konfirmasi"))
    return Registration.objects.get(email=email)


def test_event_page_has_the_registration_form_with_labels_and_csrf(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{event.url}daftar/"' in html
    assert "csrfmiddlewaretoken" in html
    for field in ["name", "email", "phone", "organisation", "regency", "accessibility_needs", "consent"]:
        assert f'for="id_{field}"' in html
    assert response.context["seats_left"] == 2


def test_registration_waits_for_email_confirmation_and_redirects_with_303(client, event, serang):
    response = register(client, event, serang)

    assert response.status_code == 303
    assert response["Location"] == f"{event.url}daftar/?terkirim=1"
    registration = Registration.objects.get()
    assert (registration.status, registration.event, registration.regency) == (Status.PENDING, event, serang)
    (message,) = mail.outbox
    assert message.to == ["siti@example.org"]
    assert message.subject.startswith("[Jejaring Sekolah Demokrasi] ")
    confirm_url = link(message, "konfirmasi")
    assert confirm_url.startswith(f"http://testserver{event.url}konfirmasi/")
    assert opens(confirm_url) == registration
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f'href="{confirm_url}"' in html
    assert not message.attachments
    done = client.get(response["Location"])
    assert done.status_code == 200
    assert "noindex" in done.content.decode()


def test_the_confirmation_link_only_shows_a_button_and_post_confirms(client, event, serang):
    register(client, event, serang)
    confirm_url = link(mail.outbox[0], "konfirmasi")

    page = client.get(confirm_url)  # what an e-mail scanner does
    assert page.status_code == 200
    assert '<form method="post"' in page.content.decode()
    assert Registration.objects.get().status == Status.PENDING

    response = client.post(confirm_url)
    assert response.status_code == 303
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED and registration.confirmed_at
    confirmed = mail.outbox[-1]
    assert confirmed.subject != mail.outbox[0].subject and confirmed.subject.endswith("Lokakarya Tim Tangguh")
    (filename, content, mimetype) = confirmed.attachments[0]
    assert (filename, mimetype) == ("lokakarya-tim-tangguh.ics", "text/calendar")
    (entry,) = Calendar.from_ical(content).walk("VEVENT")
    assert entry.decoded("DTSTART").astimezone(datetime.UTC) == event.start.astimezone(datetime.UTC)
    assert SECRET_LINK in confirmed.body
    assert link(confirmed, "batal").startswith(f"http://testserver{event.url}batal/")
    assert opens(link(confirmed, "batal")) == registration

    # Confirming again changes nothing and sends nothing.
    sent = len(mail.outbox)
    assert client.post(confirm_url).status_code == 303
    assert Registration.objects.get().confirmed_at == registration.confirmed_at
    assert len(mail.outbox) == sent


def test_people_beyond_capacity_join_the_waiting_list_in_order(client, event, serang):
    first = confirm(client, event, serang, "a@example.org")
    second = confirm(client, event, serang, "b@example.org")
    third = confirm(client, event, serang, "c@example.org")
    fourth = confirm(client, event, serang, "d@example.org")

    assert [first.status, second.status, third.status, fourth.status] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITLISTED,
        Status.WAITLISTED,
    ]
    waitlisted = mail.outbox[-1]
    assert waitlisted.to == ["d@example.org"]
    assert not waitlisted.attachments
    assert services.waitlist_position(third) == 1
    assert client.get(f"{event.url}konfirmasi/{fourth.issue_token()}/").context["position"] == 2
    context = services.registration_context(event, client.get(event.url).wsgi_request)
    assert (context["registration_state"], context["seats_left"]) == (services.FULL, 0)


def test_cancelling_promotes_the_first_waitlisted_person_and_tells_them(client, event, serang):
    first = confirm(client, event, serang, "a@example.org")
    confirm(client, event, serang, "b@example.org")
    third = confirm(client, event, serang, "c@example.org")
    fourth = confirm(client, event, serang, "d@example.org")
    mail.outbox.clear()
    cancel_url = f"{event.url}batal/{first.issue_token()}/"

    page = client.get(cancel_url)
    assert page.status_code == 200 and '<form method="post"' in page.content.decode()
    assert Registration.objects.get(pk=first.pk).status == Status.CONFIRMED

    assert client.post(cancel_url).status_code == 303
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "a@example.org": Status.CANCELLED,
        "b@example.org": Status.CONFIRMED,
        "c@example.org": Status.CONFIRMED,
        "d@example.org": Status.WAITLISTED,
    }
    (promoted,) = mail.outbox
    assert promoted.to == [third.email]
    assert SECRET_LINK in promoted.body
    assert promoted.attachments[0][2] == "text/calendar"
    assert services.waitlist_position(Registration.objects.get(pk=fourth.pk)) == 1
    # Cancelling twice is harmless.
    assert client.post(cancel_url).status_code == 303
    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 2


def test_a_waitlisted_person_leaving_promotes_nobody(client, event, serang):
    confirm(client, event, serang, "a@example.org")
    confirm(client, event, serang, "b@example.org")
    third = confirm(client, event, serang, "c@example.org")
    fourth = confirm(client, event, serang, "d@example.org")
    mail.outbox.clear()

    client.post(f"{event.url}batal/{third.issue_token()}/")

    assert Registration.objects.get(pk=fourth.pk).status == Status.WAITLISTED
    assert mail.outbox == []
    assert services.waitlist_position(Registration.objects.get(pk=fourth.pk)) == 1


def test_registering_the_same_address_twice_gives_no_second_row_or_seat(client, event, serang):
    first = register(client, event, serang)
    again = register(client, event, serang, email="  Siti@Example.org ", name="Someone Else")

    assert again.status_code == 303 and again["Location"] == first["Location"]
    registration = Registration.objects.get()
    assert registration.name == "Siti Rahmawati"  # a second form cannot overwrite the first
    # Still pending: a confirmation link is sent again; the first one keeps working.
    assert [opens(link(message, "konfirmasi")) for message in mail.outbox] == [registration] * 2
    # Sending the form over and over does not flood the person's inbox.
    register(client, event, serang)
    assert len(mail.outbox) == 2

    client.post(link(mail.outbox[0], "konfirmasi"))
    mail.outbox.clear()
    assert services.register(event, {**data(serang), "regency": serang, "email": "siti@example.org"})[1] is False
    assert Registration.objects.count() == 1
    assert Registration.objects.get().status == Status.CONFIRMED
    assert services.seats_left(event) == 1


def test_confirmed_person_registering_again_is_told_by_email_not_on_the_page(client, event, serang):
    registration = confirm(client, event, serang, "siti@example.org")
    mail.outbox.clear()

    response = register(client, event, serang)
    done = client.get(response["Location"]).content.decode()

    assert "siti@example.org" not in done
    (message,) = mail.outbox
    assert message.to == ["siti@example.org"]
    assert opens(link(message, "konfirmasi")) == registration
    assert Registration.objects.count() == 1


def test_bad_input_is_refused_with_400_keeping_what_was_typed(client, event, serang):
    response = register(
        client, event, serang, email="bukan-email", phone="call me", consent="", accessibility_needs="Kursi roda"
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html
    assert 'value="Siti Rahmawati"' in html
    assert 'value="Tim Tangguh Serpong"' in html
    assert "Kursi roda" in html
    assert 'value="bukan-email"' in html
    assert 'aria-invalid="true"' in html
    assert html.count('class="field__error"') == 3
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_only_banten_regencies_are_offered(client, event):
    province = Region.objects.get(code="36")
    response = client.post(f"{event.url}daftar/", data(province))
    assert response.status_code == 400
    assert f'<option value="{province.pk}"' not in response.content.decode()
    assert 'value="' + str(region("Kota Serang").pk) + '"' in response.content.decode()


def test_the_honeypot_makes_bots_believe_they_succeeded(client, event, serang):
    response = register(client, event, serang, website="http://spam.example")

    assert response.status_code == 303
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_csrf_is_enforced(event, serang):
    client = Client(enforce_csrf_checks=True)
    assert register(client, event, serang).status_code == 403
    assert Registration.objects.count() == 0

    client.get(event.url)
    token = client.cookies["csrftoken"].value
    assert register(client, event, serang, csrfmiddlewaretoken=token).status_code == 303
    registration = Registration.objects.get()
    confirm_url = f"{event.url}konfirmasi/{registration.issue_token()}/"
    assert client.post(confirm_url).status_code == 403
    assert client.post(f"{event.url}batal/{registration.issue_token()}/").status_code == 403
    assert Registration.objects.get().status == Status.PENDING


def test_the_online_link_is_only_ever_shown_to_confirmed_registrants(client, event, serang):
    assert SECRET_LINK not in client.get(event.url).content.decode()
    assert SECRET_LINK not in client.get(f"{event.url}ics/").content.decode()
    assert SECRET_LINK not in client.get(f"{event.url}daftar/").content.decode()

    confirmed = confirm(client, event, serang, "a@example.org")
    confirm(client, event, serang, "b@example.org")
    mail.outbox.clear()
    register(client, event, serang, email="pending@example.org")
    pending = Registration.objects.get(email="pending@example.org")
    waitlisted = confirm(client, event, serang, "waiting@example.org")

    for person in [pending, waitlisted]:
        page = client.get(f"{event.url}konfirmasi/{person.issue_token()}/").content.decode()
        assert SECRET_LINK not in page
        assert SECRET_LINK not in client.get(f"{event.url}batal/{person.issue_token()}/").content.decode()
    for message in mail.outbox:  # the pending person's link, the waitlisted person's two e-mails
        assert SECRET_LINK not in message.body
        assert all(SECRET_LINK not in html for html, _ in message.alternatives)
    assert SECRET_LINK not in client.get(event.url).content.decode()

    assert SECRET_LINK in client.get(f"{event.url}konfirmasi/{confirmed.issue_token()}/").content.decode()


def test_a_token_only_opens_its_own_event(client, event, make_event, serang):
    other = make_event(title="Dialog warga", capacity=10)
    register(client, event, serang)
    token = Registration.objects.get().issue_token()

    assert client.get(f"{other.url}konfirmasi/{token}/").status_code == 404
    assert client.post(f"{other.url}batal/{token}/").status_code == 404
    assert client.get(f"{event.url}konfirmasi/{'0' * 64}/").status_code == 404
    assert Registration.objects.get().status == Status.PENDING


@pytest.mark.parametrize(
    ("fields", "state", "message"),
    [
        ({"capacity": None}, services.NONE, "no registration"),
        ({"registration_opens": wib(2030, 6, 20, 8)}, services.NOT_OPEN_YET, "opens on 20 June 2030, 08:00 WIB"),
        ({}, services.OPEN, "3 seats left"),
        ({"registration_closes": wib(2030, 6, 15, 11)}, services.CLOSED, "closed on 15 June 2030, 11:00 WIB"),
        ({"start": wib(2030, 6, 15, 9), "end": wib(2030, 6, 15, 16)}, services.CLOSED, "closed on"),
        ({"start": wib(2030, 6, 14, 9), "end": wib(2030, 6, 14, 16)}, services.PAST, "has ended"),
        ({"status": EventPage.Status.CANCELLED}, services.CANCELLED, "cancelled"),
        ({"status": EventPage.Status.POSTPONED, "status_note": "Diundur"}, services.OPEN, "3 seats left"),
    ],
)
def test_registration_states_are_explained(make_event, rf, fields, state, message):
    with time_machine.travel(wib(2030, 6, 15, 12), tick=False):
        fields = {"capacity": 3, "start": wib(2030, 6, 25, 9), "end": wib(2030, 6, 25, 16), **fields}
        event = make_event(**fields)
        with translation.override("en"):
            context = services.registration_context(event, rf.get("/en/"))
    assert context["registration_state"] == state
    assert message in context["registration_message"]
    assert (context["registration_form"] is not None) == (state in services.ACCEPTING)


def test_full_event_offers_the_waiting_list(client, make_event, serang):
    event = make_event(capacity=1)
    confirm(client, event, serang, "a@example.org")
    response = client.get(event.url)
    assert response.context["registration_state"] == services.FULL
    assert f'action="{event.url}daftar/"' in response.content.decode()
    assert confirm(client, event, serang, "b@example.org").status == Status.WAITLISTED


@pytest.mark.parametrize(
    "fields",
    [
        {"status": EventPage.Status.CANCELLED},
        {"registration_closes": wib(2020, 1, 1, 9)},
        {"capacity": None},
    ],
)
def test_no_registration_when_not_open(client, make_event, serang, fields):
    event = make_event(**fields)
    html = client.get(event.url).content.decode()
    assert f'action="{event.url}daftar/"' not in html
    response = register(client, event, serang)
    assert response.status_code == 409
    assert Registration.objects.count() == 0


def test_a_cancelled_event_confirms_nobody(client, event, serang):
    register(client, event, serang)
    confirm_url = link(mail.outbox[0], "konfirmasi")
    EventPage.objects.filter(pk=event.pk).update(status=EventPage.Status.CANCELLED)

    response = client.post(confirm_url)
    assert response.status_code == 409
    assert Registration.objects.get().status == Status.PENDING


def test_translations_share_one_capacity_and_write_in_their_own_language(client, event, serang, locales, home_en):
    index_en = event.get_parent().specific.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    event_en = event.copy_for_translation(locales["en"])
    event_en.title = "Tim Tangguh workshop"
    event_en.save_revision().publish()
    event_en.refresh_from_db()
    assert event_en.url.startswith("/en/")

    confirm(client, event, serang, "a@example.org")
    mail.outbox.clear()
    register(client, event_en, serang, email="guest@example.org")
    (message,) = mail.outbox
    assert message.subject == "[Jejaring Sekolah Demokrasi] Please confirm your registration: Tim Tangguh workshop"
    assert link(message, "konfirmasi").startswith("http://testserver/en/")
    client.post(link(message, "konfirmasi"))
    confirm(client, event, serang, "late@example.org")

    assert Registration.objects.get(email="guest@example.org").status == Status.CONFIRMED
    assert Registration.objects.get(email="late@example.org").status == Status.WAITLISTED
    # Registering on the other language version with the same address still gives no second seat.
    register(client, event_en, serang, email="a@example.org")
    assert Registration.objects.filter(email="a@example.org").count() == 1


def test_staff_cancelling_through_the_service_promotes_too(event):
    people = [RegistrationFactory(event=event) for _ in range(3)]
    for person in people:
        services.confirm(person)
    mail.outbox.clear()

    services.cancel(people[1])

    assert Registration.objects.get(pk=people[2].pk).status == Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [[people[2].email]]


def test_a_raised_capacity_gives_waiting_people_seats_however_the_event_is_published(event):
    people = [RegistrationFactory(event=event) for _ in range(3)]
    for person in people:
        services.confirm(person)
    assert Registration.objects.get(pk=people[2].pk).status == Status.WAITLISTED
    mail.outbox.clear()

    event.capacity = 3
    event.save_revision().publish()  # as scheduled publishing or a workflow does: no admin view involved

    assert Registration.objects.get(pk=people[2].pk).status == Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [[people[2].email]]


def test_people_waiting_get_free_seats_before_a_newcomer(event):
    people = [RegistrationFactory(event=event) for _ in range(3)]
    for person in people:
        services.confirm(person)
    EventPage.objects.filter(pk=event.pk).update(capacity=3)  # e.g. changed without publishing
    newcomer = services.confirm(RegistrationFactory(event=event))

    assert Registration.objects.get(pk=people[2].pk).status == Status.CONFIRMED
    assert newcomer.status == Status.WAITLISTED


def test_confirming_after_registration_was_switched_off_is_refused_not_an_error(client, event, serang):
    register(client, event, serang)
    event.capacity = None
    event.save_revision().publish()
    response = client.post(link(mail.outbox[-1], "konfirmasi"), follow=True)
    assert response.status_code < 500
    assert Registration.objects.get().status == Status.PENDING


def test_guests_from_outside_banten_can_register(client, event, serang):
    assert register(client, event, serang, regency="outside").status_code == 303
    assert Registration.objects.get().regency is None


def test_an_online_event_open_for_registration_until_its_end_gives_seats_during_it(client, make_event, serang):
    start = timezone.now() - datetime.timedelta(hours=1)
    event = make_event(
        capacity=5,
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_closes=start + datetime.timedelta(hours=3),
    )
    register(client, event, serang)
    client.post(link(mail.outbox[-1], "konfirmasi"))
    assert Registration.objects.get().status == Status.CONFIRMED


def test_a_seat_e_mail_still_waiting_for_the_mail_server_is_dropped_when_the_person_cancels(event, serang, settings):
    registration = RegistrationFactory(event=event, email="siti@example.org")
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    services.confirm(registration)  # "your seat is confirmed", with the meeting link: it cannot be sent yet
    services.cancel(registration)

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        mail_queue.send_due()
    assert all(SECRET_LINK not in message.body for message in mail.outbox)
    assert OutgoingEmail.objects.get(to="siti@example.org").status == OutgoingEmail.Status.DROPPED


def test_only_a_hash_of_the_emailed_token_is_stored(client, event, serang):
    from core.tokens import hash_token
    from events.models import RegistrationToken

    register(client, event, serang)
    token = link(mail.outbox[0], "konfirmasi").rstrip("/").rsplit("/", 1)[-1]

    stored = list(RegistrationToken.objects.values_list("token_hash", flat=True))
    assert stored == [hash_token(token)]
    assert token not in str(list(Registration.objects.values_list()))
    assert client.get(f"{event.url}konfirmasi/{hash_token(token)}/").status_code == 404
    assert client.get(f"{event.url}konfirmasi/{token}/").status_code == 200


def test_a_registrants_page_for_a_past_event_says_it_has_taken_place(client, event):
    registration = RegistrationFactory(event=event, status=Status.CONFIRMED, confirmed_at=timezone.now())
    token = registration.issue_token()
    url = f"{event.url}konfirmasi/{token}/"
    assert SECRET_LINK in client.get(url).content.decode()

    with time_machine.travel(event.end + datetime.timedelta(hours=1)):
        html = re.sub(r"\s+", " ", client.get(url).content.decode())

    assert "Kegiatan sudah berlangsung" in html
    assert "/batal/" not in html
    assert SECRET_LINK not in html
    assert registration.name in html


def test_a_registration_cannot_be_cancelled_from_its_e_mail_link_once_the_event_is_over(client, event):
    registration = RegistrationFactory(event=event, status=Status.CONFIRMED, confirmed_at=timezone.now())
    url = f"{event.url}batal/{registration.issue_token()}/"

    with time_machine.travel(event.end + datetime.timedelta(hours=1)):
        html = client.get(url).content.decode()
        refused = client.post(url)

    assert "Kegiatan sudah berlangsung" in html and 'method="post"' not in html
    assert refused.status_code == 409
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED
