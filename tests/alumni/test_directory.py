import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import Membership, Profile, Visibility
from core.factories import region
from members.factories import UserFactory
from resources.factories import CurriculumPageFactory, ModulePageFactory
from tests.alumni.conftest import join

pytestmark = pytest.mark.django_db

DIRECTORY = "/alumni/"


def names(response):
    return [card.display_name for card in response.context["cards"]]


def facet(response, name):
    return {option.value: option.count for f in response.context["facets"] if f.name == name for option in f.options}


@pytest.fixture
def people(home):
    """One profile per visibility; the hidden one belongs to a member who is not the viewer."""
    return {
        "public": ProfileFactory(display_name="Ani Publik", visible=Visibility.PUBLIC),
        "members": ProfileFactory(display_name="Budi Anggota", visible=Visibility.MEMBERS),
        "hidden": ProfileFactory(display_name="Citra Tersembunyi", user=UserFactory(member=True)),
    }


SEES = {
    "anonymous": {"Ani Publik"},
    "account": {"Ani Publik"},
    "member": {"Ani Publik", "Budi Anggota"},
    "staff": {"Ani Publik", "Budi Anggota"},
}


@pytest.mark.parametrize("viewer", SEES)
def test_directory_autocomplete_and_counts_show_only_what_the_viewer_may_see(
    viewer, people, as_user, request, django_user_model
):
    user = None if viewer == "anonymous" else request.getfixturevalue(viewer)
    client = as_user(user)
    response = client.get(DIRECTORY)
    assert response.status_code == 200
    assert set(names(response)) == SEES[viewer]
    assert response.context["result_count"] == len(SEES[viewer])
    assert facet(response, "sector") == {"cso": len(SEES[viewer])}
    html = response.content.decode()
    assert "Citra" not in html
    assert ("Budi Anggota" in html) == ("Budi Anggota" in SEES[viewer])

    suggested = {item["title"] for item in client.get(reverse("alumni:autocomplete"), {"q": "i"}).json()["results"]}
    assert suggested == set()  # too short
    for text in ("Ani", "Budi", "Citra"):
        suggested |= {
            item["title"] for item in client.get(reverse("alumni:autocomplete"), {"q": text}).json()["results"]
        }
    assert suggested == SEES[viewer]


def test_search_finds_people_by_name_organisation_bio_and_topic(client, home):
    organisation = OrganisationFactory(name="Fatayat NU Lebak")
    ProfileFactory(display_name="Dewi Kartika", visible=Visibility.PUBLIC, bio="Guru SMA.")
    ProfileFactory(display_name="Eko", visible=Visibility.PUBLIC, organisations=[organisation], bio="")
    ProfileFactory(display_name="Fajar", visible=Visibility.PUBLIC, bio="Mediator konflik tanah wakaf.")
    ProfileFactory(display_name="Gita", visible=Visibility.PUBLIC, bio="", topics=["politisasi SARA"])
    assert names(client.get(DIRECTORY, {"q": "kartika"})) == ["Dewi Kartika"]
    assert names(client.get(DIRECTORY, {"q": "fatayat lebak"})) == ["Eko"]
    assert names(client.get(DIRECTORY, {"q": "wakaf"})) == ["Fajar"]
    assert names(client.get(DIRECTORY, {"q": "SARA"})) == ["Gita"]
    assert names(client.get(DIRECTORY, {"q": "wakaf fatayat"})) == []
    assert 'class="empty-state"' in client.get(DIRECTORY, {"q": "tidak-ada-siapa-pun"}).content.decode()


def test_search_puts_name_matches_first(client, home):
    ProfileFactory(display_name="Ahmad", visible=Visibility.PUBLIC, bio="Bekerja bersama Rahmat di Serang.")
    ProfileFactory(display_name="Rahmat", visible=Visibility.PUBLIC, bio="")
    assert names(client.get(DIRECTORY, {"q": "rahmat"})) == ["Rahmat", "Ahmad"]


