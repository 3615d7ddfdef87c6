"""The second factor for everyone who can see personal data: password, then a code from the authenticator app
(computed here from the device's key, as the app would) or a single-use recovery code."""

import re
import time

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.access import needs_second_factor
from members.factories import UserFactory
from tests.accounts import PASSWORD

pytestmark = pytest.mark.django_db

VERIFY = "/akun/verifikasi/"
SETUP = "/akun/verifikasi/atur/"


def code_for(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def password_login(email, url="/admin/login/"):
    client = Client()
    response = client.post(url, {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def staff():
    user = UserFactory(email="staf@example.org", is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


def test_staff_editors_with_personal_data_permissions_need_a_second_factor_and_members_do_not(owner):
    editor = UserFactory(email="editor@example.org")
    assert not needs_second_factor(owner) and not needs_second_factor(editor)
    editor.user_permissions.add(Permission.objects.get(codename="view_registration"))
    editor = type(editor).objects.get(pk=editor.pk)
    assert needs_second_factor(editor)
    assert needs_second_factor(UserFactory(is_staff=True))


def test_after_the_password_the_admin_sends_staff_to_the_code_page(staff):
    client = password_login(staff.email)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert '<label for="id_code">' in html


def test_the_right_code_from_the_authenticator_opens_the_admin(staff):
    client = password_login(staff.email)
    device = TOTPDevice.objects.get(user=staff)
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message_and_the_admin_stays_closed(staff):
    client = password_login(staff.email)
    response = client.post(VERIFY, {"code": "000000", "next": "/admin/"})
    assert response.status_code == 400
    assert "Kode ini salah" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(staff):
    device = staff.staticdevice_set.create(name="recovery codes", confirmed=True)
    StaticToken.objects.create(device=device, token="abcd2345")
    first = password_login(staff.email)
    assert first.post(VERIFY, {"code": "ABCD 2345", "next": "/admin/"}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = password_login(staff.email)
    assert second.post(VERIFY, {"code": "abcd2345", "next": "/admin/"}).status_code == 400
    assert second.get("/admin/").status_code == 302


def test_code_tries_are_throttled(staff, settings):
    client = password_login(staff.email)
    statuses = [client.post(VERIFY, {"code": "12345678"}).status_code for _ in range(settings.SECOND_FACTOR_TRIES + 1)]
    assert statuses[-1] == 429
    assert client.post(VERIFY, {"code": code_for(TOTPDevice.objects.get(user=staff))}).status_code == 429


def test_staff_without_an_authenticator_set_one_up_and_get_recovery_codes_once():
    user = UserFactory(email="baru@example.org", is_staff=True, is_superuser=True)
    client = password_login(user.email)
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    response = client.get(VERIFY + "?next=/admin/")
    assert response["Location"].startswith(SETUP)
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert re.search(r"<code>[A-Z2-7 ]{32,}</code>", page)
    done = client.post(SETUP, {"code": code_for(device), "next": "/admin/"})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=user).confirmed


def test_a_key_shown_in_another_session_is_thrown_away_so_a_copied_key_never_becomes_the_authenticator():
    """Someone who knows a new staff member's password opens the set-up page and copies the key; the staff member
    then sets up their own: the copied key is void, and only theirs is confirmed."""
    user = UserFactory(email="baru@example.org", is_staff=True, is_superuser=True)
    intruder = password_login(user.email)
    intruder.get(SETUP)
    copied = TOTPDevice.objects.get(user=user, confirmed=False)
    assert intruder.get(SETUP).status_code == 200
    assert TOTPDevice.objects.get(user=user, confirmed=False) == copied  # the same key on every visit of one session

    owner_client = password_login(user.email)
    owner_client.get(SETUP)
    own = TOTPDevice.objects.get(user=user, confirmed=False)
    assert own.bin_key != copied.bin_key
    assert intruder.post(SETUP, {"code": code_for(copied)})["Location"].startswith(SETUP)  # void: a new key is shown
    assert owner_client.post(SETUP, {"code": code_for(own)}).status_code == 200
    assert list(TOTPDevice.objects.filter(user=user).values_list("key", flat=True)) == [own.key]


def test_a_password_alone_cannot_replace_an_existing_authenticator(staff):
    client = password_login(staff.email)
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    assert client.post(SETUP, {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_members_are_not_asked_for_a_second_factor(owner, profile):
    client = password_login(owner.email, url="/akun/masuk/")
    assert client.get("/alumni/profil-saya/").status_code == 200


def test_reset_second_factor_removes_the_devices_so_the_next_login_sets_up_a_new_one(staff):
    call_command("reset_second_factor", "STAF@example.org")
    assert not TOTPDevice.objects.filter(user=staff).exists()
    client = password_login(staff.email)
    assert client.get(VERIFY)["Location"].startswith(SETUP)


def test_new_recovery_codes_replace_the_old_ones(staff, client):
    client.force_login(staff)
    assert client.get("/akun/verifikasi/kode-cadangan/").status_code == 200
    first = re.findall(r"<code>([a-z2-7]{8})</code>", client.post("/akun/verifikasi/kode-cadangan/").content.decode())
    second = re.findall(r"<code>([a-z2-7]{8})</code>", client.post("/akun/verifikasi/kode-cadangan/").content.decode())
    assert len(first) == len(second) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(second)
