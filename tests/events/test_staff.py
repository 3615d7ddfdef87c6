import csv
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import hooks

from core.factories import region
from events import registration as services
from events.factories import RegistrationFactory
from events.models import EventPage, Registration
from members.factories import UserFactory
from tests.events.conftest import WIB, wib

pytestmark = pytest.mark.django_db

Status = Registration.Status
LIST_URL = "wagtailsnippets_events_registration:list"
# The export's columns, in order (their headings are translated).
COLUMNS = [
    "event",
    "name",
    "email",
    "phone",
    "organisation",
    "regency",
    "needs",
    "status",
    "created_at",
    "confirmed_at",
    "waitlisted_at",
    "cancelled_at",
    "attended",
]


def url(name, *args):
    return reverse(f"wagtailsnippets_events_registration:{name}", args=args)


@pytest.fixture
def event(make_event):
    return make_event(title="Lokakarya Tim Tangguh", capacity=2, start=wib(2030, 11, 4, 9), end=wib(2030, 11, 5, 16))


@pytest.fixture
def staff_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def door_staff(db):
    """An event organiser: admin access and the registration permissions only."""
    user = UserFactory()
    group = Group.objects.create(name="Panitia kegiatan")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="events", codename__endswith="_registration"),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def outsiders(db):
    """Who must never see registrations: anonymous visitors, verified members, editors without the permission."""
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    return {"anonymous": None, "member": UserFactory(member=True), "editor": editor}


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def seated(event, count, **fields):
    people = [RegistrationFactory(event=event, **fields) for _ in range(count)]
    return [services.confirm(person) for person in people]


def test_staff_list_search_and_filter_registrations(staff_client, event, make_event):
    other = make_event(title="Dialog warga", capacity=10)
    siti = RegistrationFactory(event=event, name="Siti Rahmawati", organisation="FKUB Kota Serang")
    RegistrationFactory(event=event, name="Budi Santoso", organisation="Tim Tangguh Serpong", attended=True)
    RegistrationFactory(event=other, name="Dewi Lestari")
    services.confirm(siti)

    html = staff_client.get(url("list")).content.decode()
    assert all(name in html for name in ["Siti Rahmawati", "Budi Santoso", "Dewi Lestari"])

    def names(**params):
        html = staff_client.get(url("list"), params).content.decode()
        return {name for name in ["Siti Rahmawati", "Budi Santoso", "Dewi Lestari"] if name in html}

    assert names(q="fkub") == {"Siti Rahmawati"}
    assert names(q="budi") == {"Budi Santoso"}
    assert names(event=other.translation_key) == {"Dewi Lestari"}
    assert names(status=Status.CONFIRMED) == {"Siti Rahmawati"}
    assert names(attended="true") == {"Budi Santoso"}


def test_the_listing_runs_the_same_queries_for_10_and_100_registrations(staff_client, event):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert staff_client.get(url("list"), {"export": "csv"}).status_code == 200
            assert staff_client.get(url("list")).status_code == 200
        return len(context)

    RegistrationFactory.create_batch(10, event=event, regency=region("Kota Serang"))
    queries()  # warm the process-wide caches (content types) that the first export fills
    ten = queries()
    RegistrationFactory.create_batch(90, event=event, regency=region("Kota Serang"))
    queries()  # fills what is kept under the new content version (permissions), as the first call above did
    assert queries() == ten


