import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.finder import find_collaborators, score_organisation, score_profile
from alumni.models import Visibility
from alumni.policy import ProfileCard, profile_fields_for
from core.factories import region

pytestmark = pytest.mark.django_db

FINDER = "/alumni/cari-kolaborator/"


def card(**fields):
    return ProfileCard(public_id="x", display_name=fields.pop("display_name", "X"), url="/x/", **fields)


def test_score_adds_region_help_topics_and_words_with_a_plain_language_reason(home):
    pandeglang = region("Kabupaten Pandeglang")
    person = card(
        regency=pandeglang,
        help_types=[("mediator", "Dialogue mediator")],
        topics=["deteksi dini", "kohesi sosial", "pemilu"],
        bio="Mendampingi sekolah dan pesantren.",
    )
    with translation.override("en"):
        match = score_profile(person, "Deteksi dini dan kohesi sosial di sekolah", pandeglang, "mediator")
        assert match.score == 3 + 3 + 2 * 2 + 1
        assert match.reason == (
            "Dialogue mediator · Kabupaten Pandeglang · topics: deteksi dini, kohesi sosial · mentions: sekolah"
        )


def test_words_match_across_indonesian_affixes_and_stopwords_do_not_count(home):
    person = card(bio="Pelatihan pencegahan ekstremisme untuk guru.")
    assert score_profile(person, "mencari pelatih untuk guru").score == 2  # pelatih~pelatihan, guru; not "untuk"
    assert score_profile(person, "yang dengan untuk").score == 0


def test_no_fit_means_no_result_and_equal_scores_are_ordered_by_name(member, home):
    pandeglang = region("Kabupaten Pandeglang")
    for name in ("Zaenal", "Ahmad", "Maya"):
        ProfileFactory(display_name=name, visible=Visibility.PUBLIC, open_to_collaborate=True, regency=pandeglang)
    ProfileFactory(
        display_name="Lain", visible=Visibility.PUBLIC, open_to_collaborate=True, regency=region("Kota Serang")
    )
    people, _organisations = find_collaborators(member, "", pandeglang)
    assert [match.name for match in people] == ["Ahmad", "Maya", "Zaenal"]


def test_only_visible_alumni_open_to_collaborate_are_suggested(member, home):
    common = {"topics": ["deteksi dini"], "help_types": ["facilitator"]}
    ProfileFactory(display_name="Terbuka", visible=Visibility.PUBLIC, open_to_collaborate=True, **common)
    ProfileFactory(display_name="Sibuk", visible=Visibility.PUBLIC, open_to_collaborate=False, **common)
    ProfileFactory(display_name="Anggota", visible=Visibility.MEMBERS, open_to_collaborate=True, **common)
    ProfileFactory(display_name="Tersembunyi", open_to_collaborate=True, **common)
    anonymous, _ = find_collaborators(AnonymousUser(), "deteksi dini", None, "facilitator")
    members, _ = find_collaborators(member, "deteksi dini", None, "facilitator")
    assert [match.name for match in anonymous] == ["Terbuka"]
    assert [match.name for match in members] == ["Anggota", "Terbuka"]


def test_scoring_reads_only_what_the_viewer_may_see(home):
    # The card is what the viewer sees; contact fields the viewer may not see are empty and cannot score.
    profile = ProfileFactory(visible=Visibility.PUBLIC, email="kontak@deteksi.example", bio="")
    seen = profile_fields_for(AnonymousUser(), profile)
    assert score_profile(seen, "deteksi kontak").score == 0


def test_organisations_rank_by_region_topics_and_words(home):
    lebak = region("Kabupaten Lebak")
    first = OrganisationFactory(name="Forum Lintas Iman Lebak", description="Dialog antaragama di desa.")
    first.regions.add(lebak)
    first.topics.add("kohesi sosial")
    OrganisationFactory(name="Lembaga Riset", description="Survei opini.")
    with translation.override("en"):
        match = score_organisation(first, "kohesi sosial lewat dialog", lebak)
        assert match.score == 3 + 2 + 1
        assert match.reason == "Kabupaten Lebak · topics: kohesi sosial · mentions: dialog"
    _people, organisations = find_collaborators(AnonymousUser(), "kohesi sosial lewat dialog", lebak)
    assert [match.name for match in organisations] == ["Forum Lintas Iman Lebak"]


def test_finder_page_shows_ranked_people_and_organisations_with_reasons(client, home):
    pandeglang = region("Kabupaten Pandeglang")
    best = ProfileFactory(
        display_name="Rina Fasilitator",
        visible=Visibility.PUBLIC,
        open_to_collaborate=True,
        accepts_introductions=True,
        regency=pandeglang,
        topics=["deteksi dini"],
        help_types=["facilitator"],
    )
    ProfileFactory(
        display_name="Sekadar Topik", visible=Visibility.PUBLIC, open_to_collaborate=True, topics=["deteksi dini"]
    )
    OrganisationFactory(name="Forum Deteksi Dini", description="")
    response = client.get(FINDER, {"q": "deteksi dini", "region": pandeglang.slug, "help": "facilitator"})
    assert response.status_code == 200
    assert [match.name for match in response.context["people"]] == ["Rina Fasilitator", "Sekadar Topik"]
    html = response.content.decode()
    assert "Kabupaten Pandeglang" in html
    assert reverse("alumni:introduce", args=[best.public_id]) in html
    assert "Forum Deteksi Dini" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_finder_form_without_input_shows_the_empty_form(client, home):
    response = client.get(FINDER)
    assert response.status_code == 200
    assert response.context["people"] is None
    html = response.content.decode()
    assert '<label for="id_q">' in html and '<label for="id_region">' in html and '<label for="id_help">' in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "", "region": "", "help": ""},
        {"q": "deteksi", "region": "tidak-ada"},
        {"q": "deteksi", "help": "penyihir"},
        {"q": "x" * 501},
    ],
)
def test_bad_finder_input_gives_form_errors_and_400_keeping_what_was_typed(client, home, params):
    response = client.get(FINDER, params)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert response.context["people"] is None
    html = response.content.decode()
    assert 'aria-invalid="true"' in html or "form-errors" in html
    if params.get("q") and len(params["q"]) < 100:
        assert params["q"] in html


def test_finder_query_count_does_not_grow_with_the_number_of_alumni(client, settings, home):
    settings.PAGE_CACHE_SECONDS = 0  # the page drawn afresh each time, not served from the page cache

    def add(count):
        for _ in range(count):
            profile = ProfileFactory(
                visible=Visibility.PUBLIC, open_to_collaborate=True, topics=["deteksi dini"], help_types=["facilitator"]
            )
            profile.memberships.create(organisation=OrganisationFactory(), role="Anggota")

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(FINDER, {"q": "deteksi dini", "help": "facilitator"})
        return len(queries)

    add(10)
    count()
    count()  # the first drawing makes the site settings row, changing the content version
    with_10 = count()
    add(40)
    count()  # fills what the pages keep under the new content version
    assert count() == with_10
