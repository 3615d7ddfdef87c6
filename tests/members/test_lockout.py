"""Brute-force protection (django-axes): 20 wrong passwords lock the account from every address, 20 from one
address lock that address for every account, on every form that checks a password."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.factories import UserFactory
from tests.accounts import PASSWORD, english

pytestmark = pytest.mark.django_db

LIMIT = 20
SITE_LOGIN = "/akun/masuk/"
ADMIN_LOGIN = "/admin/login/"


def try_login(client, url, email, password, address="203.0.113.7", **headers):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address, **headers)


def fail(client, url, email, times=LIMIT, address="203.0.113.7"):
    return [try_login(client, url, email, "salah-sekali", address).status_code for _ in range(times)]


@pytest.mark.parametrize("url", [SITE_LOGIN, ADMIN_LOGIN])
def test_twenty_wrong_passwords_lock_the_login_form_and_then_the_right_password_fails_too(client, url):
    staff = UserFactory(email="staf@example.org", is_staff=True, is_superuser=True)
    statuses = fail(client, url, staff.email)
    assert set(statuses[: LIMIT - 1]) == {200}
    assert statuses[-1] == 429
    response = try_login(client, url, staff.email, PASSWORD)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_locked_out_page_is_translated_and_points_to_the_password_reset(client, owner):
    fail(client, SITE_LOGIN, owner.email)
    response = try_login(client, english("members:login"), owner.email, PASSWORD)
    body = response.content.decode()
    assert response.status_code == 429
    assert "Too many tries" in body and "try again in 30 minutes" in body
    assert reverse("members:password_reset") in body or english("members:password_reset") in body
    assert response["Retry-After"] == "1800"


def test_members_only_pages_send_visitors_to_the_same_locked_login(client, home, owner):
    from wagtail.models import PageViewRestriction

    from website.factories import StandardPageFactory

    page = StandardPageFactory(parent=home, slug="khusus-anggota")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    login_url = client.get(page.url)["Location"].split("?")[0]
    assert login_url == SITE_LOGIN
    fail(client, login_url, owner.email)
    assert try_login(client, login_url, owner.email, PASSWORD).status_code == 429


def test_an_account_locked_by_guesses_from_many_addresses_stays_locked_from_a_new_address(client, owner):
    for number in range(LIMIT):
        try_login(client, SITE_LOGIN, owner.email, "salah", address=f"198.51.100.{number}")
    response = try_login(client, SITE_LOGIN, owner.email.upper(), PASSWORD, address="192.0.2.99")
    assert response.status_code == 429


def test_an_address_that_guessed_twenty_accounts_is_locked_for_every_account_but_others_can_log_in(client, owner):
    for number in range(LIMIT):
        try_login(client, SITE_LOGIN, f"tebakan{number}@example.org", "salah", address="203.0.113.50")
    assert try_login(client, SITE_LOGIN, owner.email, PASSWORD, address="203.0.113.50").status_code == 429
    assert try_login(client, SITE_LOGIN, owner.email, PASSWORD, address="192.0.2.1").status_code == 302


def test_a_forged_x_forwarded_for_does_not_give_a_new_address_without_trusted_proxies(client, owner):
    for number in range(LIMIT):
        try_login(client, SITE_LOGIN, f"tebakan{number}@example.org", "salah", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    response = try_login(client, SITE_LOGIN, owner.email, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, owner, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(LIMIT):
        try_login(client, SITE_LOGIN, f"tebakan{number}@example.org", "salah", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert try_login(client, SITE_LOGIN, owner.email, PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.1").status_code == 429
    assert try_login(client, SITE_LOGIN, owner.email, PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.2").status_code == 302


def test_a_successful_login_resets_the_accounts_count(client, owner):
    fail(client, SITE_LOGIN, owner.email, times=LIMIT - 1)
    assert try_login(client, SITE_LOGIN, owner.email, PASSWORD).status_code == 302
    client.post(reverse("members:logout"))
    assert set(fail(client, SITE_LOGIN, owner.email, times=LIMIT - 1)) == {200}
    assert try_login(client, SITE_LOGIN, owner.email, PASSWORD).status_code == 302


def test_logging_in_to_ones_own_account_does_not_reset_the_guesses_at_another(client, owner):
    other = UserFactory(email="lain@example.org")
    fail(client, SITE_LOGIN, other.email, times=LIMIT - 1)
    assert try_login(client, SITE_LOGIN, owner.email, PASSWORD).status_code == 302
    client.post(reverse("members:logout"))
    assert try_login(client, SITE_LOGIN, other.email, "salah", address="192.0.2.5").status_code == 429


def test_wrong_passwords_on_the_delete_account_form_count_towards_the_lockout(logged_in, owner):
    url = reverse("members:account_delete")
    statuses = [logged_in.post(url, {"password": "salah"}).status_code for _ in range(LIMIT)]
    assert set(statuses[: LIMIT - 1]) == {400}
    assert statuses[-1] == 429
    assert logged_in.post(url, {"password": PASSWORD}).status_code == 429
    owner.refresh_from_db()  # still there


def test_prune_records_deletes_counts_past_their_cool_off_and_keeps_current_ones(client, owner):
    fail(client, SITE_LOGIN, owner.email, times=3)
    AccessAttempt.objects.create(
        username="lama@example.org",
        ip_address="192.0.2.3",
        user_agent="",
        get_data="",
        post_data="",
        http_accept="",
        path_info="",
        failures_since_start=5,
    )
    AccessAttempt.objects.filter(username="lama@example.org").update(attempt_time=timezone.now() - timedelta(hours=2))
    call_command("prune_records")
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {owner.email}


# --- The same password-hash work whether or not an address has an account ------------------------------------

HASHES = []


class CountingHasher(MD5PasswordHasher):
    """Counts every password hash computed (verifying a password hashes it too)."""

    algorithm = "counting"

    def encode(self, password, salt):
        HASHES.append(password)
        return super().encode(password, salt)


def test_logging_in_costs_one_password_hash_whether_or_not_the_address_has_an_account(client, settings):
    settings.PASSWORD_HASHERS = ["tests.members.test_lockout.CountingHasher"]
    UserFactory(email="ada@example.org")
    no_password = UserFactory(email="tanpa-sandi@example.org")
    no_password.set_unusable_password()
    no_password.save()
    UserFactory(email="nonaktif@example.org", is_active=False)
    counts = {}
    for email in [
        "ada@example.org",
        "ADA@example.org",
        "tidak-ada@example.org",
        no_password.email,
        "nonaktif@example.org",
    ]:
        HASHES.clear()
        assert try_login(client, SITE_LOGIN, email, "salah", address="192.0.2.200").status_code == 200
        counts[email] = len(HASHES)
    assert set(counts.values()) == {1}, counts


def test_wrong_shared_page_passwords_lock_the_address_and_a_right_one_still_opens_before(client, home):
    """Wagtail's "private, accessible with a password" pages check the password without authenticate()."""
    from wagtail.models import PageViewRestriction

    from website.factories import StandardPageFactory

    page = StandardPageFactory(parent=home, slug="kata-sandi-bersama", title="Halaman bersandi")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="sandi-bersama"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    right = {"password": "sandi-bersama", "return_url": page.url}
    assert client.post(url, right, REMOTE_ADDR="198.51.100.4").status_code == 302  # a right one does not count

    statuses = [
        client.post(url, {"password": "tebak", "return_url": page.url}, REMOTE_ADDR="198.51.100.4").status_code
        for _ in range(LIMIT + 1)
    ]
    assert set(statuses[:LIMIT]) == {200}
    assert statuses[LIMIT] == 429
    locked = client.post(url, right, REMOTE_ADDR="198.51.100.4")
    assert locked.status_code == 429 and "Terlalu banyak percobaan" in locked.content.decode()
    assert client.post(url, right, REMOTE_ADDR="198.51.100.5").status_code == 302  # another address is not locked


