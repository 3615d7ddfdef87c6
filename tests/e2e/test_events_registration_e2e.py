import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from core.factories import region
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_LINK = "https://meet.example.org/rahasia-123"


@pytest.fixture
def event(home, live_server):
    # E-mailed links are built from the site's address: make it the live server's, as `make run` does.
    call_command("set_site_url", live_server.url, stdout=io.StringIO())
    region("Kota Serang")
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=index, title="Lokakarya Tim Tangguh", capacity=5, event_format="hybrid", online_url=SECRET_LINK
    )
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def emailed_link(route):
    return re.search(rf"https?://\S+/{route}/[\w-]+/", mail.outbox[-1].body).group(0)


def test_visitor_registers_confirms_from_the_email_and_cancels(live_server, page, event):
    page.goto(live_server.url + event.url)
    assert page.locator(f'a[href="{SECRET_LINK}"]').count() == 0
    page.fill("#id_name", "Siti Rahmawati")
    page.fill("#id_email", "siti@example.org")
    page.fill("#id_organisation", "Tim Tangguh Serpong")
    page.select_option("#id_regency", label="Kota Serang")
    page.fill("#id_accessibility_needs", "Akses kursi roda")
    page.check("#id_consent")
    page.locator(".registration__form button[type=submit]").click()
    page.wait_for_url(f"**{event.url}daftar/?terkirim=1")
    assert Registration.objects.get().status == Registration.Status.PENDING

    confirm_url = emailed_link("konfirmasi")
    assert confirm_url.startswith(live_server.url)
    page.goto(confirm_url)
    assert Registration.objects.get().status == Registration.Status.PENDING  # opening the link changes nothing
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(confirm_url)
    assert page.locator(f'a[href="{SECRET_LINK}"]').is_visible()
    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    assert mail.outbox[-1].attachments[0][0] == f"{event.slug}.ics"

    page.goto(emailed_link("batal"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/batal/**")
    assert page.locator("main form").count() == 0
    assert Registration.objects.get().status == Registration.Status.CANCELLED
    assert [error for error in page.console_errors if "Content Security Policy" in error] == []


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']})" for v in results if v["impact"] in {"serious", "critical"}]


def test_registration_form_and_pages_pass_axe(live_server, browser, axe_check, event):
    assert axe_check(live_server.url + event.url) == []
    assert axe_check(f"{live_server.url}{event.url}daftar/") == []

    # The form with its error messages, as a person who left fields out sees it (axe is injected by script,
    # which the site's CSP refuses, hence bypass_csp).
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + event.url)
    page.locator(".registration__form").evaluate("form => { form.noValidate = true }")
    page.fill("#id_email", "bukan-email")
    page.locator(".registration__form button[type=submit]").click()
    page.wait_for_url(f"**{event.url}daftar/")
    assert page.locator(".error-summary").is_visible()
    assert page.locator("[aria-invalid=true]").count() == 5  # name, e-mail, organisation, regency, consent
    assert page.locator("#id_email").input_value() == "bukan-email"
    assert serious_violations(page) == []
    context.close()


def test_a_verified_member_on_a_phone_registers_in_one_tap_sees_it_in_my_events_and_cancels(
    live_server, browser, event, django_user_model
):
    from alumni.factories import OrganisationFactory, ProfileFactory

    member = django_user_model.objects.create_user("siti@example.org", "sandi-rahasia-123", first_name="Siti")
    member.make_member()
    ProfileFactory(
        user=member,
        email=member.email,
        full_name="Siti Rahmawati",
        regency=region("Kota Serang"),
        organisations=[OrganisationFactory(name="Tim Tangguh Serpong")],
    )
    # axe is injected by script, which the site's CSP refuses, hence bypass_csp.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)

    def no_sideways_scroll():
        return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto(f"{live_server.url}/akun/masuk/?next={event.url}")
    page.fill("#id_username", "siti@example.org")
    page.fill("#id_password", "sandi-rahasia-123")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{event.url}")

    one_tap = page.locator("form.one-tap")
    assert "Tim Tangguh Serpong" in one_tap.inner_text()
    assert page.locator(".registration__form").is_hidden()  # the long form waits behind "other details"
    assert no_sideways_scroll()
    assert serious_violations(page) == []
    one_tap.locator("button[name=one_tap]").click()  # the one tap
    page.wait_for_url("**/akun/acara-saya/#registration-*")

    registration = Registration.objects.get()
    assert (registration.status, registration.user_id) == (Registration.Status.CONFIRMED, member.pk)
    assert mail.outbox[-1].attachments[0][0] == f"{event.slug}.ics"  # the confirmation e-mail, no link to open first
    item = page.locator(f"#registration-{registration.pk}")
    assert "Lokakarya Tim Tangguh" in item.inner_text()
    assert item.locator(f'a[href="{event.url}ics/"]').is_visible()
    assert item.locator(f'a[href="{SECRET_LINK}"]').is_visible()  # hybrid: the meeting link for a confirmed seat
    assert page.locator(".account-messages").is_visible()
    assert no_sideways_scroll()
    assert serious_violations(page) == []

    item.locator("a.button").click()
    page.wait_for_url("**/batal/")
    assert Registration.objects.get().status == Registration.Status.CONFIRMED  # asked first
    assert no_sideways_scroll()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/akun/acara-saya/")
    assert Registration.objects.get().status == Registration.Status.CANCELLED
    assert page.locator(f"#registration-{registration.pk} a.button").count() == 0
    context.close()
