"""Members-only resources, modules and documents never reach anonymous visitors, through any channel."""

import io
import zipfile

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from resources.factories import CurriculumPageFactory, ModulePageFactory, ResourceDocumentFactory
from resources.models import ModuleFile

pytestmark = pytest.mark.django_db

SECRET = "Zambrudsecret"


@pytest.fixture
def resources(library, make_resource, members_collection):
    public = make_resource("Panduan terbuka", text="Panduan umum kohesi.", tags=["kohesi sosial"], type_slug="toolkit")
    private = make_resource(
        f"Catatan internal {SECRET}",
        text=f"Isi rahasia {SECRET} tentang kasus.",
        members_only=True,
        tags=[f"topik {SECRET}"],
        type_slug="laporan-riset",
        collection=members_collection,
        published_year=2019,
    )
    return {"public": public, "private": private, "document": private.files.first().document}


def anonymous_and_member_views(client, member, url, params=None):
    anonymous = client.get(url, params or {})
    client.force_login(member)
    as_member = client.get(url, params or {})
    client.logout()
    return anonymous, as_member


def test_library_list_and_facet_counts_hide_members_only_items_from_anonymous_visitors(
    client, member, library, resources
):
    anonymous, as_member = anonymous_and_member_views(client, member, library.url)
    assert SECRET not in anonymous.content.decode()
    assert anonymous.context["result_count"] == 1
    assert "laporan-riset" not in anonymous.content.decode()
    assert "2019" not in [o.value for f in anonymous.context["facets"] for o in f.options]
    assert SECRET in as_member.content.decode()
    assert as_member.context["result_count"] == 2


@pytest.mark.parametrize("word", [SECRET.lower(), "rahasia"])
def test_library_search_and_autocomplete_hide_members_only_items(client, member, library, resources, word):
    anonymous, as_member = anonymous_and_member_views(client, member, library.url, {"q": word})
    assert SECRET not in anonymous.content.decode()
    assert anonymous.context["result_count"] == 0
    assert as_member.context["result_count"] == 1
    anonymous, as_member = anonymous_and_member_views(client, member, library.url + "autocomplete/", {"q": "catatan"})
    assert anonymous.json() == {"results": []}
    assert len(as_member.json()["results"]) == 1


def test_site_search_hides_members_only_items_from_anonymous_visitors(client, member, resources):
    anonymous, as_member = anonymous_and_member_views(client, member, "/search/", {"q": "catatan internal"})
    assert SECRET not in anonymous.content.decode()
    assert SECRET in as_member.content.decode()


def test_sitemap_and_feeds_never_list_members_only_items(client, member, resources):
    client.force_login(member)  # even a member's request must not put them in public documents
    assert SECRET.lower() not in client.get("/sitemap.xml").content.decode().lower()
    feed = feedparser.parse(client.get("/feeds/resources/rss/").content)
    assert [entry.title for entry in feed.entries] == ["Panduan terbuka"]


def test_members_only_resource_page_and_file_ask_anonymous_visitors_to_log_in(client, member, resources):
    document = resources["document"]
    page_response = client.get(resources["private"].url)
    file_response = client.get(document.url)
    # The site's own login page (Wagtail's unstyled /_util/login/ does not take the e-mail address).
    login = reverse("members:login")
    assert page_response.status_code == 302 and page_response["Location"].startswith(f"{login}?next=")
    assert file_response.status_code == 302 and file_response["Location"].startswith(f"{login}?next=")
    client.force_login(member)
    assert client.get(resources["private"].url).status_code == 200
    assert client.get(document.url).status_code == 200


def test_member_only_documents_are_not_reachable_through_the_media_folder(client, resources):
    assert client.get("/media/" + resources["document"].file.name).status_code == 404


def test_module_zip_contains_only_the_documents_the_visitor_may_download(client, member, home, members_collection):
    curriculum = CurriculumPageFactory(parent=home)
    module = ModulePageFactory(parent=curriculum, title="Deteksi dini")
    open_file = ResourceDocumentFactory(title="Lembar kerja", text="terbuka")
    closed_file = ResourceDocumentFactory(title=f"Catatan {SECRET}", text="tertutup", collection=members_collection)
    ModuleFile.objects.create(page=module, document=open_file)
    ModuleFile.objects.create(page=module, document=closed_file)

    def names(response):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        return sorted(zipfile.ZipFile(io.BytesIO(response.content)).namelist())

    assert names(client.get(module.url + "unduh/")) == ["lembar-kerja.pdf"]
    module_html = client.get(module.url).content.decode()
    assert "Lembar kerja" in module_html and SECRET not in module_html
    client.force_login(member)
    assert names(client.get(module.url + "unduh/")) == sorted(["lembar-kerja.pdf", closed_file.download_name])