def test_wrong_shared_document_passwords_lock_the_address(client, root_collection):
    from wagtail.models import Collection, CollectionViewRestriction

    collection = root_collection.add_child(instance=Collection(name="Bersandi"))
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="sandi-dokumen"
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    statuses = [
        client.post(url, {"password": "tebak", "return_url": "/"}, REMOTE_ADDR="198.51.100.6").status_code
        for _ in range(LIMIT + 1)
    ]
    assert set(statuses[:LIMIT]) == {200} and statuses[LIMIT] == 429
    right = {"password": "sandi-dokumen", "return_url": "/"}
    assert client.post(url, right, REMOTE_ADDR="198.51.100.6").status_code == 429
    assert client.post(url, right, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_a_new_password_through_the_emailed_link_ends_the_accounts_lockout(client, owner):
    import re

    from django.core import mail

    fail(client, SITE_LOGIN, owner.email, address="198.51.100.20")
    assert try_login(client, SITE_LOGIN, owner.email, PASSWORD, address="192.0.2.30").status_code == 429
    client.post("/akun/lupa-sandi/", {"email": owner.email})
    link = re.search(r"http://testserver(/akun/atur-sandi/\S+/)", mail.outbox[-1].body).group(1)
    form_page = client.get(link, follow=True)
    new = {"new_password1": "teh-manis-cilegon-42", "new_password2": "teh-manis-cilegon-42"}
    assert client.post(form_page.redirect_chain[-1][0], new).status_code == 302
    assert try_login(client, SITE_LOGIN, owner.email, "teh-manis-cilegon-42", address="192.0.2.30").status_code == 302
