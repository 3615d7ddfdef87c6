import pytest
from django.urls import reverse

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Visibility
from core.factories import region

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alumni(home):
    pandeglang, serang = region("Kabupaten Pandeglang"), region("Kota Serang")
    forum = OrganisationFactory(name="Forum Kerukunan Pandeglang")
    rina = ProfileFactory(
        display_name="Rina Fasilitator",
        visible=Visibility.PUBLIC,
        regency=pandeglang,
        topics=["deteksi dini", "kohesi sosial"],
        help_types=["facilitator"],
        organisations=[forum],
        bio="Fasilitator dialog antarumat di Pandeglang.",
        accepts_introductions=True,
        open_to_collaborate=True,
    )
    ProfileFactory(display_name="Budi Pemilu", visible=Visibility.PUBLIC, regency=pandeglang, topics=["pemilu damai"])
    ProfileFactory(display_name="Sari Serang", visible=Visibility.PUBLIC, regency=serang, topics=["deteksi dini"])
    ProfileFactory(display_name="Tersembunyi Pandeglang", regency=pandeglang, topics=["deteksi dini"])
    return {"rina": rina}


def test_a_cso_filters_the_directory_by_region_and_topic_and_opens_a_profile(live_server, page, alumni):
    page.goto(live_server.url + reverse("alumni:directory"))
    cards = page.locator(".person-card")
    assert cards.count() == 3
    assert "Tersembunyi" not in page.content()

    page.locator('input[name="region"][value="kabupaten-pandeglang"]').check()
    page.locator('input[name="topic"][value="deteksi-dini"]').check()  # on a wide screen every facet shows
    page.locator(".facets button[type=submit]").click()
    page.wait_for_url("**topic=deteksi-dini**")
    assert "region=kabupaten-pandeglang" in page.url
    assert cards.count() == 1
    assert page.locator('input[name="region"][value="kabupaten-pandeglang"]').is_checked()

    page.get_by_role("link", name="Rina Fasilitator").click()
    page.wait_for_url(live_server.url + reverse("alumni:profile", args=[alumni["rina"].public_id]))
    assert page.get_by_role("heading", level=1).inner_text() == "Rina Fasilitator"
    assert page.get_by_role("link", name="Forum Kerukunan Pandeglang").is_visible()
    introduce = reverse("alumni:introduce", args=[alumni["rina"].public_id])
    assert page.locator(f'a[href="{introduce}"]').is_visible()
    assert page.console_errors == []


def test_on_a_phone_the_facets_fold_so_the_results_come_first(live_server, page, alumni):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + reverse("alumni:directory") + "?region=kabupaten-pandeglang")
    topic = page.locator('input[name="topic"][value="deteksi-dini"]')
    region = page.locator('input[name="region"][value="kabupaten-pandeglang"]')
    assert not region.is_visible()  # every filter folds behind one "Filter" disclosure
    page.locator("details.facets > summary").click()
    assert not topic.is_visible() and region.is_visible()  # a facet with a chosen option stays open
    page.locator("details.facet-group", has=topic).locator("summary").click()
    assert topic.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_the_search_box_suggests_visible_names(live_server, page, alumni):
    page.goto(live_server.url + reverse("alumni:directory"))
    page.locator("#alumni-q").press_sequentially("Rin", delay=50)
    option = page.get_by_role("option").first
    option.wait_for()
    assert "Rina Fasilitator" in option.inner_text()
    page.locator("#alumni-q").fill("")
    page.locator("#alumni-q").press_sequentially("Tersem", delay=50)
    page.wait_for_timeout(600)
    assert page.get_by_role("option").count() == 0


def test_the_directory_fits_a_360px_phone(live_server, browser, alumni):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    try:
        phone = context.new_page()
        for url in (reverse("alumni:directory"), reverse("alumni:profile", args=[alumni["rina"].public_id])):
            phone.goto(live_server.url + url)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 360, url
        phone.goto(live_server.url + reverse("alumni:directory"))
        assert phone.locator(".person-card").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("which", ["directory", "filtered", "profile", "finder"])
def test_directory_and_profile_pages_have_no_serious_accessibility_violations(live_server, axe_check, alumni, which):
    url = {
        "directory": reverse("alumni:directory"),
        "filtered": reverse("alumni:directory") + "?region=kabupaten-pandeglang&q=rina",
        "profile": reverse("alumni:profile", args=[alumni["rina"].public_id]),
        "finder": reverse("alumni:finder") + "?q=deteksi+dini&help=facilitator",
    }[which]
    assert axe_check(live_server.url + url) == []
