"""On a 360 px phone: a resource's download button is on the first screen and saves the file under its title; a
module leads to the next one and its ZIP holds the session plan."""

import io
import re
import zipfile

import pytest

from resources.factories import (
    CurriculumPageFactory,
    ModulePageFactory,
    ResourceDocumentFactory,
    ResourceLibraryPageFactory,
    ResourcePageFactory,
)
from resources.models import ModuleFile

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="id-ID", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_on_a_phone_the_download_button_is_on_the_first_screen_and_names_the_file(live_server, phone, home):
    library = ResourceLibraryPageFactory(parent=home)
    resource = ResourcePageFactory(
        parent=library,
        title="Peraturan Wali Kota Tangerang Selatan tentang Rencana Aksi Daerah Pencegahan Ekstremisme",
        summary="Perwal tentang rencana aksi daerah pencegahan dan penanggulangan ekstremisme berbasis kekerasan "
        "yang mengarah pada terorisme di Kota Tangerang Selatan, 2022–2026.",
        publisher="Pemerintah Kota Tangerang Selatan",
    )
    document = ResourceDocumentFactory(title="Perwal Tangsel RAD PE 2022", text="isi " * 200)
    resource.files.create(document=document)
    resource.save_revision().publish()

    phone.goto(live_server.url + resource.url)
    button = phone.get_by_role("link", name=re.compile(r"PDF \(\d"))
    box = button.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]  # seen without scrolling
    assert box["width"] >= PHONE["width"] - 2 * 24  # the whole width of the column: an easy tap
    assert fits(phone)
    with phone.expect_download() as download_info:
        button.click()
    assert download_info.value.suggested_filename == "perwal-tangsel-rad-pe-2022.pdf"


def test_on_a_phone_a_module_leads_to_the_next_and_its_zip_holds_the_session_plan(live_server, phone, home):
    curriculum = CurriculumPageFactory(parent=home)
    first = ModulePageFactory(
        parent=curriculum,
        number=1,
        title="Demokrasi, toleransi dan pencegahan ekstremisme kekerasan",
        sessions=[
            {
                "type": "session",
                "value": {
                    "title": "Peta kerawanan",
                    "minutes": 90,
                    "method": "Diskusi",
                    "materials": "",
                    "facilitator_notes": "",
                },
            }
        ],
    )
    ModuleFile.objects.create(page=first, document=ResourceDocumentFactory(title="Lembar kerja peta kerawanan"))
    second = ModulePageFactory(parent=curriculum, number=2, title="Deteksi dini dan respons cepat")

    phone.goto(live_server.url + first.url)
    assert fits(phone)
    with phone.expect_download() as download_info:
        phone.locator(f'a[href="{first.url}unduh/"]').click()
    with open(download_info.value.path(), "rb") as handle:
        names = zipfile.ZipFile(io.BytesIO(handle.read())).namelist()
    assert sorted(names) == [
        "lembar-kerja-peta-kerawanan.pdf",
        "rencana-sesi-demokrasi-toleransi-dan-pencegahan-ekstremisme-kekerasan.html",
    ]

    phone.locator("a[rel=next]").click()
    phone.wait_for_url(live_server.url + second.url)
    assert phone.get_by_role("heading", level=1).inner_text() == "Deteksi dini dan respons cepat"
    assert fits(phone)
    assert phone.locator("a[rel=prev]").get_attribute("href") == first.url
