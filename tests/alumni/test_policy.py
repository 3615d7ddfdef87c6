"""The visibility policy, proven through the function every view uses and through the pages themselves."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import Audience, Visibility
from alumni.policy import photo_visible_to, profile_fields_for, visible_profiles
from core.factories import region
from members.factories import UserFactory
from tests.alumni.conftest import join, jpeg_file

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "account", "member", "staff", "owner"]
# Who sees a field shown to each audience (on a profile everyone may open).
FIELD_SEEN_BY = {
    Audience.NOBODY: {"owner"},
    Audience.MEMBERS: {"member", "staff", "owner"},
    Audience.PUBLIC: set(VIEWERS),
}
FIELDS = ["photo", "email", "phone", "social"]
VALUES = {"email": "rahasia.surel@example.org", "phone": "+62 811 0000 4321", "social": "https://example.org/akun-x"}


@pytest.fixture
def viewers(db):
    owner = UserFactory()
    return {
        "anonymous": None,
        "account": UserFactory(),
        "member": UserFactory(member=True),
        "staff": UserFactory(is_staff=True),
        "owner": owner,
    }


def _card_shows(card, name):
    return bool({"photo": card.photo_url, "email": card.email, "phone": card.phone, "social": card.social_links}[name])


def _page_shows(html, name, profile):
    if name == "photo":
        return reverse("alumni:photo", args=[profile.public_id]) in html
    return VALUES[name] in html


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("field", FIELDS)
def test_field_visibility_matrix(field, audience, viewers, as_user, home):
    # The other fields get another audience, so a field read through the wrong audience shows up too.
    other = Audience.PUBLIC if audience == Audience.NOBODY else Audience.NOBODY
    audiences = {name: (audience if name == field else other) for name in FIELDS}
    profile = ProfileFactory(
        user=viewers["owner"],
        visible=Visibility.PUBLIC,
        email=VALUES["email"],
        phone=VALUES["phone"],
        social_links=VALUES["social"],
        photo=jpeg_file(),
        **{f"{name}_audience": value for name, value in audiences.items()},
    )
    for viewer, user in viewers.items():
        card = profile_fields_for(user or AnonymousUser(), profile)
        html = as_user(user).get(reverse("alumni:profile", args=[profile.public_id])).content.decode()
        for name in FIELDS:
            expected = viewer in FIELD_SEEN_BY[audiences[name]]
            assert _card_shows(card, name) == expected, (viewer, name, audiences[name])
            assert _page_shows(html, name, profile) == expected, (viewer, name, audiences[name])
        assert photo_visible_to(user or AnonymousUser(), profile) == (
            viewer in FIELD_SEEN_BY[audiences["photo"]] or viewer == "staff"
        )


def test_owner_can_preview_their_profile_as_each_audience(viewers):
    profile = ProfileFactory(user=viewers["owner"], email=VALUES["email"], email_audience=Audience.MEMBERS)
    owner = viewers["owner"]
    assert profile_fields_for(owner, profile).email == VALUES["email"]
    assert profile_fields_for(owner, profile, audiences={Audience.PUBLIC}).email == ""
    assert profile_fields_for(owner, profile, audiences={Audience.PUBLIC, Audience.MEMBERS}).email == VALUES["email"]


def test_only_web_links_become_links(as_user, home):
    profile = ProfileFactory(
        visible=Visibility.PUBLIC,
        social_links="javascript:alert(1)\n@akun_ig\nhttps://x.example/a",
        social_audience="public",
    )
    html = as_user(None).get(reverse("alumni:profile", args=[profile.public_id])).content.decode()
    assert 'href="javascript' not in html
    assert "@akun_ig" in html
    assert 'href="https://x.example/a"' in html


# Who finds a profile of each visibility (the owner here is not a verified member). Whatever the visibility, the
# owner may open their own profile page, but lists show them what they show everyone else.
PROFILE_SEEN_BY = {
    Visibility.HIDDEN: set(),
    Visibility.MEMBERS: {"member", "staff"},
    Visibility.PUBLIC: set(VIEWERS),
}


@pytest.mark.parametrize("visibility", list(Visibility))
def test_profile_visibility_on_every_listing(visibility, viewers, as_user, home):
    cohort = CohortFactory(name="Angkatan Matriks")
    organisation = OrganisationFactory(name="Lembaga Matriks", slug="lembaga-matriks")
    pandeglang = region("Kabupaten Pandeglang")
    profile = ProfileFactory(
        user=viewers["owner"],
        display_name="Wulan Matriks",
        visible=None if visibility == Visibility.HIDDEN else visibility,
        regency=pandeglang,
        topics=["topik-matriks"],
        help_types=["research"],
        organisations=[organisation],
        open_to_collaborate=True,
    )
    join(profile, cohort)
    profile_url = reverse("alumni:profile", args=[profile.public_id])
    for viewer, user in viewers.items():
        client = as_user(user)
        expected = viewer in PROFILE_SEEN_BY[visibility]
        assert visible_profiles(user or AnonymousUser()).filter(pk=profile.pk).exists() == expected

        directory = client.get(reverse("alumni:directory"), {"q": "Matriks"})
        assert ("Wulan Matriks" in directory.content.decode()) == expected, viewer
        assert directory.context["result_count"] == int(expected)
        facets = {f.name: {o.value: o.count for o in f.options} for f in directory.context["facets"]}
        assert facets["topic"] == ({"topik-matriks": 1} if expected else {})
        assert facets["organisation"] == ({"lembaga-matriks": 1} if expected else {})

        page = client.get(profile_url)
        assert page.status_code == (200 if expected or viewer == "owner" else 404), viewer

        for url in (
            reverse("alumni:cohort", args=[cohort.slug]),
            reverse("alumni:organisation", args=[organisation.slug]),
        ):
            assert ("Wulan Matriks" in client.get(url).content.decode()) == expected, (viewer, url)
        results = client.get(reverse("alumni:autocomplete"), {"q": "Wulan"}).json()["results"]
        assert bool(results) == expected
        finder = client.get(reverse("alumni:finder"), {"q": "riset topik-matriks", "help": "research"})
        assert ("Wulan Matriks" in finder.content.decode()) == expected

    assert (profile.public_id in as_user(None).get("/sitemap.xml").content.decode()) == (
        visibility == Visibility.PUBLIC
    )
