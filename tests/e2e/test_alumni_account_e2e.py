import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from alumni.claims import send_invitation
from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Visibility
from alumni.policy import visible_profiles
from core.factories import region

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "kopi-tubruk-cilegon-2024"


def serious_violations(browser, url, storage_state=None):
    """axe-core on `url`, logged in when `storage_state` holds the session (the axe_check fixture is anonymous)."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900}, storage_state=storage_state)
    try:
        page = context.new_page()
        page.goto(url)
        results = Axe().run(page)
        return [
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"{[node['target'] for node in violation['nodes']][:3]}"
            for violation in results.response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
    finally:
        context.close()


@pytest.fixture
def invited():
    profile = ProfileFactory(
        full_name="Nur Aini (contoh)",
        email="nur.aini@example.org",
        regency=region("Kota Cilegon"),
        topics=["kohesi sosial"],
        organisations=[OrganisationFactory(name="Forum Pemuda Lintas Iman (contoh)")],
    )
    send_invitation(profile, language="en")
    link = re.search(r"https?://\S+/klaim/\S+/", mail.outbox[-1].body).group(0)
    return profile, re.sub(r"^https?://[^/]+", "", link)


def test_alumnus_claims_from_the_e_mailed_link_sets_visibility_previews_saves_and_hides(
    live_server, page, browser, invited, axe_check
):
    profile, path = invited
    assert axe_check(live_server.url + path) == []  # looking does not use the link up

    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Claim your profile")
    expect(page.get_by_text("Forum Pemuda Lintas Iman (contoh)")).to_be_visible()
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("radio", name="Members").check()
    page.get_by_label("Who sees your e-mail address").select_option("public")
    # The summary follows the choices: a field is never shown to more people than the profile.
    expect(page.locator("[data-summary-for=email_audience] strong")).to_have_text("verified members of the network")
    page.get_by_label("I have read the notice above").check()
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url(live_server.url + "/en/alumni/profil-saya/")
    expect(page.get_by_text("Welcome! Your account is ready.")).to_be_visible()
    profile.refresh_from_db()
    assert profile.visibility == Visibility.MEMBERS and profile.consent_given_at is not None

    page.get_by_role("link", name="Edit my profile").click()
    page.wait_for_url("**/profil-saya/ubah/")
    edit_url = page.url
    assert serious_violations(browser, edit_url, page.context.storage_state()) == []

    visitors = page.locator("[data-preview-panel=visitor]")
    members_tab = page.get_by_role("tab", name="What verified members see")
    expect(page.get_by_role("tab", name="What visitors see")).to_have_attribute("aria-selected", "true")
    expect(visitors).to_contain_text("They cannot see your profile at all")
    page.get_by_role("radio", name="Everyone").check()
    page.get_by_label("Topics of expertise").fill("kohesi sosial, deteksi dini")
    # The server re-renders the preview for the unsaved form, through the visibility policy.
    expect(visitors).to_contain_text("deteksi dini")
    expect(visitors).to_contain_text("nur.aini@example.org")
    members_tab.click()
    expect(members_tab).to_have_attribute("aria-selected", "true")
    expect(page.locator("[data-preview-panel=member]")).to_be_visible()
    expect(visitors).to_be_hidden()
    profile.refresh_from_db()
    assert profile.visibility == Visibility.MEMBERS  # nothing saved yet

    page.get_by_role("button", name="Save my profile").click()
    page.wait_for_url(live_server.url + "/en/alumni/profil-saya/")
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    profile.refresh_from_db()
    assert profile.visibility == Visibility.PUBLIC
    assert visible_profiles(None).filter(pk=profile.pk).exists()

    page.get_by_role("link", name="Hide me everywhere").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hide my profile everywhere?")
    assert visible_profiles(None).filter(pk=profile.pk).exists()  # asking changes nothing
    page.get_by_role("button", name="Yes, hide me everywhere").click()
    expect(page.get_by_text("Your profile is now hidden everywhere.")).to_be_visible()
    assert not visible_profiles(None).filter(pk=profile.pk).exists()
    assert [error for error in page.console_errors if "Content Security Policy" in error] == []


def test_login_and_password_reset_pages_have_no_serious_accessibility_violations(live_server, axe_check):
    for path in ["/akun/masuk/", "/akun/lupa-sandi/", "/en/akun/masuk/", "/en/akun/lupa-sandi/"]:
        assert axe_check(live_server.url + path) == [], path


# --- My profile and its edit page on a phone and on a desktop -----------------------------------------------------

LAYOUT_PATHS = [
    "/alumni/profil-saya/",
    "/alumni/profil-saya/ubah/",
    "/en/alumni/profil-saya/",
    "/en/alumni/profil-saya/ubah/",
]


@pytest.fixture
def full_profile(home):
    """A consented, public profile with every field filled, long words included, as members check it."""
    from members.factories import UserFactory

    user = UserFactory(member=True, email="nurhayati.kusumawardhani@example.org")
    profile = ProfileFactory(
        user=user,
        full_name="Nurhayati Kusumawardhani",
        email="nurhayati.kusumawardhani.fasilitator@example.org",
        email_audience="public",
        phone="+62 812 3456 7890",
        phone_audience="members",
        social_links="https://www.instagram.com/forum.kerukunan.umat.beragama.banten\n@nurhayati.kusumawardhani",
        social_audience="public",
        visible=Visibility.PUBLIC,
        regency=region("Kabupaten Tangerang"),
        languages="Bahasa Indonesia, Sunda, Jawa Serang, Inggris",
        topics=["deteksi dini", "kohesi sosial", "politisasi SARA", "pencegahan ekstremisme kekerasan"],
        help_types=["facilitator", "mediator", "social_media", "policy"],
        organisations=[OrganisationFactory(name="Sekolah Demokrasi Kabupaten Tangerang")],
        open_to_collaborate=True,
        accepts_introductions=True,
    )
    return user, profile


def logged_in_page(browser, live_server, user, width):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


LAYOUT_PROBE = """() => {
    const overflow = document.scrollingElement.scrollWidth - window.innerWidth;
    const cells = [...document.querySelectorAll('.profile-preview dd')]
        .filter((dd) => dd.offsetParent !== null)
        .map((dd) => ({text: dd.textContent.trim().slice(0, 30), width: dd.getBoundingClientRect().width}));
    return {overflow, cells};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_my_profile_and_its_edit_page_fit_the_screen_in_both_languages(live_server, browser, full_profile, width):
    user, _profile = full_profile
    page = logged_in_page(browser, live_server, user, width)
    try:
        for path in LAYOUT_PATHS:
            page.goto(live_server.url + path)
            for tab in ["visitor", "member"]:
                tabs = page.locator(f"[role=tab][data-key={tab}]")
                if tabs.count():
                    tabs.first.click()
                probe = page.evaluate(LAYOUT_PROBE)
                assert probe["overflow"] <= 0, (path, tab, probe["overflow"])
                assert probe["cells"], (path, tab)
                # A value column narrower than this puts one or two letters on a line.
                narrow = [cell for cell in probe["cells"] if cell["width"] < min(200, width * 0.5)]
                assert narrow == [], (path, tab, narrow)
    finally:
        page.context.close()


def test_a_member_answers_an_introduction_on_a_phone_from_the_menu(live_server, browser, full_profile):
    from alumni.models import Introduction

    user, profile = full_profile
    Introduction.objects.create(
        recipient=profile,
        sender_name="Budi Santoso",
        sender_email="budi@lsm.example.org",
        sender_organisation="Lembaga Kohesi Banten",
        purpose="Fasilitator dialog lintas iman di Lebak",
        message="Kami mencari fasilitator untuk bulan depan.",
        token_hash="1" * 64,
    )
    page = logged_in_page(browser, live_server, user, 360)
    try:
        page.goto(live_server.url + "/en/alumni/profil-saya/")
        page.get_by_role("button", name="Menu").click()
        page.get_by_role("link", name=re.compile(r"^Introductions \(1\s*waiting for your answer")).click()
        page.wait_for_url("**/profil-saya/perkenalan/")
        expect(page.get_by_role("heading", level=1)).to_have_text("My introductions")
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
        assert serious_violations(browser, page.url, page.context.storage_state()) == []
        page.get_by_role("button", name="Accept and share e-mail addresses").click()
        expect(page.get_by_text("You accepted the request of Budi Santoso.")).to_be_visible()
        expect(page.get_by_role("link", name="budi@lsm.example.org")).to_be_visible()
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
        expect(page.locator(".account-nav a[href$='/perkenalan/']")).to_have_text("Introductions")  # none waits
        assert Introduction.objects.get().status == Introduction.Status.ACCEPTED
        assert [message.to for message in mail.outbox] == [["budi@lsm.example.org"], [profile.email]]
    finally:
        page.context.close()
