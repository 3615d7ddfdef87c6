import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Membership, Organisation, Visibility
from core.factories import region

pytestmark = pytest.mark.django_db

ORGANISATIONS = "/alumni/organisasi/"


def names(response):
    return [organisation.name for organisation in response.context["results"].object_list]


def facet(response, name):
    return {option.value: option.count for f in response.context["facets"] if f.name == name for option in f.options}


@pytest.fixture
def organisations(home):
    lebak, serang = region("Kabupaten Lebak"), region("Kota Serang")
    forum = OrganisationFactory(name="Forum Lintas Iman", org_type=Organisation.Type.NETWORK, verified=True)
    forum.regions.add(lebak, serang)
    forum.topics.add("kohesi sosial")
    ormas = OrganisationFactory(name="Pemuda Ormas", org_type=Organisation.Type.ORMAS, description="Kegiatan pemuda")
    ormas.regions.add(serang)
    ormas.topics.add("kohesi sosial", "pemilu damai")
    OrganisationFactory(name="Kampus Riset", org_type=Organisation.Type.ACADEMIC)
    return {"forum": forum, "ormas": ormas}


def test_directory_filters_organisations_with_counts(client, organisations):
    response = client.get(ORGANISATIONS)
    assert names(response) == ["Forum Lintas Iman", "Kampus Riset", "Pemuda Ormas"]
    assert facet(response, "type") == {"network": 1, "ormas": 1, "academic": 1}
    assert facet(response, "region") == {"kabupaten-lebak": 1, "kota-serang": 2}
    assert facet(response, "topic") == {"kohesi-sosial": 2, "pemilu-damai": 1}
    assert facet(response, "verified") == {"yes": 1, "no": 2}

    narrowed = client.get(ORGANISATIONS, {"region": "kota-serang", "topic": "kohesi-sosial", "verified": "no"})
    assert names(narrowed) == ["Pemuda Ormas"]
    assert facet(narrowed, "verified") == {"yes": 1, "no": 1}
    assert names(client.get(ORGANISATIONS, {"type": ["ormas", "academic"]})) == ["Kampus Riset", "Pemuda Ormas"]
    assert names(client.get(ORGANISATIONS, {"q": "pemuda"})) == ["Pemuda Ormas"]
    assert client.get(ORGANISATIONS, {"verified": "maybe", "page": "x"}).status_code == 200


def test_member_counts_in_the_directory_count_only_visible_alumni(client, as_user, member, organisations):
    forum = organisations["forum"]
    ProfileFactory(visible=Visibility.PUBLIC, organisations=[forum])
    ProfileFactory(visible=Visibility.MEMBERS, organisations=[forum])
    ProfileFactory(organisations=[forum])
    counts = {o.name: o.member_count for o in client.get(ORGANISATIONS).context["results"].object_list}
    assert counts["Forum Lintas Iman"] == 1
    counts = {o.name: o.member_count for o in as_user(member).get(ORGANISATIONS).context["results"].object_list}
    assert counts["Forum Lintas Iman"] == 2


def test_detail_page_shows_the_organisation_and_only_visible_members_with_roles(client, as_user, member, organisations):
    forum = organisations["forum"]
    forum.website = "https://forum.example.org"
    forum.contact_email = "info@forum.example.org"
    forum.description = "Jaringan dialog lintas iman di Banten."
    forum.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    forum.save()
    public = ProfileFactory(display_name="Publik", visible=Visibility.PUBLIC)
    Membership.objects.create(profile=public, organisation=forum, role="Koordinator")
    ProfileFactory(display_name="Anggota", visible=Visibility.MEMBERS, organisations=[forum])
    hidden = ProfileFactory(display_name="Tersembunyi")
    Membership.objects.create(profile=hidden, organisation=forum, role="Bendahara rahasia")

    url = reverse("alumni:organisation", args=[forum.slug])
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Forum Lintas Iman", "https://forum.example.org", "info@forum.example.org", "Kabupaten Lebak"):
        assert text in html
    assert "kohesi sosial" in html
    assert "badge--verified" in html
    assert 'class="organisation-item__logo"' in html
    assert [card.display_name for card, _role in response.context["members"]] == ["Publik"]
    assert "Koordinator" in html
    assert response.context["member_count"] == 1
    assert "Tersembunyi" not in html and "Bendahara rahasia" not in html
    member_view = as_user(member).get(url)
    assert [card.display_name for card, _role in member_view.context["members"]] == ["Anggota", "Publik"]
    assert client.get(reverse("alumni:organisation", args=["tidak-ada"])).status_code == 404


def test_organisation_listing_query_count_does_not_grow(client, settings, home):
    settings.PAGE_CACHE_SECONDS = 0  # the page drawn afresh each time, not served from the page cache

    def add(count):
        for _ in range(count):
            organisation = OrganisationFactory()
            organisation.regions.add(region("Kota Serang"))
            organisation.topics.add("kohesi sosial")
            ProfileFactory(visible=Visibility.PUBLIC, organisations=[organisation])

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(ORGANISATIONS, {"topic": "kohesi-sosial"})
        return len(queries)

    add(5)
    count()
    count()  # the first drawing makes the site settings row, changing the content version
    with_5 = count()
    add(15)
    count()  # fills what the pages keep under the new content version
    assert count() == with_5


def test_an_organisation_without_visible_alumni_says_no_count_and_hides_its_hidden_members(client, home):
    """P3M and INFID run the school and have no alumni: their entries say nothing about a number, the same whether
    a hidden member exists or not."""
    p3m = OrganisationFactory(name="P3M", slug="p3m")
    infid = OrganisationFactory(name="INFID", slug="infid")
    ProfileFactory(display_name="Tersembunyi", organisations=[infid])  # hidden: counts for nobody
    shown = OrganisationFactory(name="Forum Warga", slug="forum-warga")
    for _ in range(3):
        ProfileFactory(visible=Visibility.PUBLIC, organisations=[shown])

    listing = client.get(ORGANISATIONS, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    entries = {name: listing.split(f">{name}</a>")[1].split("</p>")[0] for name in ("P3M", "INFID", "Forum Warga")}
    assert "alumn" not in entries["P3M"] and "0" not in entries["P3M"]
    assert entries["INFID"] == entries["P3M"]
    assert "3 alumni" in entries["Forum Warga"]

    for organisation in (p3m, infid):
        html = client.get(reverse("alumni:organisation", args=[organisation.slug])).content.decode()
        heading = html.split('id="members-heading">')[1].split("</h2>")[0]
        assert "(0)" not in heading and "count" not in heading
        assert "Tersembunyi" not in html
    forum = client.get(reverse("alumni:organisation", args=[shown.slug])).content.decode()
    assert '<span class="count">(3)</span>' in forum
