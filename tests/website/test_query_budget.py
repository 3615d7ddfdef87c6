"""Every listing is drawn afresh in at most QUERY_BUDGET SQL queries, for a visitor and for a member, however many
items there are (the whole-page cache is off here: `remember`ed pieces still count once per content version)."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import Visibility
from core.factories import region
from events.factories import EventIndexPageFactory, EventPageFactory
from members.factories import UserFactory
from resources.factories import ResourceDocumentFactory, ResourceLibraryPageFactory, ResourcePageFactory
from resources.models import ResourceType
from tests.alumni.conftest import join
from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12
SERIAL = itertools.count()

PAGES = {
    "home": "/",
    "directory": "/alumni/",
    "directory search": "/alumni/?q=contoh&topic=deteksi-dini",
    "collaborator finder": "/alumni/cari-kolaborator/?q=deteksi+dini&help=facilitator",
    "organisations": "/alumni/organisasi/",
    "organisation": "/alumni/organisasi/forum-anggaran/",
    "cohorts": "/alumni/angkatan/",
    "cohort": "/alumni/angkatan/angkatan-banten/",
    "events": "/kegiatan/",
    "events calendar": "/kegiatan/?view=calendar",
    "library": "/pustaka/",
    "library search": "/pustaka/?q=modul",
    "site search": "/search/?q=modul",
    "news": "/berita/",
}
# Site search draws each result as its own page type: one query per type among the results, so it grows with the
# kinds of page found (at most the number of page types), not with their number.
GROWS_WITH_PAGE_TYPES = {"site search"}
PAGE_TYPES_FOUND = ("news article", "resource")  # what the site search's query finds in add_items


@pytest.fixture
def site(home, news_index):
    news_index.slug = "berita"
    news_index.save_revision().publish()
    return {
        "home": home,
        "news": news_index,
        "events": EventIndexPageFactory(parent=home),
        "library": ResourceLibraryPageFactory(parent=home, slug="pustaka"),
        "cohort": CohortFactory(name="Angkatan Banten", slug="angkatan-banten"),
        "organisation": OrganisationFactory(name="Forum Anggaran", slug="forum-anggaran"),
    }


def add_items(site, number):
    """`number` more of everything the listings show: people, organisations, events, resources, articles."""
    start = timezone.now() + datetime.timedelta(days=2)
    for _ in range(number):
        organisation = OrganisationFactory()
        organisation.topics.add("deteksi dini")
        organisation.regions.add(region("Kota Serang"))
        for visibility in (Visibility.PUBLIC, Visibility.MEMBERS):
            profile = ProfileFactory(
                display_name="Contoh Alumni",
                visible=visibility,
                regency=region("Kabupaten Pandeglang"),
                organisations=[site["organisation"], organisation],
                topics=["deteksi dini"],
                help_types=["facilitator"],
            )
            join(profile, site["cohort"])
        event = EventPageFactory(parent=site["events"], regency=region("Kota Serang"), start=start)
        event.save_revision().publish()
        resource = ResourcePageFactory(
            parent=site["library"],
            title=f"Modul deteksi dini {next(SERIAL)}",
            resource_type=ResourceType.objects.get(slug="modul"),
        )
        resource.files.create(document=ResourceDocumentFactory(text="isi modul"))
        resource.tags.add("deteksi dini")
        resource.save_revision().publish()
        article = NewsPageFactory(parent=site["news"], title=f"Kabar modul {next(SERIAL)}")
        article.tags.add("deteksi dini")
        article.save_revision().publish()


def count_queries(client, path):
    # The first request makes rows made once (the site settings, the search query log), which change the content
    # version; the second fills what is kept under it.
    client.get(path)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["visitor", "member"])
@pytest.mark.parametrize("name", list(PAGES))
def test_listing_stays_within_the_query_budget_whatever_the_number_of_items(client, settings, site, viewer, name):
    settings.PAGE_CACHE_SECONDS = 0
    if viewer == "member":
        client.force_login(UserFactory(member=True))
    add_items(site, 2)
    few = count_queries(client, PAGES[name])
    add_items(site, 8)
    many = count_queries(client, PAGES[name])
    if name not in GROWS_WITH_PAGE_TYPES:
        assert many == few
    assert many <= QUERY_BUDGET


@pytest.mark.parametrize("name", list(PAGES))
def test_listing_query_count_does_not_grow_with_the_number_of_items(client, settings, site, name):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(UserFactory(member=True))
    add_items(site, 2)
    few = count_queries(client, PAGES[name])
    add_items(site, 8)
    many = count_queries(client, PAGES[name])
    if name in GROWS_WITH_PAGE_TYPES:
        assert many <= few + len(PAGE_TYPES_FOUND)
    else:
        assert many == few
