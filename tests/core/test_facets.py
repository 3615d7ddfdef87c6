"""The one facet engine and the query reader: hostile values in the URL never reach the database unfiltered (a NUL
byte makes PostgreSQL fail; "²" is a digit to Python but not to int()), and every listing answers them with a page."""

import pytest
from django.http import QueryDict

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Visibility
from core.facets import FacetOption, clean_value, read_query
from core.factories import region
from events.factories import EventIndexPageFactory
from members.factories import UserFactory
from resources.factories import ResourceLibraryPageFactory

pytestmark = pytest.mark.django_db


def test_values_lose_control_characters_and_are_capped():
    assert clean_value(" deteksi\x00-dini\u202e ") == "deteksi-dini"
    assert len(clean_value("x" * 500)) == 100
    assert read_query(QueryDict("q=%00radikalisme%0A%0Adan++hoaks"), 200) == "radikalisme dan hoaks"


@pytest.mark.parametrize(
    "query",
    ["q=a%00b", "q=%00&topic=%00&year=%C2%B2%C2%B0%C2%B2%C2%B4&region=%00", "type=%00&region=a%00&month=%00"],
)
def test_every_listing_answers_hostile_values_with_a_page(client, home, news_index, query):
    library = ResourceLibraryPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    paths = [
        "/search/",
        library.url,
        library.url + "autocomplete/",
        "/alumni/",
        "/alumni/saran/",
        "/alumni/organisasi/",
        events.url,
        events.url + "?view=calendar&",
        news_index.url,
    ]
    for path in paths:
        separator = "&" if "?" in path else "?"
        response = client.get(f"{path}{'' if path.endswith('&') else separator}{query}&tag=%00x")
        assert response.status_code == 200, path


# --- The one small-count rule (core.counts) ---------------------------------------------------------------------


def _region_option(response, slug):
    facet = next(f for f in response.context["facets"] if f.name == "region")
    return next(option for option in facet.options if option.value == slug)


@pytest.mark.parametrize("viewer", ["anonymous", "member", "staff"])
def test_a_facet_of_two_people_shows_less_than_three_to_all_but_staff_and_agrees_with_the_chart(client, home, viewer):

    lebak, serang = region("Kabupaten Lebak"), region("Kota Serang")
    for _ in range(2):
        ProfileFactory(visible=Visibility.PUBLIC, regency=lebak)
    for _ in range(4):
        ProfileFactory(visible=Visibility.PUBLIC, regency=serang)
    ProfileFactory(regency=lebak)  # hidden: counted by nobody
    if viewer != "anonymous":
        client.force_login(UserFactory(member=True) if viewer == "member" else UserFactory(is_staff=True))

    response = client.get("/alumni/")
    html = response.content.decode()
    lebak_option = _region_option(response, "kabupaten-lebak")
    chart = {bar.label: bar.display for bar in response.context["figures"].regions.bars}
    if viewer == "staff":
        assert lebak_option.shown == chart["Kabupaten Lebak"] == "2"
        assert 'Kabupaten Lebak <span class="count">(2)</span>' in html
    else:
        assert lebak_option.shown == chart["Kabupaten Lebak"] == "<3"
        assert 'Kabupaten Lebak <span class="count">(&lt;3)</span>' in html
        assert "(2)" not in html
    assert _region_option(response, "kota-serang").shown == chart["Kota Serang"] == "4"


def test_small_facet_counts_come_after_the_others_in_alphabetical_order(client, home):

    zebra, alpha, big = (OrganisationFactory(name=name) for name in ("Zebra", "Alfa", "Besar"))
    ProfileFactory.create_batch(2, visible=Visibility.PUBLIC, organisations=[zebra])
    ProfileFactory(visible=Visibility.PUBLIC, organisations=[alpha])
    ProfileFactory.create_batch(3, visible=Visibility.PUBLIC, organisations=[big])

    response = client.get("/alumni/")
    facet = next(f for f in response.context["facets"] if f.name == "organisation")
    assert [(option.label, option.shown) for option in facet.options] == [
        ("Besar", "3"),
        ("Alfa", "<3"),
        ("Zebra", "<3"),
    ]


def test_organisation_listing_facets_follow_the_small_count_rule(client, home):

    OrganisationFactory(org_type="community")
    response = client.get("/alumni/organisasi/")
    facet = next(f for f in response.context["facets"] if f.name == "type")
    assert [option.shown for option in facet.options if option.value == "community"] == ["<3"]


def test_facets_that_do_not_count_people_show_exact_counts():

    assert FacetOption("x", "X", 1, False).shown == "1"