def test_csv_export_has_local_times_and_defuses_spreadsheet_formulas(staff_client, event):
    registration = RegistrationFactory(
        event=event, name='=HYPERLINK("http://evil.example")', phone="+62 812 3456 7890", regency=region("Kota Serang")
    )
    services.confirm(registration)
    registration.refresh_from_db()

    response = staff_client.get(url("list"), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert 'filename="registrations.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    assert len(rows[0]) == len(COLUMNS)
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["phone"] == "'+62 812 3456 7890"
    assert row["event"] == "Lokakarya Tim Tangguh"
    assert row["regency"] == "Kota Serang"
    assert row["confirmed_at"] == registration.confirmed_at.astimezone(WIB).strftime("%Y-%m-%d %H:%M")
    assert row["status"] != "confirmed"  # the label people read, not the code


@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_only_staff_with_the_permission_see_list_or_export(outsiders, who, event):
    RegistrationFactory(event=event, name="Siti Rahmawati", email="siti@example.org")
    client = client_for(outsiders[who])
    for params in [{}, {"export": "csv"}, {"export": "xlsx"}]:
        response = client.get(url("list"), params)
        assert response.status_code in (302, 403)
        body = b"" if response.streaming else response.content
        assert b"siti@example.org" not in body
    if who == "anonymous":
        assert "/admin/login/" in client.get(url("list"))["Location"]


def test_door_staff_check_people_in_and_can_undo(door_staff, event):
    siti, budi = seated(event, 2)
    client = client_for(door_staff)
    listing = client.get(url("list")).content.decode()
    assert f'action="{url("attendance", siti.pk)}"' in listing

    response = client.post(url("attendance", siti.pk), {"attended": "1", "next": reverse(LIST_URL) + "?q=siti"})
    assert response.status_code == 302 and response["Location"] == reverse(LIST_URL) + "?q=siti"
    client.post(url("attendance", siti.pk), {"attended": "1"})  # a double click at the door
    assert Registration.objects.get(pk=siti.pk).attended is True
    assert Registration.objects.get(pk=budi.pk).attended is False

    client.post(url("attendance", siti.pk), {"attended": ""})
    assert Registration.objects.get(pk=siti.pk).attended is False
    assert client.get(url("attendance", siti.pk)).status_code == 405


@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_others_cannot_check_anyone_in_or_cancel(outsiders, who, event):
    (siti,) = seated(event, 1)
    client = client_for(outsiders[who])
    assert client.post(url("attendance", siti.pk), {"attended": "1"}).status_code in (302, 403)
    assert client.post(url("cancel_registration", siti.pk)).status_code in (302, 403)
    siti.refresh_from_db()
    assert (siti.attended, siti.status) == (False, Status.CONFIRMED)


def test_staff_cancelling_in_the_admin_promotes_the_waiting_list(door_staff, event):
    first, second, waiting = seated(event, 3)
    assert waiting.status == Status.WAITLISTED
    client = client_for(door_staff)
    mail.outbox.clear()

    page = client.get(url("cancel_registration", first.pk))
    assert page.status_code == 200 and first.name in page.content.decode()
    assert Registration.objects.get(pk=first.pk).status == Status.CONFIRMED

    response = client.post(url("cancel_registration", first.pk))
    assert response.status_code == 302
    assert Registration.objects.get(pk=first.pk).status == Status.CANCELLED
    assert Registration.objects.get(pk=waiting.pk).status == Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_deleting_a_confirmed_registration_in_the_admin_gives_the_seat_away(staff_client, event):
    first, _second, waiting = seated(event, 3)
    mail.outbox.clear()

    response = staff_client.post(url("delete", first.pk))

    assert response.status_code == 302
    assert not Registration.objects.filter(pk=first.pk).exists()
    assert Registration.objects.get(pk=waiting.pk).status == Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_raising_the_capacity_fills_seats_from_the_waiting_list_when_published(rf, event):
    *_, third, fourth = seated(event, 4)
    event.capacity = 3
    event.save_revision().publish()

    for hook in hooks.get_hooks("after_publish_page"):
        hook(rf.post("/"), event)

    assert Registration.objects.get(pk=third.pk).status == Status.CONFIRMED
    assert Registration.objects.get(pk=fourth.pk).status == Status.WAITLISTED


def test_staff_cannot_type_in_registrations_that_bypass_confirmation(staff_client):
    assert staff_client.get(url("add")).status_code in (302, 403)
    assert "Add registration" not in staff_client.get(url("list")).content.decode()


def test_the_event_page_in_the_admin_links_to_its_registrations(staff_client, event):
    expected = f"{reverse(LIST_URL)}?event={event.translation_key}"
    assert expected in staff_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    explorer = staff_client.get(reverse("wagtailadmin_explore", args=[event.get_parent().pk])).content.decode()
    assert expected in explorer


def test_staff_editing_an_address_cannot_create_a_second_active_registration(staff_client, event):
    siti = RegistrationFactory(event=event, name="Siti", email="siti@example.org")
    budi = RegistrationFactory(event=event, name="Budi", email="budi@example.org")
    form = {"name": "Budi", "email": "SITI@example.org", "phone": "", "organisation": "", "accessibility_needs": ""}

    response = staff_client.post(url("edit", budi.pk), form)

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["email"]
    assert Registration.objects.get(pk=budi.pk).email == "budi@example.org"
    assert staff_client.post(url("edit", budi.pk), {**form, "email": "budi.baru@example.org"}).status_code == 302
    assert Registration.objects.get(pk=budi.pk).email == "budi.baru@example.org"
    assert Registration.objects.get(pk=siti.pk).email == "siti@example.org"


def test_an_event_people_registered_for_cannot_be_deleted_but_can_be_cancelled(staff_client, event):
    person = RegistrationFactory(event=event)
    services.confirm(person)
    response = staff_client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]))
    assert response.status_code == 302
    assert EventPage.objects.filter(pk=event.pk).exists()
    assert Registration.objects.filter(pk=person.pk).exists()

    services.cancel(person)
    staff_client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]))
    assert not EventPage.objects.filter(pk=event.pk).exists()


