"""After a failed submit the log-in, registration and introduction forms open with focus on an error summary (the
GOV.UK pattern): each error a link to its field, the fields marked invalid and described by their error."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from alumni.factories import ProfileFactory
from alumni.models import Visibility
from core.factories import region
from events.factories import EventIndexPageFactory, EventPageFactory

from .layout import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

FIELD_ERROR = r"""(field) => {
    const error = document.getElementById(field.getAttribute("aria-describedby").split(" ").pop());
    return [field.getAttribute("aria-invalid"), error ? error.textContent.replace(/\s+/g, " ").trim() : null];
}"""


@pytest.fixture
def phone(browser):
    # Without the site's CSP, so that axe can be injected by script.
    context = browser.new_context(viewport=PHONE, locale="id-ID", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def moderate_or_worse_violations(page):
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']})" for v in violations if v["impact"] in {"moderate", "serious", "critical"}]


def assert_focus_on_the_summary_and_its_links_lead_to_the_fields(page, expected_links):
    summary = page.locator(".error-summary")
    assert page.evaluate("document.activeElement.matches('.error-summary')")
    assert summary.get_attribute("tabindex") == "-1"
    assert summary.get_by_role("alert").count() == 1
    links = summary.get_by_role("link")
    assert links.all_inner_texts() == expected_links
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")
        field = page.locator(target)
        invalid, error = field.evaluate(FIELD_ERROR)
        assert invalid == "true"
        assert error and error in links.nth(index).inner_text()
    links.first.click()
    assert page.evaluate("document.activeElement.id") == links.first.get_attribute("href")[1:]
    assert moderate_or_worse_violations(page) == []


def test_a_failed_log_in_focuses_the_error_summary(live_server, phone):
    phone.goto(live_server.url + reverse("members:login"))
    phone.locator("#id_password").fill("rahasia")
    phone.locator(".account-form button[type=submit]").click()
    phone.locator(".error-summary").wait_for()
    assert_focus_on_the_summary_and_its_links_lead_to_the_fields(phone, ["Alamat email: Kolom ini harus diisi."])
    assert phone.locator("#id_password").input_value() == ""  # a password is never sent back

    phone.locator("#id_username").fill("tidak-ada@example.org")
    phone.locator("#id_password").fill("salah-sekali")
    phone.locator(".account-form button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.evaluate("document.activeElement.matches('.error-summary')")
    assert phone.locator(".error-summary li").count() == 1  # the wrong pair is named once, not per field
    assert phone.locator("#id_username").input_value() == "tidak-ada@example.org"


def test_a_failed_registration_focuses_the_error_summary(live_server, phone, home):
    region("Kota Serang")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Lokakarya Tim Tangguh", capacity=5)
    event.save_revision().publish()
    phone.goto(live_server.url + event.url)
    phone.locator(".registration__form").evaluate("form => { form.noValidate = true }")
    phone.fill("#id_email", "bukan-email")
    phone.locator(".registration__form button[type=submit]").click()
    phone.locator(".error-summary").wait_for()
    assert phone.locator(".error-summary h2").inner_text() == "Pendaftaran Anda belum terkirim. Mohon periksa:"
    assert_focus_on_the_summary_and_its_links_lead_to_the_fields(
        phone,
        [
            "Nama lengkap: Kolom ini harus diisi.",
            "Alamat email: Masukkan alamat email yang valid.",
            "Organisasi atau lembaga: Kolom ini harus diisi.",
            "Kabupaten/kota di Banten: Pilih kabupaten/kota Anda, atau “Di luar Banten” di akhir daftar.",
            "Mohon berikan persetujuan agar kami dapat mendaftarkan Anda.",  # a checkbox's own words, no label
        ],
    )
    assert phone.locator("#id_email").input_value() == "bukan-email"
    # The regency's link leads to its list too (a select, which the summary's links must reach like any field).
    phone.locator(".error-summary").get_by_role("link", name="Kabupaten/kota di Banten").click()
    assert phone.evaluate("document.activeElement.id") == "id_regency"


def test_a_failed_introduction_request_focuses_the_error_summary(live_server, phone, home):
    person = ProfileFactory(display_name="Wulan Mediator", visible=Visibility.PUBLIC, accepts_introductions=True)
    phone.goto(live_server.url + reverse("alumni:introduce", args=[person.public_id]))
    phone.locator(".account-form").evaluate("form => { form.noValidate = true }")
    phone.locator("#id_sender_email").fill("rahmat@lsm.example.org")
    phone.locator(".account-form button[type=submit]").click()
    phone.locator(".error-summary").wait_for()
    assert_focus_on_the_summary_and_its_links_lead_to_the_fields(
        phone,
        ["Nama Anda: Kolom ini harus diisi.", "Tujuan: Kolom ini harus diisi.", "Pesan: Kolom ini harus diisi."],
    )
    assert phone.locator("#id_sender_email").input_value() == "rahmat@lsm.example.org"