def test_filters_combine_and_each_facet_counts_within_the_others(client, home):
    pandeglang, serang = region("Kabupaten Pandeglang"), region("Kota Serang")
    cohort_2023 = CohortFactory(name="Angkatan 2023", year=2023)
    cohort_2024 = CohortFactory(name="Angkatan 2024", year=2024)
    lembaga = OrganisationFactory(name="Lembaga A")
    a = ProfileFactory(
        display_name="A",
        visible=Visibility.PUBLIC,
        regency=pandeglang,
        topics=["deteksi dini"],
        help_types=["mediator"],
    )
    b = ProfileFactory(
        display_name="B", visible=Visibility.PUBLIC, regency=serang, topics=["deteksi dini"], organisations=[lembaga]
    )
    c = ProfileFactory(display_name="C", visible=Visibility.PUBLIC, regency=pandeglang, sector="government")
    join(a, cohort_2023)
    join(b, cohort_2024)
    join(c, cohort_2024)

    response = client.get(DIRECTORY)
    assert facet(response, "region") == {"kabupaten-pandeglang": 2, "kota-serang": 1}
    assert facet(response, "topic") == {"deteksi-dini": 2}
    assert facet(response, "help") == {"mediator": 1}
    assert facet(response, "sector") == {"cso": 2, "government": 1}
    assert facet(response, "cohort") == {cohort_2023.slug: 1, cohort_2024.slug: 2}
    assert facet(response, "year") == {"2023": 1, "2024": 2}
    assert facet(response, "organisation") == {lembaga.slug: 1}

    narrowed = client.get(DIRECTORY, {"region": "kabupaten-pandeglang", "topic": "deteksi-dini"})
    assert names(narrowed) == ["A"]
    assert facet(narrowed, "region") == {"kabupaten-pandeglang": 1, "kota-serang": 1}
    assert facet(narrowed, "topic") == {"deteksi-dini": 1}
    either = client.get(DIRECTORY, {"region": ["kabupaten-pandeglang", "kota-serang"], "year": "2024"})
    assert names(either) == ["B", "C"]
    assert names(client.get(DIRECTORY, {"help": "mediator"})) == ["A"]
    assert names(client.get(DIRECTORY, {"organisation": lembaga.slug})) == ["B"]
    assert names(client.get(DIRECTORY, {"cohort": cohort_2023.slug})) == ["A"]
    html = narrowed.content.decode()
    assert 'value="kabupaten-pandeglang" checked' in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_counts_ignore_hidden_and_members_only_profiles_for_visitors(client, home):
    ProfileFactory(visible=Visibility.PUBLIC, regency=region("Kota Serang"), topics=["kohesi sosial"])
    ProfileFactory(regency=region("Kabupaten Lebak"), topics=["rahasia"])
    ProfileFactory(visible=Visibility.MEMBERS, regency=region("Kabupaten Lebak"), topics=["anggota"])
    response = client.get(DIRECTORY)
    assert facet(response, "region") == {"kota-serang": 1}
    assert facet(response, "topic") == {"kohesi-sosial": 1}
    # Even when asked for directly, a hidden person's region answers zero.
    assert client.get(DIRECTORY, {"region": "kabupaten-lebak"}).context["result_count"] == 0


def test_bad_parameters_are_ignored_never_500(client, home):
    ProfileFactory(visible=Visibility.PUBLIC)
    for params in (
        {"page": "abc"},
        {"page": "999"},
        {"year": "20x4"},
        {"region": "tidak-ada"},
        {"q": "x" * 5000},
        {"topic": ["a"] * 100},
        {"q": "%_\\'\""},
    ):
        assert client.get(DIRECTORY, params).status_code == 200


def test_directory_paginates(client, home, settings):
    settings.ALUMNI_PER_PAGE = 2
    for name in "ABCDE":
        ProfileFactory(display_name=name, visible=Visibility.PUBLIC)
    assert names(client.get(DIRECTORY)) == ["A", "B"]
    response = client.get(DIRECTORY, {"page": 3})
    assert names(response) == ["E"]
    assert response.context["result_count"] == 5


def _make_profiles(count, cohort, organisation):
    pandeglang = region("Kabupaten Pandeglang")
    for _ in range(count):
        profile = ProfileFactory(
            visible=Visibility.PUBLIC,
            regency=pandeglang,
            topics=["deteksi dini"],
            help_types=["facilitator"],
            organisations=[organisation],
        )
        join(profile, cohort)


def test_directory_query_count_does_not_grow_with_the_number_of_profiles(client, member, home, settings):
    settings.ALUMNI_PER_PAGE = 200
    cohort, organisation = CohortFactory(), OrganisationFactory()
    client.force_login(member)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DIRECTORY, {"q": "contoh", "topic": "deteksi-dini"}).status_code == 200
        return len(queries)

    _make_profiles(10, cohort, organisation)
    count_queries()  # first request: fills per-process caches (site, content types) and makes the settings row
    count_queries()  # fills what is kept under the content version that row started
    with_10 = count_queries()
    _make_profiles(90, cohort, organisation)
    count_queries()  # fills what is kept under the new content version (the same as the first request above)
    assert count_queries() == with_10


