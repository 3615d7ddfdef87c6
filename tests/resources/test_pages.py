import pytest
from wagtail.test.utils import WagtailPageTestCase

from resources.factories import CurriculumPageFactory, ModulePageFactory, ResourceDocumentFactory
from resources.models import (
    CurriculumPage,
    ModuleFile,
    ModulePage,
    ModuleRelatedResource,
    ResourceLibraryPage,
    ResourcePage,
)
from website.models import HomePage

pytestmark = pytest.mark.django_db


class TestResourcePageTreeRules(WagtailPageTestCase):
    def test_library_and_curriculum_live_under_a_home_page(self):
        self.assertAllowedParentPageTypes(ResourceLibraryPage, {HomePage})
        self.assertAllowedParentPageTypes(CurriculumPage, {HomePage})

    def test_resources_and_modules_are_leaves_of_their_sections(self):
        self.assertAllowedSubpageTypes(ResourceLibraryPage, {ResourcePage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceLibraryPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())
        self.assertAllowedSubpageTypes(CurriculumPage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, set())


def test_curriculum_lists_its_modules_in_order(client, home):
    curriculum = CurriculumPageFactory(parent=home)
    ModulePageFactory(parent=curriculum, title="Advokasi kebijakan", number=6)
    ModulePageFactory(parent=curriculum, title="Demokrasi dan pemilu", number=1)
    html = client.get(curriculum.url).content.decode()
    assert html.index("Demokrasi dan pemilu") < html.index("Advokasi kebijakan")
    assert "Modul 1" in html


def session(title, minutes, method, materials="", notes=""):
    value = {"title": title, "minutes": minutes, "method": method, "materials": materials, "facilitator_notes": notes}
    return {"type": "session", "value": value}


def test_module_page_shows_objectives_sessions_documents_and_related_resources(client, home, make_resource):
    curriculum = CurriculumPageFactory(parent=home)
    module = ModulePageFactory(
        parent=curriculum,
        title="Deteksi dini",
        sessions=[
            {
                "type": "session",
                "value": {
                    "title": "Peta kerawanan",
                    "minutes": 90,
                    "method": "Diskusi",
                    "materials": "Kertas plano",
                    "facilitator_notes": "<p>Mulai dengan cerita.</p>",
                },
            },
            {
                "type": "session",
                "value": {
                    "title": "Simulasi kasus",
                    "minutes": 60,
                    "method": "Bermain peran",
                    "materials": "",
                    "facilitator_notes": "",
                },
            },
        ],
    )
    ModuleFile.objects.create(page=module, document=ResourceDocumentFactory(title="Lembar kerja deteksi"))
    ModuleRelatedResource.objects.create(page=module, resource=make_resource("SOP deteksi dini"))
    html = client.get(module.url).content.decode()
    assert "Memahami demokrasi." in html
    assert "Peta kerawanan" in html and "Bermain peran" in html
    assert "150" in html  # minutes in all
    assert "Lembar kerja deteksi" in html
    assert f'href="{module.url}unduh/"' in html
    assert "SOP deteksi dini" in html


def test_site_search_includes_resources_and_modules(client, home, make_resource):
    curriculum = CurriculumPageFactory(parent=home)
    ModulePageFactory(
        parent=curriculum, title="Kemitraan pemangku kepentingan", summary="Pemetaan aktor dan kemitraan."
    )
    make_resource("Toolkit kemitraan desa", text="kemitraan")
    titles = [page.title for page in client.get("/search/", {"q": "kemitraan"}).context["search_results"]]
    assert "Kemitraan pemangku kepentingan" in titles
    assert "Toolkit kemitraan desa" in titles


def test_resource_and_module_pages_open_in_the_admin(client, admin_user, library, make_resource, home):
    from django.urls import reverse

    client.force_login(admin_user)
    resource = make_resource("Modul uji", text="isi")
    module = ModulePageFactory(parent=CurriculumPageFactory(parent=home))
    for page in (resource, module, library):
        assert client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", library.pk))
    assert client.get(add).status_code == 200
    for snippet in ("resourcetype", "searchsynonym"):
        assert client.get(reverse(f"wagtailsnippets_resources_{snippet}:list")).status_code == 200
