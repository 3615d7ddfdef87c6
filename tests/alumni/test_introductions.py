import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from alumni.factories import ProfileFactory
from alumni.models import Introduction, Visibility
from members.factories import UserFactory

pytestmark = pytest.mark.django_db

UNKNOWN_ID = "TidakAdaSiap"  # 12 characters, like a real public id
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
LINK_RE = re.compile(r"https?://\S+/perkenalan/jawab/([-\w]+)/")


@pytest.fixture
def alumnus():
    return ProfileFactory(
        full_name="Siti Rahmawati",
        email="siti@example.org",
        phone="0812-1111-2222",
        visible=Visibility.PUBLIC,
        accepts_introductions=True,
    )


def url(public_id):
    with translation.override("en"):
        return reverse("alumni:introduce", args=[public_id])


def form_data(**values):
    return {
        "sender_name": "Budi Santoso",
        "sender_email": "budi@lsm.example.org",
        "sender_organisation": "Lembaga Kohesi",
        "purpose": "Fasilitator dialog di Lebak",
        "message": "Kami mencari fasilitator.\nBisa bulan depan?",
        "website": "",
    } | values


def request_to(client, profile_or_id, **values):
    public_id = getattr(profile_or_id, "public_id", profile_or_id)
    return client.post(url(public_id), form_data(**values))


def answer_link(message):
    return LINK_RE.search(message.body)


def comparable(response, public_id):
    """What a visitor can observe of a response, with the CSRF token and the id they typed taken out."""
    body = CSRF_RE.sub("", response.content.decode()).replace(public_id, "ID")
    headers = {name: response.get(name) for name in ("Content-Type", "Location", "Cache-Control", "Vary")}
    return response.status_code, headers, body


def test_the_form_names_the_recipient_and_has_labels_and_a_hidden_honeypot(client, alumnus):
    response = client.get(url(alumnus.public_id))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Request an introduction to Siti Rahmawati</h1>" in html
    for name in ("sender_name", "sender_email", "sender_organisation", "purpose", "message", "website"):
        assert f'<label for="id_{name}">' in html
    assert re.search(r"<div hidden>\s*<label for=\"id_website\">", html)
    assert "csrfmiddlewaretoken" in html
    assert 'name="robots" content="noindex"' in html


def test_hidden_unknown_and_not_accepting_recipients_get_exactly_what_a_real_one_gets(client, settings, alumnus):
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 100
    member_only = ProfileFactory(visible=Visibility.MEMBERS, accepts_introductions=True)
    others = {
        "hidden": ProfileFactory(accepts_introductions=True).public_id,
        "members only": member_only.public_id,
        "not accepting": ProfileFactory(visible=Visibility.PUBLIC, accepts_introductions=False).public_id,
        "unknown": UNKNOWN_ID,
    }
    assert {len(public_id) for public_id in others.values()} == {len(alumnus.public_id)}

    real_post = comparable(request_to(client, alumnus), alumnus.public_id)
    assert real_post[0] == 302
    assert len(mail.outbox) == 1
    assert Introduction.objects.count() == 1
    # The form names only a recipient the visitor may see anyway (here: the one not accepting introductions).
    unknown_get = comparable(client.get(url(UNKNOWN_ID)), UNKNOWN_ID)
    unknown_invalid = comparable(request_to(client, UNKNOWN_ID, sender_email="bukan-alamat"), UNKNOWN_ID)
    assert "<h1>Request an introduction</h1>" in unknown_get[2]

    for kind, public_id in others.items():
        assert comparable(request_to(client, public_id), public_id) == real_post, kind
        if kind != "not accepting":
            assert comparable(client.get(url(public_id)), public_id) == unknown_get, kind
            invalid = request_to(client, public_id, sender_email="bukan-alamat")
            assert comparable(invalid, public_id) == unknown_invalid, kind
    assert len(mail.outbox) == 1
    assert Introduction.objects.count() == 1


def test_a_members_only_profile_can_be_reached_by_a_member(client, settings):
    profile = ProfileFactory(visible=Visibility.MEMBERS, accepts_introductions=True)
    client.force_login(UserFactory(member=True))

    assert request_to(client, profile).status_code == 302

    assert Introduction.objects.get().recipient == profile
    assert mail.outbox[0].to == [profile.email]


