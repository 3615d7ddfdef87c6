"""axe-core finds no moderate, serious or critical violation on any page type or main view, on a phone and a desktop."""

import pytest
from django.test import Client
from django.urls import reverse

from members.factories import UserFactory
from tests.e2e.conftest import MODERATE_OR_WORSE
from tests.website.page_types import MEMBER_EMAIL, every_page_type

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_page_type_has_a_moderate_or_worse_accessibility_violation(live_server, browser, axe_check, home):
    pages = every_page_type(home)
    client = Client()
    client.force_login(UserFactory._meta.model.objects.get(email=MEMBER_EMAIL))
    session = {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}
    context = browser.new_context()
    context.add_cookies([session])
    member_page = context.new_page()
    member_page.goto(live_server.url + reverse("alumni:my_profile"))
    assert member_page.url == live_server.url + reverse("alumni:my_profile")  # the session works: no login page
    context.close()
    found = {}
    for name, path, as_member in pages:
        for width in (360, 1280):
            violations = axe_check(
                live_server.url + path, impacts=MODERATE_OR_WORSE, width=width, cookies=[session] if as_member else []
            )
            if violations:
                found[f"{name} ({path}) at {width} px"] = violations
    assert found == {}
