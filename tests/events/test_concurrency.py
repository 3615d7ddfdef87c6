"""Seats under simultaneous requests. Each thread has its own database connection, as web workers do.

PostgreSQL only: SQLite has no row locks (it serialises whole writing transactions instead), and its in-memory
test database is not shared between connections.
"""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from core.factories import region
from events import registration as services
from events.models import Registration

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite has no row locks to test"),
]
Status = Registration.Status


@pytest.fixture(autouse=True)
def _wagtail_roots(transactional_db):
    """Transactional tests flush the database, taking the rows migrations made with it."""
    from wagtail.models import Collection, Locale, Page

    locale = Locale.objects.get_or_create(language_code="id")[0]
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def simultaneously(count, work):
    """Runs work(i) in `count` threads released together by a barrier; returns the results."""
    barrier = threading.Barrier(count, timeout=60)

    def run(i):
        try:
            barrier.wait()
            return work(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def person(i, serang, email=None):
    return {
        "name": f"Peserta {i}",
        "email": email or f"peserta{i}@example.org",
        "phone": "",
        "organisation": "Tim Tangguh",
        "regency": serang,
        "accessibility_needs": "",
        "consent": True,
    }


def test_fifty_people_confirming_at_once_for_five_seats_give_five_confirmed_and_45_waitlisted(make_event):
    event = make_event(capacity=5)
    serang = region("Kota Serang")

    def register_and_confirm(i):
        registration, created = services.register(event, person(i, serang))
        assert created
        return services.confirm(registration).status

    statuses = simultaneously(50, register_and_confirm)

    assert statuses.count(Status.CONFIRMED) == 5
    assert statuses.count(Status.WAITLISTED) == 45
    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 5
    waiting = Registration.objects.filter(status=Status.WAITLISTED).order_by("waitlisted_at", "pk")
    assert waiting.count() == 45
    assert len({r.waitlisted_at for r in waiting}) == 45  # a strict order
    # Everyone is told where they stand; the five with a seat get the calendar file.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"peserta{i}@example.org" for i in range(50))
    assert sum(bool(message.attachments) for message in mail.outbox) == 5


def test_cancellations_at_once_never_give_more_seats_than_freed(make_event):
    event = make_event(capacity=5)
    serang = region("Kota Serang")
    people = [services.register(event, person(i, serang))[0] for i in range(15)]
    for registration in people:
        services.confirm(registration)
    confirmed = list(Registration.objects.filter(status=Status.CONFIRMED))

    simultaneously(3, lambda i: services.cancel(confirmed[i]))

    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 5
    first_waiting = [r.pk for r in people[5:8]]
    assert set(Registration.objects.filter(status=Status.CONFIRMED).values_list("pk", flat=True)) >= set(first_waiting)


def test_the_same_address_sent_at_once_gets_one_registration(make_event):
    event = make_event(capacity=5)
    serang = region("Kota Serang")

    results = simultaneously(10, lambda i: services.register(event, person(i, serang, email="siti@example.org")))

    assert sum(created for _, created in results) == 1
    assert Registration.objects.count() == 1


def test_two_reminder_runs_at_once_send_each_reminder_once(make_event):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    start = tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)
    event = make_event(capacity=30, start=start, end=start + datetime.timedelta(hours=3))
    serang = region("Kota Serang")
    for i in range(20):
        registration = services.register(event, person(i, serang))[0]
        services.confirm(registration)
    mail.outbox.clear()

    results = simultaneously(2, lambda i: services.send_reminders())

    assert sum(len(sent) for sent in results) == 20
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"peserta{i}@example.org" for i in range(20))


def test_twenty_members_tapping_at_once_for_five_seats_never_overbook(make_event, django_user_model):
    event = make_event(capacity=5)
    serang = region("Kota Serang")
    members = []
    for i in range(20):
        user = django_user_model.objects.create_user(f"anggota{i}@example.org", "sandi-rahasia-123")
        user.make_member()
        members.append(user)

    def tap(i):
        return services.register_member(event, person(i, serang, email=members[i].email), members[i])[0].status

    statuses = simultaneously(20, tap)

    assert statuses.count(Status.CONFIRMED) == 5
    assert statuses.count(Status.WAITLISTED) == 15
    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 5
    assert Registration.objects.filter(user__isnull=False).count() == 20
    # Each is told by e-mail where they stand (no link to confirm first); the five with a seat get the calendar file.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(user.email for user in members)
    assert sum(bool(message.attachments) for message in mail.outbox) == 5


def test_one_member_tapping_twice_at_once_gets_one_registration(make_event, django_user_model):
    event = make_event(capacity=5)
    serang = region("Kota Serang")
    user = django_user_model.objects.create_user("siti@example.org", "sandi-rahasia-123")
    user.make_member()

    simultaneously(5, lambda i: services.register_member(event, person(i, serang, email=user.email), user))

    assert Registration.objects.count() == 1
    assert Registration.objects.get().status == Status.CONFIRMED
    assert len(mail.outbox) == 1