def test_a_claimed_profile_without_its_own_address_is_reached_at_the_account_address(client):
    user = UserFactory(email="akun@example.org")
    profile = ProfileFactory(email="", user=user, visible=Visibility.PUBLIC, accepts_introductions=True)

    request_to(client, profile)

    assert mail.outbox[0].to == ["akun@example.org"]


def test_the_request_email_tells_the_alumnus_everything_but_the_senders_address(client, alumnus):
    response = request_to(client, alumnus, message="Halo <script>alert(1)</script> & salam")

    with translation.override("en"):
        assert response["Location"] == reverse("alumni:introduction_sent")
    [message] = mail.outbox
    assert message.to == ["siti@example.org"]
    assert message.subject == "[Jejaring Sekolah Demokrasi] Someone would like to be introduced to you"
    html = message.alternatives[0].content
    for text in ("Budi Santoso", "Lembaga Kohesi", "Fasilitator dialog di Lebak"):
        assert text in message.body
        assert text in html
    assert "Halo <script>alert(1)</script> & salam" in message.body
    assert "Halo &lt;script&gt;alert(1)&lt;/script&gt; &amp; salam" in html
    assert "<script>" not in html
    for secret in ("budi@lsm.example.org", "0812-1111-2222"):
        assert secret not in message.body
        assert secret not in html
    token = answer_link(message).group(1)
    assert answer_link(message).group(0).startswith("http://testserver/en/alumni/perkenalan/jawab/")
    introduction = Introduction.objects.get()
    assert introduction.status == Introduction.Status.PENDING
    assert token not in introduction.token_hash
    assert len(introduction.token_hash) == 64


def test_the_sender_receives_no_email_at_the_time_of_the_request(client, alumnus):
    request_to(client, alumnus)

    assert [message.to for message in mail.outbox] == [["siti@example.org"]]


def test_accepting_sends_each_side_the_others_address_and_the_link_works_once(client, alumnus):
    request_to(client, alumnus)
    link = answer_link(mail.outbox[0]).group(0)

    page = client.get(link)
    assert page.status_code == 200
    assert "Budi Santoso" in page.content.decode()
    assert "budi@lsm.example.org" not in page.content.decode()
    mail.outbox.clear()

    response = client.post(link, {"decision": "accept"})

    assert response.status_code == 200
    assert "You accepted" in response.content.decode()
    to_sender, to_alumnus = mail.outbox
    assert to_sender.to == ["budi@lsm.example.org"]
    assert "siti@example.org" in to_sender.body
    assert "siti@example.org" in to_sender.alternatives[0].content
    assert "0812-1111-2222" not in to_sender.body
    assert to_sender.subject == "[Jejaring Sekolah Demokrasi] Siti Rahmawati accepted your introduction request"
    assert to_alumnus.to == ["siti@example.org"]
    assert "budi@lsm.example.org" in to_alumnus.body
    introduction = Introduction.objects.get()
    assert introduction.status == Introduction.Status.ACCEPTED
    assert introduction.answered_at is not None

    for again in (client.get(link), client.post(link, {"decision": "decline"})):
        assert again.status_code == 404
        assert "This link no longer works" in again.content.decode()
    assert len(mail.outbox) == 2
    assert Introduction.objects.get().status == Introduction.Status.ACCEPTED


def test_declining_reveals_nothing_to_anyone(client, alumnus):
    request_to(client, alumnus)
    link = answer_link(mail.outbox[0]).group(0)
    mail.outbox.clear()

    response = client.post(link, {"decision": "decline"})

    assert response.status_code == 200
    assert "You declined" in response.content.decode()
    assert mail.outbox == []
    assert Introduction.objects.get().status == Introduction.Status.DECLINED
    assert client.post(link, {"decision": "accept"}).status_code == 404
    assert mail.outbox == []


def test_an_answer_without_a_decision_is_refused_and_the_link_still_works(client, alumnus):
    request_to(client, alumnus)
    link = answer_link(mail.outbox[0]).group(0)

    assert client.post(link, {"decision": "maybe"}).status_code == 400
    assert Introduction.objects.get().status == Introduction.Status.PENDING
    assert client.post(link, {"decision": "accept"}).status_code == 200


