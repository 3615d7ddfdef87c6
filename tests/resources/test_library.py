import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import SearchSynonym

pytestmark = pytest.mark.django_db


def titles(response):
    return [item["page"].title for item in response.context["items"]]


def facet(response, name):
    return {option.value: option.count for f in response.context["facets"] if f.name == name for option in f.options}


def test_a_word_found_only_inside_a_pdf_finds_its_resource(client, library, make_resource):
    make_resource("Panduan tim", text="Catatan tentang musyawarah kelurahan di Pondok Kacang Timur.")
    make_resource("Lainnya", text="Tidak relevan sama sekali.")
    response = client.get(library.url, {"q": "musyawarah"})
    assert response.status_code == 200
    assert titles(response) == ["Panduan tim"]
    assert "<mark>musyawarah</mark>" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the Indonesian stemmer is PostgreSQL's")
def test_mencegah_finds_a_resource_whose_only_match_is_pencegahan_inside_its_pdf(client, library, make_resource):
    make_resource("Dokumen kebijakan daerah", text="Strategi pencegahan ekstremisme berbasis komunitas.")
    make_resource("Catatan lain", text="Laporan kegiatan olahraga warga.")
    response = client.get(library.url, {"q": "mencegah"})
    assert titles(response) == ["Dokumen kebijakan daerah"]
    assert "<mark>pencegahan</mark>" in response.content.decode()


def test_facet_counts_match_the_results(client, library, make_resource):
    make_resource("SOP deteksi dini", type_slug="sop-pedoman", tags=["deteksi dini"], published_year=2023)
    make_resource("Modul deteksi", type_slug="modul", tags=["deteksi dini", "kohesi sosial"], published_year=2024)
    make_resource("Modul kohesi", type_slug="modul", tags=["kohesi sosial"], published_year=2024, language="en")
    response = client.get(library.url)
    assert response.context["result_count"] == 3
    assert facet(response, "type") == {"modul": 2, "sop-pedoman": 1}
    assert facet(response, "topic") == {"deteksi-dini": 2, "kohesi-sosial": 2}
    assert facet(response, "year") == {"2024": 2, "2023": 1}
    assert facet(response, "language") == {"id": 2, "en": 1}

    narrowed = client.get(library.url, {"type": "modul", "topic": "deteksi-dini"})
    assert titles(narrowed) == ["Modul deteksi"]
    # Each facet counts within the other filters, so its own options stay selectable.
    assert facet(narrowed, "type") == {"modul": 1, "sop-pedoman": 1}
    assert facet(narrowed, "topic") == {"deteksi-dini": 1, "kohesi-sosial": 2}
    for name in ("year", "language"):
        assert sum(facet(narrowed, name).values()) == narrowed.context["result_count"]


def test_filters_and_sorting_keep_the_query_in_the_url(client, library, make_resource, settings):
    settings.RESOURCES_PER_PAGE = 1
    for number in range(3):
        make_resource(f"Advokasi kebijakan {number}", type_slug="policy-brief", tags=["advokasi"])
    response = client.get(library.url, {"q": "advokasi", "type": "policy-brief", "topic": "advokasi", "sort": "title"})
    html = response.content.decode()
    assert 'name="q" maxlength="200" value="advokasi"' in html
    assert 'value="policy-brief" checked' in html
    assert 'value="advokasi" checked' in html
    assert '<option value="title" selected>' in html
    assert "?q=advokasi&amp;type=policy-brief&amp;topic=advokasi&amp;sort=title&amp;page=2" in html
    assert titles(response) == ["Advokasi kebijakan 0"]


def test_sorting_by_newest_oldest_and_title(client, library, make_resource):
    make_resource("B lama", published_year=2019)
    make_resource("A baru", published_year=2025)
    make_resource("C tengah", published_year=2022)
    assert titles(client.get(library.url, {"sort": "newest"})) == ["A baru", "C tengah", "B lama"]
    assert titles(client.get(library.url, {"sort": "oldest"})) == ["B lama", "C tengah", "A baru"]
    assert titles(client.get(library.url, {"sort": "title"})) == ["A baru", "B lama", "C tengah"]
    assert client.get(library.url, {"sort": "bogus", "page": "x", "year": "abc"}).status_code == 200


def test_synonyms_expand_the_query(client, library, make_resource):
    SearchSynonym.objects.create(terms="RADPE\nrencana aksi daerah pencegahan ekstremisme")
    make_resource("Keputusan Gubernur Banten", text="Rencana aksi daerah pencegahan ekstremisme di Banten.")
    make_resource("Catatan lain", text="Tentang pemilu.")
    response = client.get(library.url, {"q": "RADPE"})
    assert titles(response) == ["Keputusan Gubernur Banten"]
    assert "rencana aksi daerah pencegahan ekstremisme" in response.content.decode()


