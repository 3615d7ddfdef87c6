"""The member's introductions on the site: answer from the inbox as from the e-mail, see what they asked for; the
request form for a logged-in member; no request to oneself."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Introduction, Visibility
from members.factories import UserFactory
from tests.accounts import english

pytestmark = pytest.mark.django_db

LINK_RE = re.compile(r"https?://\S+/perkenalan/jawab/([-\w]+)/")


def logged_in_client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def siti():
    user = UserFactory(member=True, email="siti@example.org")
    return ProfileFactory(
        user=user,
        full_name="Siti Rahmawati",
        email="siti@example.org",
        visible=Visibility.PUBLIC,
        accepts_introductions=True,
    )


@pytest.fixture
def siti_client(siti):
    return logged_in_client(siti.user)


def introduction(recipient, number=1, **values):
    return Introduction.objects.create(
        recipient=recipient,
        sender_name=values.pop("sender_name", f"Pengirim {number}"),
        sender_email=values.pop("sender_email", f"pengirim{number}@lsm.example.org"),
        purpose=values.pop("purpose", f"Tujuan {number}"),
        message=values.pop("message", "Kami mencari fasilitator."),
        token_hash=f"{number:064d}",
        **values,
    )


def ask(client, profile, **values):
    data = {
        "sender_name": "Budi Santoso",
        "sender_email": "budi@lsm.example.org",
        "sender_organisation": "Lembaga Kohesi",
        "purpose": "Fasilitator dialog di Lebak",
        "message": "Kami mencari fasilitator.",
        "website": "",
    } | values
    return client.post(english("alumni:introduce", profile.public_id), data)


def answer_url(intro):
    return english("alumni:introduction_answer_on_site", intro.pk)


# --- The inbox --------------------------------------------------------------------------------------------


def test_the_inbox_asks_to_log_in(client):
    response = client.get(english("alumni:introductions"))
    assert response.status_code == 302
    assert response["Location"].startswith(english("members:login"))


def test_the_inbox_lists_the_members_own_requests_by_state_and_nobody_elses(siti, siti_client):
    other = ProfileFactory(full_name="Orang Lain", visible=Visibility.PUBLIC, accepts_introductions=True)
    introduction(siti, 1, sender_name="Pak Menunggu")
    introduction(siti, 2, sender_name="Bu Diterima", status="accepted", answered_at=timezone.now())
    introduction(siti, 3, sender_name="Mas Ditolak", sender_email="ditolak@lsm.example.org", status="declined")
    introduction(other, 4, sender_name="Rahasia Orang Lain", purpose="Urusan orang lain")
    with time_machine.travel(timezone.now() - timedelta(days=40)):
        introduction(siti, 5, sender_name="Pak Terlambat")

    response = siti_client.get(english("alumni:introductions"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert "Requests to me (1<span" in html
    for name in ("Pak Menunggu", "Bu Diterima", "Mas Ditolak", "Pak Terlambat"):
        assert name in html
    assert "Rahasia Orang Lain" not in html and "Urusan orang lain" not in html
    assert "pengirim2@lsm.example.org" in html  # accepted: the address was shared
    assert "pengirim1@lsm.example.org" not in html and "ditolak@lsm.example.org" not in html
    assert "Declined: nothing was shared" in html and "Lapsed without an answer" in html
    # Only the waiting request has buttons, and they post to the member's own request.
    assert html.count('name="decision" value="accept"') == 1
    waiting = Introduction.objects.get(sender_name="Pak Menunggu")
    assert f'action="{answer_url(waiting)}"' in html


def test_accepting_on_the_site_does_what_the_e_mailed_link_does(client, siti, siti_client):
    ask(client, siti)
    link = LINK_RE.search(mail.outbox[0].body).group(0)
    mail.outbox.clear()
    intro = Introduction.objects.get()

    response = siti_client.post(answer_url(intro), {"decision": "accept"}, follow=True)

    assert response.redirect_chain == [(english("alumni:introductions"), 302)]
    assert "You accepted the request of Budi Santoso." in response.content.decode()
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.ACCEPTED and intro.answered_at is not None
    to_sender, to_alumnus = mail.outbox
    assert to_sender.to == ["budi@lsm.example.org"] and "siti@example.org" in to_sender.body
    assert to_alumnus.to == ["siti@example.org"] and "budi@lsm.example.org" in to_alumnus.body
    # Answered once, wherever: the e-mailed link and a second click both find nothing to answer.
    assert client.post(link, {"decision": "decline"}).status_code == 404
    again = siti_client.post(answer_url(intro), {"decision": "decline"})
    assert again.status_code == 404
    assert "This request has already been answered or has lapsed." in again.content.decode()
    assert len(mail.outbox) == 2
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.ACCEPTED


def test_declining_on_the_site_shares_nothing(siti, siti_client):
    intro = introduction(siti)

    response = siti_client.post(answer_url(intro), {"decision": "decline"})

    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.DECLINED
    assert mail.outbox == []


def test_a_strangers_answer_is_refused_and_changes_nothing(siti):
    intro = introduction(siti)
    stranger = UserFactory(member=True)
    ProfileFactory(user=stranger, visible=Visibility.PUBLIC)
    staff = UserFactory(is_staff=True)

    for user in (stranger, staff):
        response = logged_in_client(user).post(answer_url(intro), {"decision": "accept"})
        assert response.status_code == 404
        assert "Pengirim 1" not in response.content.decode()
    anonymous = Client().post(answer_url(intro), {"decision": "accept"})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(english("members:login"))
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.PENDING
    assert mail.outbox == []


def test_an_answer_on_the_site_needs_the_csrf_token_and_a_decision(siti):
    intro = introduction(siti)
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(siti.user)
    assert guarded.post(answer_url(intro), {"decision": "accept"}).status_code == 403

    unclear = logged_in_client(siti.user).post(answer_url(intro), {"decision": "maybe"})
    assert unclear.status_code == 400
    assert "Choose whether to accept or decline the request." in unclear.content.decode()
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.PENDING


def test_a_lapsed_request_cannot_be_answered_on_the_site(siti, siti_client):
    with time_machine.travel(timezone.now() - timedelta(days=31)):
        intro = introduction(siti)
    assert siti_client.post(answer_url(intro), {"decision": "accept"}).status_code == 404
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.PENDING


def test_sent_requests_name_the_recipient_and_a_decline_reads_as_no_answer(client, siti):
    budi = UserFactory(member=True, email="budi@lsm.example.org")
    wulan = ProfileFactory(full_name="Wulan Mediator", visible=Visibility.PUBLIC, accepts_introductions=True)
    hidden = ProfileFactory(full_name="Tersembunyi Zq", accepts_introductions=True)
    introduction(siti, 1, sender_email="BUDI@lsm.example.org", purpose="Dialog Lebak", status="declined")
    introduction(wulan, 2, sender_email="budi@lsm.example.org", purpose="Pelatihan", status="accepted")
    introduction(hidden, 3, sender_email="budi@lsm.example.org", purpose="Lama")
    introduction(wulan, 4, sender_email="orang-lain@example.org", purpose="Bukan milik Budi")

    html = logged_in_client(budi).get(english("alumni:introductions")).content.decode()

    assert "To Siti Rahmawati" in html and "To Wulan Mediator" in html
    assert "Tersembunyi Zq" not in html and "To an alumnus you can no longer see" in html
    assert "Bukan milik Budi" not in html
    assert "Declined" not in html  # the sender is never told
    assert html.count("Sent: if they accept") == 2 and html.count("Accepted: we sent you their e-mail address") == 1


def test_the_inbox_has_a_constant_number_of_queries(siti, siti_client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert siti_client.get(english("alumni:introductions")).status_code == 200
        return len(captured)

    def settled_queries():
        # The first pages after a change fill the caches of the site's menu and footer.
        return [queries() for _ in range(3)][-1]

    introduction(siti, 1)
    introduction(ProfileFactory(visible=Visibility.PUBLIC), 100, sender_email="siti@example.org")
    few = settled_queries()
    for number in range(2, 8):
        introduction(siti, number, status="accepted" if number % 2 else "pending")
        introduction(ProfileFactory(visible=Visibility.PUBLIC), 100 + number, sender_email="siti@example.org")
    assert settled_queries() == few


def test_the_menu_links_to_the_inbox_with_the_number_waiting(siti, siti_client):
    introduction(siti, 1)
    introduction(siti, 2)
    introduction(siti, 3, status="declined")
    html = siti_client.get(english("alumni:my_profile")).content.decode()
    menu = html.split('class="account-nav"')[1].split("</div>")[0]
    assert f'<a href="{english("alumni:introductions")}">Introductions (2<span class="visually-hidden">' in menu
    assert "2 requests wait for your answer." in html

    Introduction.objects.update(status="declined")
    menu = siti_client.get(english("alumni:my_profile")).content.decode().split('class="account-nav"')[1]
    assert ">Introductions</a>" in menu.split("</div>")[0]


def test_an_account_without_a_profile_sees_an_empty_inbox(client):
    user = UserFactory(member=True)
    response = logged_in_client(user).get(english("alumni:introductions"))
    assert response.status_code == 200
    assert "Your account has no alumni profile" in response.content.decode()


# --- The request form for a logged-in member ---------------------------------------------------------------


def test_the_form_is_prefilled_for_a_logged_in_member_and_names_the_recipient(siti):
    user = UserFactory(member=True, email="budi@lsm.example.org")
    ProfileFactory(
        user=user, full_name="Budi Santoso", organisations=[OrganisationFactory(name="Lembaga Kohesi Banten")]
    )

    html = logged_in_client(user).get(english("alumni:introduce", siti.public_id)).content.decode()

    assert "<h1>Request an introduction to Siti Rahmawati</h1>" in html
    assert re.search(r'name="sender_name" value="Budi Santoso"', html)
    assert re.search(r'name="sender_email" value="budi@lsm.example.org"', html)
    assert re.search(r'name="sender_organisation" value="Lembaga Kohesi Banten"', html)


def test_the_form_is_empty_for_a_visitor(client, siti):
    html = client.get(english("alumni:introduce", siti.public_id)).content.decode()
    assert 'name="sender_email" value=' not in html


def test_what_a_member_typed_wins_over_the_prefill(siti):
    user = UserFactory(member=True, email="budi@lsm.example.org")
    response = ask(logged_in_client(user), siti, sender_name="Budi S.", purpose="")
    assert response.status_code == 400
    assert 'value="Budi S."' in response.content.decode()


def test_the_own_profile_page_has_no_introduction_button_but_others_do(siti, siti_client):
    other = ProfileFactory(full_name="Wulan Mediator", visible=Visibility.PUBLIC, accepts_introductions=True)
    own_url = english("alumni:introduce", siti.public_id)

    own = siti_client.get(english("alumni:profile", siti.public_id)).content.decode()
    assert own_url not in own
    assert "Others can ask to be introduced to you from this page." in own
    assert (
        english("alumni:introduce", other.public_id)
        in siti_client.get(english("alumni:profile", other.public_id)).content.decode()
    )
    assert own_url in Client().get(english("alumni:profile", siti.public_id)).content.decode()
    # Nor on their own card in the collaborator finder.
    finder = siti_client.get(english("alumni:finder"), {"q": "Rahmawati"}).content.decode()
    assert own_url not in finder


def test_asking_to_be_introduced_to_oneself_is_refused_with_a_message(siti, siti_client):
    response = ask(siti_client, siti, sender_email="lain@example.org")
    assert response.status_code == 400
    assert "You cannot ask to be introduced to yourself." in response.content.decode()
    assert not Introduction.objects.exists() and mail.outbox == []


def test_a_request_not_passed_on_reads_in_the_senders_list_as_one_that_was(settings, siti, siti_client):
    """Over the recipient's daily limit, or to someone not accepting, the logged-in sender's list looks the same as
    for a delivered request; the recipient sees nothing, and a hidden or unknown id leaves no trace either way."""
    settings.INTRODUCTIONS_PER_RECIPIENT_PER_DAY = 1
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 100
    budi = UserFactory(member=True, email="budi@lsm.example.org")
    budi_client = logged_in_client(budi)
    not_accepting = ProfileFactory(full_name="Wulan Tidak", visible=Visibility.PUBLIC, accepts_introductions=False)
    hidden = ProfileFactory(full_name="Tersembunyi Zq", accepts_introductions=True)

    assert (
        ask(Client(REMOTE_ADDR="10.0.9.1"), siti, sender_name="Pertama", sender_email="pertama@example.org").status_code
        == 302
    )
    mail.outbox.clear()
    for profile in (siti, not_accepting, hidden):
        assert ask(budi_client, profile, purpose=f"Untuk {profile.full_name}").status_code == 302
    assert mail.outbox == []

    html = budi_client.get(english("alumni:introductions")).content.decode()
    assert "To Siti Rahmawati" in html and "To Wulan Tidak" in html
    assert html.count("Sent: if they accept") == 2
    assert "Tersembunyi" not in html and "To an alumnus you can no longer see" not in html
    assert not Introduction.objects.filter(recipient=hidden).exists()

    inbox = siti_client.get(english("alumni:introductions")).content.decode()
    assert "pertama@example.org" not in inbox and "Budi Santoso" not in inbox
    assert "Requests to me (1<span" in inbox
    # Nobody can answer it, from anywhere.
    kept = Introduction.objects.get(recipient=siti, sender_email="budi@lsm.example.org")
    assert siti_client.post(answer_url(kept), {"decision": "accept"}).status_code == 404
    assert mail.outbox == []