def test_an_answer_link_lapses_after_thirty_days(client, alumnus):
    request_to(client, alumnus)
    link = answer_link(mail.outbox[0]).group(0)

    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert client.get(link).status_code == 404
        assert client.post(link, {"decision": "accept"}).status_code == 404
    assert Introduction.objects.get().status == Introduction.Status.PENDING


def test_an_unknown_token_gets_the_same_page_as_a_used_one(client):
    with translation.override("en"):
        response = client.get(reverse("alumni:introduction_answer", args=["x" * 43]))
    assert response.status_code == 404
    assert "This link no longer works" in response.content.decode()


def test_the_form_is_refused_without_a_csrf_token(alumnus):
    client = Client(enforce_csrf_checks=True)

    response = request_to(client, alumnus)

    assert response.status_code == 403
    assert mail.outbox == []
    assert not Introduction.objects.exists()


def test_the_answer_is_refused_without_a_csrf_token(client, alumnus):
    request_to(client, alumnus)
    link = answer_link(mail.outbox[0]).group(0)

    assert Client(enforce_csrf_checks=True).post(link, {"decision": "accept"}).status_code == 403
    assert Introduction.objects.get().status == Introduction.Status.PENDING


def test_a_filled_honeypot_looks_like_success_and_sends_nothing(client, alumnus):
    response = request_to(client, alumnus, website="http://spam.example")

    assert response.status_code == 302
    assert response["Location"] == request_to(client, alumnus)["Location"]
    assert len(mail.outbox) == 1  # the second, honest request
    assert Introduction.objects.count() == 1


def test_a_form_with_mistakes_keeps_what_was_typed_and_says_what_is_wrong(client, alumnus):
    response = request_to(client, alumnus, sender_email="budi-at-lsm", purpose="")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "This field is required." in html
    assert 'value="budi-at-lsm"' in html
    assert "Kami mencari fasilitator." in html
    assert 'aria-invalid="true"' in html
    assert mail.outbox == []


def test_the_sender_limit_counts_requests_per_ip_address_whoever_they_are_for(client, settings, alumnus):
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 2
    hidden = ProfileFactory(accepts_introductions=True)

    assert request_to(client, hidden, sender_email="a@example.org").status_code == 302
    assert request_to(client, alumnus, sender_email="b@example.org").status_code == 302
    response = request_to(client, alumnus, sender_email="c@example.org", sender_name="Orang Ketiga")

    assert response.status_code == 429
    html = response.content.decode()
    assert "You have sent too many introduction requests today." in html
    assert 'value="Orang Ketiga"' in html
    assert Introduction.objects.count() == 1
    assert len(mail.outbox) == 1
    other_ip = Client(REMOTE_ADDR="10.0.0.9")
    assert request_to(other_ip, alumnus, sender_email="d@example.org").status_code == 302


def test_the_sender_limit_counts_requests_per_email_address_across_ip_addresses(settings, alumnus):
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 2
    other = ProfileFactory(visible=Visibility.PUBLIC, accepts_introductions=True)
    for number, profile in enumerate([alumnus, other]):
        assert request_to(Client(REMOTE_ADDR=f"10.0.0.{number}"), profile).status_code == 302

    third = ProfileFactory(visible=Visibility.PUBLIC, accepts_introductions=True)
    response = request_to(Client(REMOTE_ADDR="10.0.0.99"), third, sender_email="BUDI@lsm.example.org")

    assert response.status_code == 429
    assert Introduction.objects.count() == 2


def test_behind_trusted_proxies_the_limit_counts_the_address_they_saw_not_a_forged_one(settings, alumnus):
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 1
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.9.9.9")

    def send(forwarded, email):
        return proxy.post(url(alumnus.public_id), form_data(sender_email=email), HTTP_X_FORWARDED_FOR=forwarded)

    assert send("203.0.113.5", "a@example.org").status_code == 302
    assert send("198.51.100.7, 203.0.113.5", "b@example.org").status_code == 429  # forged first entry
    assert send("203.0.113.6", "c@example.org").status_code == 302


def test_the_sender_limit_resets_the_next_day(client, settings, alumnus):
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 1
    other = ProfileFactory(visible=Visibility.PUBLIC, accepts_introductions=True)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert request_to(client, alumnus).status_code == 302
        assert request_to(client, other).status_code == 429
        traveller.shift(timedelta(days=1, minutes=1))
        assert request_to(client, alumnus).status_code == 302


