"""Accounts: log in with the e-mail address in any case, log out, reset the password, change the e-mail address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from members.factories import UserFactory
from tests.accounts import PASSWORD, english

pytestmark = pytest.mark.django_db


# --- Log in, log out, password reset -------------------------------------------------------------


def test_login_page_renders_with_labelled_fields(client):
    html = client.get(reverse("members:login")).content.decode()
    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html
    assert reverse("members:password_reset") in html


@pytest.mark.parametrize("identifier", ["dewi@example.org", "DEWI@Example.org", " dewi@example.org "])
def test_members_log_in_with_their_e_mail_in_any_case(client, owner, identifier):
    response = client.post(reverse("members:login"), {"username": identifier, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("alumni:my_profile")
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_a_wrong_password_keeps_the_typed_identifier_and_logs_nobody_in(client, owner):
    response = client.post(reverse("members:login"), {"username": "dewi@example.org", "password": "salah"})
    assert response.status_code == 200
    assert 'value="dewi@example.org"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post(logged_in):
    assert logged_in.get(reverse("members:logout")).status_code == 405
    assert logged_in.post(reverse("members:logout")).status_code == 302
    assert "_auth_user_id" not in logged_in.session


def test_password_reset_gives_the_same_response_for_known_and_unknown_addresses(client, owner):
    known = client.post(reverse("members:password_reset"), {"email": "dewi@example.org"})
    unknown = client.post(reverse("members:password_reset"), {"email": "tidak.ada@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("members:password_reset_done")
    assert client.get(known["Location"]).content == client.get(unknown["Location"]).content
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dewi@example.org"]


def test_password_reset_e_mail_is_in_the_requests_language_and_its_link_sets_a_new_password(client, owner):
    client.post("/en/akun/lupa-sandi/", {"email": "dewi@example.org"})
    message = mail.outbox[0]
    assert message.subject == "[Jejaring Sekolah Demokrasi] Choose a new password"
    assert "Hello Dewi" in message.body
    assert message.alternatives[0][1] == "text/html"
    link = re.search(r"http://testserver(/en/akun/atur-sandi/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "teh-manis-cilegon-42", "new_password2": "teh-manis-cilegon-42"},
    )
    assert response["Location"] == "/en/akun/atur-sandi/selesai/"
    owner.refresh_from_db()
    assert owner.check_password("teh-manis-cilegon-42")


# --- E-mail change ---------------------------------------------------------------------------------------


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0).replace("http://testserver", "")


def test_e_mail_change_needs_the_password_and_the_new_address_and_tells_the_old_one(logged_in, owner, profile):
    url = reverse("members:email_change")
    wrong = logged_in.post(url, {"email": "dewi.baru@example.org", "password": "salah"})
    assert wrong.status_code == 400
    assert 'value="dewi.baru@example.org"' in wrong.content.decode()
    assert not mail.outbox

    response = logged_in.post(url, {"email": "dewi.baru@example.org", "password": PASSWORD})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.email == "dewi@example.org"  # nothing changes before the new address confirms
    assert mail.outbox[0].to == ["dewi.baru@example.org"]
    assert mail.outbox[0].subject.startswith("[Jejaring Sekolah Demokrasi] ")
    confirm = link_in(mail.outbox[0])

    assert logged_in.get(confirm).status_code == 200  # a mail scanner's GET changes nothing
    owner.refresh_from_db()
    assert owner.email == "dewi@example.org"
    assert logged_in.post(confirm).status_code == 302
    owner.refresh_from_db()
    profile.refresh_from_db()
    assert owner.email == profile.email == "dewi.baru@example.org"
    assert mail.outbox[1].to == ["dewi@example.org"]
    assert logged_in.post(confirm).status_code == 410  # single use: the old address no longer matches


def test_e_mail_change_never_says_an_address_has_an_account_and_cannot_take_it(logged_in, owner):
    UserFactory(email="dipakai@example.org")
    unknown = logged_in.post(reverse("members:email_change"), {"email": "bebas@example.org", "password": PASSWORD})
    taken = logged_in.post(reverse("members:email_change"), {"email": "dipakai@example.org", "password": PASSWORD})
    assert unknown.status_code == taken.status_code == 302
    assert logged_in.post(link_in(mail.outbox[1])).status_code == 409  # only the address' owner sees this
    owner.refresh_from_db()
    assert owner.email == "dewi@example.org"


def test_an_e_mail_change_link_works_only_for_its_account(logged_in, client):
    logged_in.post(reverse("members:email_change"), {"email": "dewi.baru@example.org", "password": PASSWORD})
    client.force_login(UserFactory(member=True))
    assert client.post(link_in(mail.outbox[0])).status_code == 410
    assert client.post(reverse("members:email_confirm", args=["rusak"])).status_code == 410


# --- The e-mail address is the login, one account per address ---------------------------------------------


def test_an_address_belongs_to_one_account_whatever_its_case(owner):
    assert get_user_model().objects.get_by_natural_key("DEWI@EXAMPLE.ORG") == owner
    with pytest.raises(IntegrityError), transaction.atomic():
        get_user_model().objects.create_user("Dewi@Example.org", "sandi-lain-456")
    assert UserFactory(email=" Baru@Example.ORG ").email == "baru@example.org"


def test_staff_adding_an_account_for_a_taken_address_get_a_form_error_not_a_crash(client, owner):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    data = {"email": "DEWI@example.org", "first_name": "Dewi", "last_name": "Dua", "password1": "Sandi-panjang-789"}
    response = client.post(reverse("wagtailusers_users:add"), {**data, "password2": data["password1"]})
    assert response.status_code == 200  # the form again, with its error
    assert get_user_model().objects.filter(email__iexact="dewi@example.org").count() == 1


def test_logging_in_remembers_the_language_for_the_e_mails_the_person_gets(client, owner):
    client.post(english("members:login"), {"username": "dewi@example.org", "password": PASSWORD})
    owner.refresh_from_db()
    assert owner.language == "en"


def test_staff_manage_accounts_in_the_wagtail_admin(client, owner):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    listing = client.get(reverse("wagtailusers_users:index"), {"q": "dewi"})
    assert listing.status_code == 200 and "dewi@example.org" in listing.content.decode()
    assert client.get(reverse("wagtailusers_users:add")).status_code == 200
    assert client.get(reverse("wagtailusers_users:edit", args=[owner.pk])).status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/alumni/masuk/?next=/pustaka/", "/akun/masuk/?next=/pustaka/"),
        ("/en/alumni/atur-sandi/MQ/abc-123/", "/en/akun/atur-sandi/MQ/abc-123/"),
        ("/alumni/profil-saya/ganti-email/tanda/", "/akun/ganti-email/tanda/"),
        ("/alumni/profil-saya/hapus-akun/", "/akun/hapus-akun/"),
    ],
)
def test_account_pages_that_moved_from_alumni_redirect_for_good(client, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new