@pytest.fixture
def organiser_without_export(db, event):
    """Staff who edit the event page and handle its registrations, but were not given the export permission."""
    from wagtail.models import GroupPagePermission

    user = UserFactory(is_staff=True)
    group = Group.objects.create(name="Panitia tanpa ekspor")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="events", codename__in=["view_registration", "change_registration"]
        ),
    )
    GroupPagePermission.objects.create(
        group=group, page=event, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)
    return user


def test_staff_with_page_and_registration_access_but_no_export_permission_cannot_export(
    organiser_without_export, event
):
    from alumni.models import AuditLog

    RegistrationFactory(event=event, name="Siti Rahmawati", email="siti@example.org")
    client = client_for(organiser_without_export)

    listing = client.get(url("list"))
    assert listing.status_code == 200 and "Siti Rahmawati" in listing.content.decode()
    assert "export=csv" not in listing.content.decode()
    for export_format in ["csv", "xlsx"]:
        response = client.get(url("list"), {"export": export_format})
        assert response.status_code == 403
        assert b"siti@example.org" not in response.content
    assert not AuditLog.objects.exists()


def test_each_export_is_written_to_the_audit_log_with_who_which_event_and_how_many_rows(door_staff, event, make_event):
    from alumni.models import AuditLog

    other = make_event(title="Dialog warga", capacity=10)
    RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=other)
    client = client_for(door_staff)

    response = client.get(url("list"), {"export": "csv", "event": event.translation_key})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4

    (entry,) = AuditLog.objects.all()
    assert entry.user == door_staff
    assert entry.action == AuditLog.Action.EXPORT
    assert entry.created_at is not None
    assert "Lokakarya Tim Tangguh" in entry.detail and "Dialog warga" not in entry.detail
    assert "csv: 3 " in entry.detail

    assert client.get(url("list"), {"export": "xlsx"}).status_code == 200
    assert AuditLog.objects.count() == 2
    assert "xlsx: 4 " in AuditLog.objects.first().detail


def test_the_indonesian_export_says_ya_and_tidak_not_true_and_false(staff_client, event):
    RegistrationFactory(event=event, name="Hadir", attended=True)
    RegistrationFactory(event=event, name="Absen")

    response = staff_client.get(url("list"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text), fieldnames=COLUMNS))
    assert rows[0]["attended"] == "Hadir"  # the heading, in Indonesian too
    assert {row["name"]: row["attended"] for row in rows[1:]} == {"Hadir": "Ya", "Absen": "Tidak"}
    assert "True" not in text and "False" not in text


def test_the_event_filter_lists_each_event_once_and_selects_every_language(staff_client, event, home_en, locales):
    index_en = event.get_parent().specific.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    event_en = event.copy_for_translation(locales["en"])
    event_en.title = "Tim Tangguh workshop"
    event_en.save_revision().publish()
    RegistrationFactory(event=event, name="Siti Rahmawati")
    RegistrationFactory(event=event_en, name="Guest Visitor")

    html = staff_client.get(url("list")).content.decode()
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', html)
    events = [(value, label) for value, label in options if value == str(event.translation_key)]
    assert events == [(str(event.translation_key), "Lokakarya Tim Tangguh (4 Nov 2030)")]
    assert "Tim Tangguh workshop (" not in html

    # The English page's "Registrations" button selects the same event, with both languages' registrations.
    edit = staff_client.get(reverse("wagtailadmin_pages:edit", args=[event_en.pk])).content.decode()
    assert f"?event={event.translation_key}" in edit
    filtered = staff_client.get(url("list"), {"event": str(event.translation_key)}).content.decode()
    assert "Siti Rahmawati" in filtered and "Guest Visitor" in filtered