def test_profile_page_shows_the_card_and_links_cohorts_and_organisations(client, home):
    cohort, organisation = CohortFactory(name="Angkatan Banten 2024"), OrganisationFactory(name="PMII Serang")
    profile = ProfileFactory(
        display_name="Hana",
        visible=Visibility.PUBLIC,
        regency=region("Kota Cilegon"),
        organisations=[organisation],
        topics=["kohesi sosial"],
        help_types=["mediator"],
    )
    join(profile, cohort)
    response = client.get(reverse("alumni:profile", args=[profile.public_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Hana</h1>" in html
    assert f'href="{reverse("alumni:cohort", args=[cohort.slug])}"' in html
    assert f'href="{reverse("alumni:organisation", args=[organisation.slug])}"' in html
    assert "Kota Cilegon" in html
    assert 'name="robots"' not in html
    assert not any(isinstance(value, Profile) for value in response.context_data.values())  # cards only
    assert response.context["card"].display_name == "Hana"


def test_members_only_profile_is_noindex(as_user, member, home):
    profile = ProfileFactory(visible=Visibility.MEMBERS)
    html = as_user(member).get(reverse("alumni:profile", args=[profile.public_id])).content.decode()
    assert '<meta name="robots" content="noindex">' in html


def _strip_id(response, public_id):
    return response.content.decode().replace(public_id, "ID")


@pytest.mark.parametrize("visibility", [Visibility.HIDDEN, Visibility.MEMBERS])
def test_a_profile_the_visitor_may_not_see_answers_exactly_like_an_unknown_one(client, home, visibility):
    profile = ProfileFactory(visible=visibility if visibility != Visibility.HIDDEN else None, display_name="Indah")
    unknown = "tidakadaxyz1"
    hidden_response = client.get(reverse("alumni:profile", args=[profile.public_id]))
    unknown_response = client.get(reverse("alumni:profile", args=[unknown]))
    assert hidden_response.status_code == unknown_response.status_code == 404
    assert _strip_id(hidden_response, profile.public_id) == _strip_id(unknown_response, unknown)
    assert "Indah" not in hidden_response.content.decode()


def test_owner_sees_their_own_hidden_profile_with_a_notice(as_user, home):
    owner = UserFactory()
    profile = ProfileFactory(user=owner, display_name="Joko Pemilik")
    response = as_user(owner).get(reverse("alumni:profile", args=[profile.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Joko Pemilik" in html
    assert response.context["is_own"]
    assert 'class="notice"' in html
    assert '<meta name="robots" content="noindex">' in html
    # Nobody else, not even staff, sees it on the public site.
    assert (
        as_user(UserFactory(is_staff=True)).get(reverse("alumni:profile", args=[profile.public_id])).status_code == 404
    )


def test_deactivated_account_hides_the_profile(client, home):
    profile = ProfileFactory(visible=Visibility.PUBLIC, user=UserFactory(is_active=False))
    assert client.get(reverse("alumni:profile", args=[profile.public_id])).status_code == 404
    assert client.get(DIRECTORY).context["result_count"] == 0


def test_introduction_link_only_when_the_alumnus_accepts_introductions(client, home):
    open_profile = ProfileFactory(visible=Visibility.PUBLIC, accepts_introductions=True)
    closed_profile = ProfileFactory(visible=Visibility.PUBLIC)
    intro_url = reverse("alumni:introduce", args=[open_profile.public_id])
    assert intro_url in client.get(reverse("alumni:profile", args=[open_profile.public_id])).content.decode()
    closed_html = client.get(reverse("alumni:profile", args=[closed_profile.public_id])).content.decode()
    assert reverse("alumni:introduce", args=[closed_profile.public_id]) not in closed_html


@pytest.mark.parametrize(
    "path",
    ["/alumni/", "/alumni/angkatan/", "/alumni/organisasi/", "/alumni/cari-kolaborator/", "/alumni/profil/{id}/"],
)
def test_alumni_pages_work_in_english_and_the_language_switcher_links_both_ways(client, home_en, path):
    profile = ProfileFactory(visible=Visibility.PUBLIC)
    path = path.format(id=profile.public_id)
    indonesian = client.get(path)
    english = client.get("/en" + path)
    assert indonesian.status_code == english.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert f'hreflang="en" href="http://testserver/en{path}"' in indonesian.content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', english.content.decode(), re.S).group(0)
    assert f'href="{path}"' in switcher
    assert client.get(re.search(r'href="(/en[^"]*)"', indonesian.content.decode().split("language-switcher")[1])[1])


def test_cohort_pages_list_visible_members_and_visible_modules(as_user, member, home):
    curriculum = CurriculumPageFactory(parent=home)
    module = ModulePageFactory(parent=curriculum, title="Modul Deteksi Dini")
    draft = ModulePageFactory(parent=curriculum, title="Modul Draf", live=False)
    cohort = CohortFactory(name="Angkatan 2023", year=2023, place="Serang", facilitators="Fasilitator Satu\nDua")
    cohort.modules.add(module, draft)
    cohort.save()
    for visibility, name in ((Visibility.PUBLIC, "Publik"), (Visibility.MEMBERS, "Anggota"), (None, "Tersembunyi")):
        join(ProfileFactory(display_name=name, visible=visibility), cohort)

    anonymous = as_user(None).get(reverse("alumni:cohort", args=[cohort.slug]))
    assert names(anonymous) == ["Publik"]
    assert anonymous.context["member_count"] == 1
    html = anonymous.content.decode()
    assert "Modul Deteksi Dini" in html and "Modul Draf" not in html
    assert "Fasilitator Satu" in html and "Serang" in html
    assert "Tersembunyi" not in html

    members = as_user(member).get(reverse("alumni:cohort", args=[cohort.slug]))
    assert names(members) == ["Anggota", "Publik"]
    listing = as_user(None).get(reverse("alumni:cohorts"))
    assert [(c.name, c.member_count) for c in listing.context["cohorts"]] == [("Angkatan 2023", 1)]
    assert as_user(None).get(reverse("alumni:cohort", args=["tidak-ada"])).status_code == 404


def test_sitemap_lists_public_profiles_organisations_and_cohorts_in_both_languages_only(client, home):
    public = ProfileFactory(visible=Visibility.PUBLIC)
    members_only = ProfileFactory(visible=Visibility.MEMBERS)
    hidden = ProfileFactory()
    organisation, cohort = OrganisationFactory(), CohortFactory()
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/alumni/profil/{public.public_id}/" in xml
    assert f"/en/alumni/profil/{public.public_id}/" in xml
    assert f"/alumni/organisasi/{organisation.slug}/" in xml
    assert f"/alumni/angkatan/{cohort.slug}/" in xml
    assert members_only.public_id not in xml
    assert hidden.public_id not in xml


def test_directory_responses_are_private_to_the_viewer(client, home):
    response = client.get(DIRECTORY)
    assert "private" in response["Cache-Control"]


def test_cohort_page_shows_the_follow_up_plans_of_its_events_in_progress(client, home):
    from events.factories import EventIndexPageFactory, EventPageFactory
    from events.models import FollowUpItem

    cohort = CohortFactory()
    hidden_owner = ProfileFactory(display_name="Pemilik Rahasia")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Lokakarya Tim Tangguh", cohort=cohort)
    FollowUpItem.objects.create(
        page=event,
        action="Susun SOP",
        indicator="SOP disahkan",
        target="1",
        status="in_progress",
        progress=40,
        owner_profile=hidden_owner,
    )
    EventPageFactory(parent=event.get_parent(), title="Acara lain tanpa angkatan")
    html = client.get(reverse("alumni:cohort", args=[cohort.slug])).content.decode()
    assert "Lokakarya Tim Tangguh" in html
    assert 'value="40"' in html
    assert "Acara lain" not in html
    assert "Pemilik Rahasia" not in html


def test_cohort_and_organisation_pages_show_small_counts_as_under_three_to_all_but_staff(as_user, staff, member, home):
    cohort = CohortFactory(name="Angkatan Kecil")
    organisation = OrganisationFactory(name="Lembaga Kecil", published=True)
    for name in ("Satu", "Dua"):
        profile = ProfileFactory(display_name=name, visible=Visibility.PUBLIC)
        join(profile, cohort)
        Membership.objects.create(profile=profile, organisation=organisation)
    pages = [
        reverse("alumni:organisations"),
        reverse("alumni:cohorts"),
        reverse("alumni:organisation", args=[organisation.slug]),
        reverse("alumni:cohort", args=[cohort.slug]),
    ]

    for viewer in (None, member):
        listing, cohorts, organisation_page, cohort_page = [unescape(as_user(viewer).get(url)) for url in pages]
        assert "<3 alumni" in listing and "2 alumni" not in listing
        assert "<3 alumni" in cohorts and "2 alumni" not in cohorts
        assert "(<3)" in organisation_page and "(2)" not in organisation_page
        assert "(<3)" in cohort_page and "(2)" not in cohort_page

    listing, cohorts, organisation_page, cohort_page = [unescape(as_user(staff).get(url)) for url in pages]
    assert "2 alumni" in listing and "<3" not in listing
    assert "2 alumni" in cohorts and "<3" not in cohorts
    assert "(2)" in organisation_page and "<3" not in organisation_page
    assert "(2)" in cohort_page and "<3" not in cohort_page


def unescape(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())
