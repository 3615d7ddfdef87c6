import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Introduction, Visibility
from core.factories import region

pytestmark = pytest.mark.django_db(transaction=True)


def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def choose(page, facet, value):
    """Tick a filter as a visitor does, opening its group first if it is folded (on a phone)."""
    group = page.locator("details.facet-group").filter(has=page.locator(f'input[name="{facet}"]'))
    option = group.locator(f'input[value="{value}"]')
    if not option.is_visible():
        group.locator("summary").click()
    option.check()


@pytest.fixture
def alumni(home):
    lebak, cilegon = region("Kabupaten Lebak"), region("Kota Cilegon")
    mediator = ProfileFactory(
        display_name="Wulan Mediator",
        email="wulan@example.org",
        phone="0813-0000-1111",
        visible=Visibility.PUBLIC,
        regency=lebak,
        topics=["kohesi sosial"],
        help_types=["mediator"],
        organisations=[OrganisationFactory(name="Forum Lintas Iman Lebak")],
        accepts_introductions=True,
        open_to_collaborate=True,
    )
    ProfileFactory(display_name="Yusuf Cilegon", visible=Visibility.PUBLIC, regency=cilegon, topics=["kohesi sosial"])
    ProfileFactory(display_name="Lebak Lain", visible=Visibility.PUBLIC, regency=lebak, topics=["pemilu damai"])
    return {"mediator": mediator}


def test_a_cso_finds_a_collaborator_by_region_and_topic_and_is_introduced(live_server, page, alumni):
    mediator = alumni["mediator"]
    page.goto(live_server.url + english("alumni:directory"))
    cards = page.locator(".person-card")
    assert cards.count() == 3

    choose(page, "region", "kabupaten-lebak")
    choose(page, "topic", "kohesi-sosial")
    page.locator(".facets button[type=submit]").click()
    page.wait_for_url("**topic=kohesi-sosial**")
    assert cards.count() == 1

    page.get_by_role("link", name="Wulan Mediator").click()
    page.wait_for_url(live_server.url + english("alumni:profile", mediator.public_id))
    page.get_by_role("link", name="Request an introduction").click()
    page.wait_for_url(live_server.url + english("alumni:introduce", mediator.public_id))
    # The form names the person it goes to (the visitor has just seen their profile), never their contact details.
    assert page.get_by_role("heading", level=1).inner_text() == "Request an introduction to Wulan Mediator"
    assert mediator.email not in page.content()

    page.get_by_label("Your name").fill("Rahmat Hidayat")
    page.get_by_label("Your e-mail").fill("rahmat@lsm.example.org")
    page.get_by_label("Your organisation").fill("Yayasan Damai Banten")
    page.get_by_label("Purpose").fill("Mediator for a village dialogue in Lebak")
    page.get_by_label("Message").fill("We are planning a dialogue in March.\nCould you help?")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url(live_server.url + english("alumni:introduction_sent"))
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you, your request is on its way"

    [request] = mail.outbox
    assert request.to == ["wulan@example.org"]
    assert "rahmat@lsm.example.org" not in request.body
    link = re.search(r"http://\S+/perkenalan/jawab/\S+/", request.body).group(0)
    page.goto(link.replace("http://testserver", live_server.url))
    assert "Rahmat Hidayat" in page.locator("main").inner_text()
    page.get_by_role("button", name="Accept and share e-mail addresses").click()
    page.get_by_role("heading", name="Thank you for answering").wait_for()

    to_sender, to_alumnus = mail.outbox[1:]
    assert to_sender.to == ["rahmat@lsm.example.org"]
    assert "wulan@example.org" in to_sender.body
    assert "0813-0000-1111" not in to_sender.body
    assert "rahmat@lsm.example.org" in to_alumnus.body
    assert Introduction.objects.get().status == Introduction.Status.ACCEPTED
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_introduction_form_has_no_serious_accessibility_violations(live_server, axe_check, alumni, language):
    with translation.override(language):
        url = reverse("alumni:introduce", args=[alumni["mediator"].public_id])

    assert axe_check(live_server.url + url) == []