def test_zip_of_a_members_only_module_is_refused_to_anonymous_visitors(client, home):
    curriculum = CurriculumPageFactory(parent=home)
    module = ModulePageFactory(parent=curriculum)
    ModuleFile.objects.create(page=module, document=ResourceDocumentFactory())
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(module.url + "unduh/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("members:login"))


def test_module_without_downloadable_documents_gives_a_404_for_the_zip(client, home):
    module = ModulePageFactory(parent=CurriculumPageFactory(parent=home))
    assert client.get(module.url + "unduh/").status_code == 404


def test_a_page_and_a_document_for_one_group_answer_no_access_to_other_accounts_never_a_login_loop(
    client, member, make_resource
):
    board = Group.objects.create(name="Pengurus")
    page = make_resource("Notulen pengurus")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS).groups.add(board)
    collection = Collection.get_first_root_node().add_child(name="Pengurus saja")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).groups.add(board)
    document = ResourceDocumentFactory(collection=collection)

    anonymous = [client.get(page.url), client.get(document.url)]
    assert all(r.status_code == 302 and r["Location"].startswith(reverse("members:login")) for r in anonymous)

    client.force_login(member)  # a verified member, but not on the board
    refused = client.get(page.url)
    assert refused.status_code == 403 and "Tidak ada akses" in refused.content.decode()  # the site's page, translated
    assert client.get(document.url).status_code == 403
    login = client.get(reverse("members:login"), {"next": page.url})
    assert login.status_code == 302 and client.get(login["Location"]).status_code == 403  # one hop, then an answer

    member.groups.add(board)
    assert client.get(page.url).status_code == 200 and client.get(document.url).status_code == 200


# --- A public resource that also lists a members-only file (audit finding 1) ---------------------------------

FILE_SECRET = "Kalimayasandi"


@pytest.fixture
def mixed_resource(make_resource, members_collection):
    """A public page with a public file and a members-only file; some words are only in the members-only one."""
    page = make_resource("Panduan dialog warga", text="Panduan kohesi sosial untuk dialog warga.")
    private = ResourceDocumentFactory(
        title="Lampiran internal",
        text=f"Catatan kohesi internal: narasumber {FILE_SECRET} dari kelompok minoritas.",
        collection=members_collection,
    )
    page.files.create(document=private)
    page.save_revision().publish()
    return page


def test_anonymous_visitors_cannot_find_a_public_resource_by_words_only_in_its_members_only_file(
    client, member, library, mixed_resource
):
    for url in [library.url, "/search/"]:
        anonymous, as_member = anonymous_and_member_views(client, member, url, {"q": FILE_SECRET.lower()})
        assert anonymous.status_code == 200
        assert FILE_SECRET not in anonymous.content.decode()
        assert "Panduan dialog warga" not in anonymous.content.decode()
    anonymous, as_member = anonymous_and_member_views(client, member, library.url, {"q": FILE_SECRET.lower()})
    assert anonymous.context["result_count"] == 0
    assert as_member.context["result_count"] == 1
    assert f"<mark>{FILE_SECRET}</mark>" in as_member.content.decode()


def test_snippets_never_quote_a_file_the_viewer_may_not_download(client, member, library, mixed_resource):
    anonymous, as_member = anonymous_and_member_views(client, member, library.url, {"q": "kohesi"})
    assert anonymous.context["result_count"] == 1
    anonymous_snippet = anonymous.context["items"][0]["snippet"]
    assert "<mark>kohesi</mark>" in anonymous_snippet
    assert "internal" not in anonymous_snippet and FILE_SECRET not in anonymous.content.decode()
    assert "narasumber" not in anonymous.content.decode()
    assert FILE_SECRET in as_member.context["items"][0]["snippet"]


def test_restricting_a_collection_later_takes_its_files_out_of_public_search(client, library, make_resource):
    collection = Collection.get_first_root_node().add_child(name="Arsip kasus")
    make_resource("Laporan kasus", text=f"Kronologi {FILE_SECRET} lengkap.", collection=collection)

    def anonymous_count():
        return client.get(library.url, {"q": FILE_SECRET.lower()}).context["result_count"]

    assert anonymous_count() == 1
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert anonymous_count() == 0
    restriction.delete()
    assert anonymous_count() == 1


def test_moving_a_document_into_a_members_only_collection_takes_it_out_of_public_search(
    client, library, make_resource, members_collection
):
    page = make_resource("Laporan kasus", text=f"Kronologi {FILE_SECRET} lengkap.")
    assert client.get(library.url, {"q": FILE_SECRET.lower()}).context["result_count"] == 1

    document = page.files.first().document
    document.collection = members_collection
    document.save()

    assert client.get(library.url, {"q": FILE_SECRET.lower()}).context["result_count"] == 0
