"""Sessions end after a while unused for those who see contact details, and after SESSION_MAX_DAYS for everyone."""

import datetime as dt

import pytest
import time_machine
from django.test import Client

from members.factories import UserFactory
from tests.accounts import PASSWORD

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def logged_in_client(user):
    client = Client()
    assert client.post("/akun/masuk/", {"username": user.email, "password": PASSWORD}).status_code == 302
    return client


def test_a_member_is_logged_out_after_two_idle_hours_but_not_while_active(owner, profile):
    with time_machine.travel(START, tick=False) as clock:
        client = logged_in_client(owner)
        assert client.get("/alumni/profil-saya/").status_code == 200
        clock.shift(dt.timedelta(minutes=110))
        assert client.get("/alumni/profil-saya/").status_code == 200
        clock.shift(dt.timedelta(minutes=110))
        assert client.get("/alumni/profil-saya/").status_code == 200
        clock.shift(dt.timedelta(minutes=121))
        assert client.get("/alumni/profil-saya/").status_code == 302
        assert "_auth_user_id" not in client.session


def test_staff_are_logged_out_after_thirty_idle_minutes(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(staff)
        assert client.get("/admin/").status_code == 200
        clock.shift(dt.timedelta(minutes=29))
        assert client.get("/admin/").status_code == 200
        clock.shift(dt.timedelta(minutes=31))
        assert client.get("/admin/").status_code == 302
        assert "_auth_user_id" not in client.session


def test_every_session_ends_after_session_max_days_however_active(settings):
    account = UserFactory(email="mitra@example.org")  # not a member: no idle limit, only the absolute one
    with time_machine.travel(START, tick=False) as clock:
        client = logged_in_client(account)
        for _day in range(settings.SESSION_MAX_DAYS):
            assert client.get("/akun/ganti-email/").status_code == 200
            clock.shift(dt.timedelta(hours=23, minutes=59))
        clock.shift(dt.timedelta(minutes=10))
        assert client.get("/akun/ganti-email/").status_code == 302


def test_the_session_cookie_lasts_less_than_fourteen_days(settings):
    assert settings.SESSION_COOKIE_AGE < 14 * 24 * 60 * 60