def test_queries_are_logged_for_editors(client, library, make_resource):
    from wagtail.contrib.search_promotions.models import Query

    client.get(library.url, {"q": "Deteksi Dini"})
    client.get(library.url, {"q": "deteksi dini"})
    assert Query.get("deteksi dini").hits == 2


def test_editor_promoted_results_are_shown_first(client, library, make_resource):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = make_resource("Toolkit kampanye", type_slug="toolkit")
    SearchPromotion.objects.create(
        query=Query.get("kampanye"), page=promoted, sort_order=0, description="Pilihan editor"
    )
    html = client.get(library.url, {"q": "kampanye"}).content.decode()
    assert "Pilihan editor" in html


def test_autocomplete_returns_matching_titles_as_json(client, library, make_resource):
    make_resource("Kontra-narasi di media sosial")
    make_resource("Deteksi dini")
    data = client.get(library.url + "autocomplete/", {"q": "kontra"}).json()
    assert [item["title"] for item in data["results"]] == ["Kontra-narasi di media sosial"]
    assert client.get(library.url + "autocomplete/", {"q": "k"}).json() == {"results": []}


@pytest.mark.parametrize("query", ["", "modul"])
def test_library_query_count_is_the_same_for_10_and_100_resources(client, settings, library, make_resource, query):
    settings.PAGE_CACHE_SECONDS = 0  # pages drawn afresh
    params = {"q": query, "topic": "topik"} if query else {}

    def count():
        client.get(library.url, params)  # keeps what is remembered under the current content version
        with CaptureQueriesContext(connection) as queries:
            assert client.get(library.url, params).status_code == 200
        return len(queries)

    for number in range(10):
        make_resource(f"Modul {number}", text="isi modul", tags=["topik"])
    client.get(library.url, params)  # the first search also creates the query log rows
    small = count()
    for number in range(90):
        make_resource(f"Modul tambahan {number}", text="isi modul", tags=["topik"])
    assert count() == small


def test_resource_page_shows_metadata_files_citation_and_related(client, library, make_resource):
    resource = make_resource(
        "Perwal Tangerang Selatan", text="isi", type_slug="regulasi", tags=["advokasi"], publisher="Pemkot Tangsel"
    )
    make_resource("Policy brief advokasi", tags=["advokasi"])
    response = client.get(resource.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pemkot Tangsel" in html
    assert "Berkas Perwal Tangerang Selatan" in html
    assert " PDF (" in html  # the download button: "Unduh PDF (1,2 KB)"
    assert "Policy brief advokasi" in html
    assert "Pemkot Tangsel (2024). Perwal Tangerang Selatan." in html
    assert "wa.me" in html


def test_citation_downloads_in_ris_and_bibtex(client, library, make_resource):
    resource = make_resource("Laporan survei toleransi", type_slug="laporan-riset", publisher="P3M")
    ris = client.get(resource.url + "cite/ris/")
    assert ris.status_code == 200
    assert "attachment" in ris["Content-Disposition"]
    assert "TY  - RPRT" in ris.content.decode()
    assert "TI  - Laporan survei toleransi" in ris.content.decode()
    bib = client.get(resource.url + "cite/bib/").content.decode()
    assert bib.startswith("@misc{")
    assert "title = {Laporan survei toleransi}" in bib


def test_downloads_are_counted_as_a_number_only(client, library, make_resource):
    resource = make_resource("Modul literasi", text="isi")
    document = resource.files.first().document
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]).startswith(b"%PDF")
    document.refresh_from_db()
    assert document.download_count == 1
    assert "Content-Disposition" in response


def test_resources_feed_lists_public_resources(client, library, make_resource):
    import feedparser

    make_resource("Materi kampanye damai", type_slug="materi-kampanye")
    make_resource("Catatan rapat anggota", members_only=True)
    feed = feedparser.parse(client.get("/feeds/resources/rss/").content)
    assert [entry.title for entry in feed.entries] == ["Materi kampanye damai"]
    assert 'href="/feeds/resources/rss/"' in client.get(library.url).content.decode()


def test_site_search_query_count_is_the_same_for_10_and_100_resources(client, settings, library, make_resource):
    settings.PAGE_CACHE_SECONDS = 0  # the page drawn afresh each time, not served from the page cache
    params = {"q": "modul"}

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", params).status_code == 200
        return len(queries)

    for number in range(10):
        make_resource(f"Modul {number}", text="isi modul", tags=["topik"])
    client.get("/search/", params)
    client.get("/search/", params)  # the first drawing makes rows made once, changing the content version
    small = count()
    for number in range(90):
        make_resource(f"Modul tambahan {number}", text="isi modul", tags=["topik"])
    client.get("/search/", params)  # fills what the pages keep under the new content version
    assert count() == small