def test_over_the_recipient_limit_senders_see_success_but_nothing_is_delivered(settings, alumnus):
    settings.INTRODUCTIONS_PER_RECIPIENT_PER_DAY = 2
    responses = [
        request_to(Client(REMOTE_ADDR=f"10.0.1.{number}"), alumnus, sender_email=f"s{number}@example.org")
        for number in range(3)
    ]

    assert [response.status_code for response in responses] == [302, 302, 302]
    assert len({response["Location"] for response in responses}) == 1
    assert len(mail.outbox) == 2
    assert Introduction.objects.count() == 2
    other = ProfileFactory(visible=Visibility.PUBLIC, accepts_introductions=True)
    request_to(Client(REMOTE_ADDR="10.0.1.50"), other, sender_email="lain@example.org")
    assert mail.outbox[-1].to == [other.email]


def test_no_email_to_anyone_else_carries_a_hidden_persons_data(client, settings, alumnus):
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 100
    marker = "PENANDARAHASIA"
    hidden = ProfileFactory(
        full_name=f"Nama {marker}",
        email=f"{marker.lower()}@example.org",
        bio=f"Bio {marker}",
        phone=marker,
        accepts_introductions=True,
    )
    request_to(client, hidden)
    request_to(client, hidden, website="bot")
    request_to(client, alumnus)
    client.post(answer_link(mail.outbox[-1]).group(0), {"decision": "accept"})

    assert len(mail.outbox) == 3
    for message in mail.outbox:
        everything = message.message().as_string() + "".join(content for content, _type in message.alternatives)
        assert marker.lower() not in everything.lower()
    assert not Introduction.objects.filter(recipient=hidden).exists()


def test_the_sent_page_promises_nothing_about_an_answer(client):
    with translation.override("en"):
        response = client.get(reverse("alumni:introduction_sent"))
    assert response.status_code == 200
    assert "If the alumnus accepts" in response.content.decode()


def test_a_member_cannot_ask_to_be_introduced_to_themself(client):
    owner = UserFactory(member=True, email="diri@example.org")
    mine = ProfileFactory(user=owner, full_name="Dewi Sendiri", visible=Visibility.PUBLIC, accepts_introductions=True)
    client.force_login(owner)

    with translation.override("en"):
        page = client.get(url(mine.public_id))
        response = request_to(client, mine, sender_email="lain@example.org")

    assert page.status_code == 200
    assert response.status_code == 400
    assert "You cannot ask to be introduced to yourself." in response.content.decode()
    assert mail.outbox == []
    assert not Introduction.objects.exists()


def test_a_request_under_the_recipients_own_address_is_not_delivered(client, alumnus):
    assert request_to(client, alumnus, sender_email="SITI@example.org").status_code == 302
    assert mail.outbox == []
    assert not Introduction.objects.exists()


def test_one_sender_reaches_a_recipient_once_a_day_and_says_so_the_second_time(client, settings, alumnus):
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 100
    assert request_to(client, alumnus).status_code == 302
    again = request_to(client, alumnus, sender_email="alamat-lain@example.org")
    elsewhere = request_to(Client(REMOTE_ADDR="10.0.3.1"), alumnus)  # the same e-mail from another address

    assert again.status_code == elsewhere.status_code == 429
    assert "You have already asked to be introduced to this person today." in again.content.decode()
    assert len(mail.outbox) == 1
    assert Introduction.objects.count() == 1


def test_one_sender_cannot_use_up_a_recipients_daily_limit(settings, alumnus):
    settings.INTRODUCTIONS_PER_RECIPIENT_PER_DAY = 2
    settings.INTRODUCTIONS_PER_SENDER_PER_DAY = 100
    flooder = Client(REMOTE_ADDR="10.0.4.1")
    for number in range(5):
        request_to(flooder, alumnus, sender_email=f"banjir{number}@example.org")

    assert request_to(Client(REMOTE_ADDR="10.0.4.2"), alumnus, sender_email="tulus@example.org").status_code == 302
    assert [message.to for message in mail.outbox] == [[alumnus.email], [alumnus.email]]
    assert set(Introduction.objects.values_list("sender_email", flat=True)) == {
        "banjir0@example.org",
        "tulus@example.org",
    }
