"""A hidden person must leave no trace: not in pages, search, autocomplete, counts, feeds, sitemaps or errors.

The `leaky` fixture (tests/alumni/conftest.py) plants MARKER in every field of a hidden profile (name, bio, roles,
e-mail, phone, social links, languages, photo file name) and ORGANISATION_MARKER in the name of an organisation
whose only member is that hidden person: the organisation is public, the membership is not.

To cover a new channel, add a `Channel` to CHANNELS: a URL (formatted with the fixture's values: {hidden_id},
{visible_id}, {cohort}, {shared}, {lonely}, {marker}, {org_marker}) or a callable `fetch(client, ctx) -> str`.
A URL containing the marker is compared with the same URL carrying a harmless word instead, so the page may echo
what the visitor typed but must not find anything more with it.
"""

from dataclasses import dataclass, replace
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset
from wagtail.users.models import UserProfile

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Membership, Organisation, Visibility
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventOrganiser, EventSpeaker, FollowUpItem
from members.factories import UserFactory
from tests.alumni.conftest import MARKER, ORGANISATION_MARKER
from tests.events.test_models import event_form

pytestmark = pytest.mark.django_db

NONCE = "Wvbnoneq3x"  # same shape as MARKER, found nowhere


@dataclass
class Channel:
    name: str
    url: str = ""
    fetch: object = None  # callable(client, ctx) -> str, instead of a URL
    organisation_is_public: bool = False  # the lone organisation's own name may legitimately appear here


def _json_of_autocomplete(term):
    return lambda client, ctx: client.get("/alumni/saran/", {"q": term.format(**ctx)}).content.decode()


FILTERS = [
    "region=kabupaten-pandeglang",
    "topic=deteksi-dini",
    "topic=kohesi-sosial",
    "help=facilitator",
    "help=mediator",
    "sector=cso",
    "cohort={cohort}",
    "year=2024",
    "organisation={shared}",
    "organisation={lonely}",
]

CHANNELS = [
    Channel("directory", "/alumni/"),
    Channel("directory, English", "/en/alumni/"),
    Channel("directory search", "/alumni/?q={marker}"),
    Channel("directory search by name", "/alumni/?q=Rahasia"),
    Channel("directory search by organisation", "/alumni/?q={org_marker}"),
    Channel("directory search by bio", "/alumni/?q=deteksi+dini"),
    *(Channel(f"directory filter {f}", f"/alumni/?{f}") for f in FILTERS),
    *(Channel(f"directory search + filter {f}", f"/alumni/?q={{marker}}&{f}") for f in FILTERS),
    Channel("directory, all filters", "/alumni/?" + "&".join(FILTERS)),
    Channel("directory, page 2", "/alumni/?page=2"),
    Channel("profile (404)", "/alumni/profil/{hidden_id}/"),
    Channel("profile (404), English", "/en/alumni/profil/{hidden_id}/"),
    Channel("photo", "/alumni/foto/{hidden_id}/"),
    Channel("a visible colleague's profile", "/alumni/profil/{visible_id}/"),
    Channel("cohorts", "/alumni/angkatan/"),
    Channel("cohort", "/alumni/angkatan/{cohort}/"),
    Channel("organisations", "/alumni/organisasi/", organisation_is_public=True),
    Channel("organisations search", "/alumni/organisasi/?q={marker}", organisation_is_public=True),
    Channel("shared organisation", "/alumni/organisasi/{shared}/"),
    Channel("lone organisation", "/alumni/organisasi/{lonely}/", organisation_is_public=True),
    Channel("autocomplete by marker", fetch=_json_of_autocomplete("{marker}")),
    Channel("autocomplete by name", fetch=_json_of_autocomplete("Rahasia")),
    Channel("autocomplete by organisation", fetch=_json_of_autocomplete("{org_marker}"), organisation_is_public=True),
    Channel("finder", "/alumni/cari-kolaborator/?q={marker}+deteksi+dini&help=facilitator"),
    Channel("finder by region", "/alumni/cari-kolaborator/?q=kohesi+sosial&region=kabupaten-pandeglang"),
    Channel("finder, English", "/en/alumni/cari-kolaborator/?q=deteksi+dini&help=mediator"),
    Channel("sitemap", "/sitemap.xml"),
    Channel("site search", "/search/?q={marker}"),
    Channel("news RSS", "/feeds/news/rss/"),
    Channel("news Atom", "/feeds/news/atom/"),
    Channel("resources RSS", "/feeds/resources/rss/"),
    Channel("home page", "/"),
    Channel("a missing page", "/alumni/tidak-ada/"),
]


@pytest.fixture
def ctx(leaky):
    return {
        "hidden_id": leaky["hidden"].public_id,
        "visible_id": leaky["visible"].public_id,
        "cohort": leaky["cohort"].slug,
        "shared": leaky["shared"].slug,
        "lonely": leaky["lonely"].slug,
        "marker": MARKER,
        "org_marker": ORGANISATION_MARKER,
    }


def _fetch(channel, client, ctx):
    if channel.fetch is not None:
        return None, channel.fetch(client, ctx)
    response = client.get(channel.url.format(**ctx))
    return response.status_code, response.content.decode()


def _occurrences(text, word):
    return text.lower().count(word.lower())


def _leaks(channel, client, ctx):
    status, body = _fetch(channel, client, ctx)
    found = []
    for word, key, may_appear in (
        (MARKER, "{marker}", False),
        (ORGANISATION_MARKER, "{org_marker}", channel.organisation_is_public),
    ):
        if may_appear:
            continue
        allowed = 0
        if key in channel.url:
            control_status, control_body = _fetch(replace(channel, url=channel.url.replace(key, NONCE)), client, ctx)
            allowed = _occurrences(control_body, NONCE)
            if status != control_status:
                found.append(f"{channel.name}: status {status}, but {control_status} for an unknown word")
        if _occurrences(body, word) != allowed:
            found.append(f"{channel.name}: {word} found")
    return found


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_a_hidden_person_leaves_no_trace_in_any_channel(viewer, ctx, leaky, as_user):
    assert MARKER not in leaky["hidden"].photo.name  # stored under a random name
    client = as_user(UserFactory(member=True) if viewer == "member" else None)
    leaks = [leak for channel in CHANNELS for leak in _leaks(channel, client, ctx)]
    assert leaks == []
    for message in mail.outbox:
        if leaky["hidden"].email not in message.to:
            assert MARKER.lower() not in (message.subject + message.body).lower()


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_the_lone_organisation_shows_no_member_and_no_role(viewer, ctx, as_user):
    client = as_user(UserFactory(member=True) if viewer == "member" else None)
    response = client.get(f"/alumni/organisasi/{ctx['lonely']}/")
    assert response.status_code == 200
    assert response.context["member_count"] == 0
    assert ORGANISATION_MARKER in response.content.decode()  # the organisation itself is public
    listing = client.get("/alumni/organisasi/")
    counts = {o.slug: o.member_count for o in listing.context["results"].object_list}
    assert counts[ctx["lonely"]] == 0


def test_hidden_and_unknown_profiles_answer_identically(client, ctx):
    hidden = client.get(f"/alumni/profil/{ctx['hidden_id']}/")
    unknown = client.get("/alumni/profil/tidakadaabc1/")
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.content.decode().replace(ctx["hidden_id"], "ID") == unknown.content.decode().replace(
        "tidakadaabc1", "ID"
    )


def test_the_marker_shows_once_the_person_chooses_to_be_seen(client, leaky):
    """The leak test can fail: the same channels do show the person after consent."""
    hidden = leaky["hidden"]
    hidden.visibility = Visibility.PUBLIC
    hidden.consent_given_at = leaky["visible"].consent_given_at
    hidden.save()
    assert MARKER in client.get("/alumni/", {"q": MARKER}).content.decode().replace(f'value="{MARKER}"', "")
    assert MARKER in client.get(f"/alumni/profil/{hidden.public_id}/").content.decode()


# --- The admin, as an editor of Wagtail's stock "Editors" group who is not staff -------------------------------------

CHOOSER = "wagtailsnippetchoosers_alumni_profile"


@pytest.fixture
def editor_client(db):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def speaker_event(leaky, home):
    """An event whose speaker and follow-up owner is the hidden person (chosen by staff)."""
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index)
    event.speakers = [EventSpeaker(profile=leaky["hidden"], role="Narasumber")]
    event.follow_up_items = [FollowUpItem(action="Dialog", owner_profile=leaky["hidden"], indicator="x", target="1")]
    event.save_revision().publish()
    return type(event).objects.get(pk=event.pk)


def test_the_chosen_multiple_view_names_no_hidden_person_to_an_editor(editor_client, leaky):
    ids = [leaky["hidden"].pk, leaky["visible"].pk]
    response = editor_client.get(reverse(f"{CHOOSER}:chosen_multiple"), {"id": ids})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sari Terlihat" in body
    assert MARKER not in body


def test_the_chooser_and_its_search_list_no_hidden_person_to_an_editor(editor_client, leaky):
    # The search box echoes what was typed: search with the start of the marker, the page must not complete it.
    for params in ({}, {"q": "Rahasia"}, {"q": MARKER[:-2]}):
        for view in ("choose", "choose_results"):
            response = editor_client.get(reverse(f"{CHOOSER}:{view}"), params)
            assert response.status_code == 200
            assert MARKER not in response.content.decode()
    assert editor_client.get(reverse(f"{CHOOSER}:chosen", args=[leaky["hidden"].pk])).status_code == 404


@pytest.mark.parametrize("action", ["delete", "send_invitation"])
def test_profile_bulk_action_confirmations_name_no_hidden_person_to_an_editor(editor_client, leaky, action):
    url = reverse("wagtail_bulk_action", args=["alumni", "profile", action])
    response = editor_client.get(url, {"id": [leaky["hidden"].pk, leaky["visible"].pk]})
    assert response.status_code in (200, 302, 403, 404)  # an editor with no rights on profiles is turned away
    assert MARKER not in response.content.decode()
    response = editor_client.get(url, {"id": "all"})
    assert MARKER not in response.content.decode()


def test_an_event_edit_form_hides_a_hidden_speakers_name_from_an_editor_and_keeps_them_on_save(
    editor_client, speaker_event, leaky
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[speaker_event.pk])
    response = editor_client.get(edit_url)
    assert response.status_code == 200
    body = response.content.decode()
    assert MARKER not in body
    assert "Alumnus not shown to you" in body

    speaker = speaker_event.speakers.get()
    item = speaker_event.follow_up_items.get()
    data = event_form(
        title=speaker_event.title,
        slug=speaker_event.slug,
        speakers=inline_formset([{"id": speaker.pk, "profile": leaky["hidden"].pk, "role": "Narasumber"}], initial=1),
        follow_up_items=inline_formset(
            [
                {
                    "id": item.pk,
                    "action": "Dialog",
                    "owner_profile": leaky["hidden"].pk,
                    "indicator": "x",
                    "target": "1",
                    "status": "planned",
                    "progress": 0,
                }
            ],
            initial=1,
        ),
    )
    del data["action-publish"]
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    speaker_event.refresh_from_db()
    latest = speaker_event.get_latest_revision_as_object()
    assert [speaker.profile_id for speaker in latest.speakers.all()] == [leaky["hidden"].pk]
    assert [item.owner_profile_id for item in latest.follow_up_items.all()] == [leaky["hidden"].pk]


def test_staff_see_hidden_people_in_the_chooser_and_the_event_edit_form(speaker_event, leaky):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    ids = {"id": [leaky["hidden"].pk]}
    assert MARKER in client.get(reverse(f"{CHOOSER}:chosen_multiple"), ids).content.decode()
    assert MARKER in client.get(reverse("wagtailadmin_pages:edit", args=[speaker_event.pk])).content.decode()


# --- Unpublished organisations and revision comparisons, as a non-staff editor (issue 11, audit) ------------------

ORGANISATION_CHOOSER = "wagtailsnippetchoosers_alumni_organisation"
UNPUBLISHED = "Qzunpubk8"


@pytest.fixture
def unpublished_organisation(db):
    return OrganisationFactory(name=f"Jemaat {UNPUBLISHED}", published=False)


@pytest.fixture
def organiser_event(speaker_event, unpublished_organisation):
    """`speaker_event`, organised and followed up by an unpublished organisation (chosen by staff)."""
    speaker_event.organisers = [EventOrganiser(organisation=unpublished_organisation)]
    item = speaker_event.follow_up_items.get()
    item.owner_organisation = unpublished_organisation
    speaker_event.follow_up_items = [item]
    speaker_event.save_revision().publish()
    return type(speaker_event).objects.get(pk=speaker_event.pk)


def test_the_organisation_chooser_lists_no_unpublished_organisation_to_an_editor(
    editor_client, unpublished_organisation
):
    published = OrganisationFactory(name="Lembaga Terbit", published=True)
    for params in ({}, {"q": "Jemaat"}, {"q": UNPUBLISHED[:-2]}):
        for view in ("choose", "choose_results"):
            response = editor_client.get(reverse(f"{ORGANISATION_CHOOSER}:{view}"), params)
            assert response.status_code == 200
            assert UNPUBLISHED not in response.content.decode()
    assert "Lembaga Terbit" in editor_client.get(reverse(f"{ORGANISATION_CHOOSER}:choose")).content.decode()
    hidden = unpublished_organisation.pk
    assert editor_client.get(reverse(f"{ORGANISATION_CHOOSER}:chosen", args=[hidden])).status_code == 404
    response = editor_client.get(reverse(f"{ORGANISATION_CHOOSER}:chosen_multiple"), {"id": [hidden, published.pk]})
    assert "Lembaga Terbit" in response.content.decode()
    assert UNPUBLISHED not in response.content.decode()


def test_the_organisation_snippet_views_are_closed_to_an_editor(editor_client, unpublished_organisation):
    hidden = unpublished_organisation.pk
    for url in [
        reverse("wagtailsnippets_alumni_organisation:list"),
        reverse("wagtailsnippets_alumni_organisation:list_results"),
        reverse("wagtailsnippets_alumni_organisation:edit", args=[hidden]),
        reverse("wagtailsnippets_alumni_organisation:history", args=[hidden]),
        reverse("wagtailsnippets_alumni_organisation:usage", args=[hidden]),
        reverse("wagtailsnippets_alumni_organisation:delete", args=[hidden]),
        reverse("wagtail_bulk_action", args=["alumni", "organisation", "delete"]) + f"?id={hidden}",
    ]:
        response = editor_client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert UNPUBLISHED not in response.content.decode(), url


def test_an_event_edit_form_hides_an_unpublished_organisation_from_an_editor_and_keeps_it_on_save(
    editor_client, organiser_event, unpublished_organisation, leaky
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[organiser_event.pk])
    body = editor_client.get(edit_url).content.decode()
    assert UNPUBLISHED not in body
    assert body.count("Organisation not shown to you") == 2

    organiser = organiser_event.organisers.get()
    speaker = organiser_event.speakers.get()
    item = organiser_event.follow_up_items.get()
    hidden = unpublished_organisation.pk
    data = event_form(
        title=organiser_event.title,
        slug=organiser_event.slug,
        organisers=inline_formset([{"id": organiser.pk, "organisation": hidden}], initial=1),
        speakers=inline_formset([{"id": speaker.pk, "profile": leaky["hidden"].pk, "role": "Narasumber"}], initial=1),
        follow_up_items=inline_formset(
            [
                {
                    "id": item.pk,
                    "action": "Dialog",
                    "owner_organisation": hidden,
                    "owner_profile": leaky["hidden"].pk,
                    "indicator": "x",
                    "target": "1",
                    "status": "planned",
                    "progress": 0,
                }
            ],
            initial=1,
        ),
    )
    del data["action-publish"]
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    latest = organiser_event.get_latest_revision_as_object()
    assert [organiser.organisation_id for organiser in latest.organisers.all()] == [hidden]
    assert [item.owner_organisation_id for item in latest.follow_up_items.all()] == [hidden]


def _compare_url(event):
    return reverse("wagtailadmin_pages:revisions_compare", args=[event.pk, "earliest", event.latest_revision_id])


@pytest.fixture
def revised_event(home, leaky, unpublished_organisation):
    """An event first saved with nobody, then with the hidden person and the unpublished organisation."""
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    event.save_revision()
    event.speakers = [EventSpeaker(profile=leaky["hidden"], role="Narasumber")]
    event.organisers = [EventOrganiser(organisation=unpublished_organisation)]
    event.follow_up_items = [
        FollowUpItem(
            action="Dialog",
            owner_profile=leaky["hidden"],
            owner_organisation=unpublished_organisation,
            indicator="x",
            target="1",
        )
    ]
    event.save_revision()
    return type(event).objects.get(pk=event.pk)


def test_a_revision_comparison_names_no_hidden_person_or_organisation_to_an_editor(editor_client, revised_event):
    response = editor_client.get(_compare_url(revised_event))
    assert response.status_code == 200
    body = response.content.decode()
    assert MARKER not in body
    assert UNPUBLISHED not in body
    assert "Alumnus not shown to you" in body
    assert "Organisation not shown to you" in body


def test_staff_see_hidden_people_and_organisations_in_a_revision_comparison(revised_event):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    body = client.get(_compare_url(revised_event)).content.decode()
    assert MARKER in body
    assert UNPUBLISHED in body
    assert "not shown to you" not in body


# --- A confidential roster (issue 11, finding 3) ---------------------------------------------------------------------

ROSTER_ORGANISATION = "Jemaat Qvrosterorg5"
ROSTER_PERSON = "Qvrosterperson6"


@pytest.fixture
def imported_roster(home, tmp_path):

    path = tmp_path / "roster.csv"
    path.write_text(
        "external_id,full_name,email,organisation,topics\n"
        f"R-1,Satu {ROSTER_PERSON},satu@example.org,{ROSTER_ORGANISATION},kebebasan beragama\n"
        f"R-2,Dua {ROSTER_PERSON},dua@example.org,{ROSTER_ORGANISATION},kebebasan beragama\n",
        encoding="utf-8",
    )
    stdout = StringIO()
    with translation.override("en"):
        call_command("import_alumni", str(path), stdout=stdout)
    return stdout.getvalue()


def test_an_import_creates_organisations_unpublished_and_says_how_many(imported_roster):
    organisation = Organisation.objects.get(name=ROSTER_ORGANISATION)
    assert organisation.published is False
    assert "1 new organisation, unpublished until staff publish it." in imported_roster


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_an_anonymous_crawl_after_a_roster_import_finds_neither_the_people_nor_their_organisation(
    imported_roster, as_user, viewer
):
    slug = Organisation.objects.get(name=ROSTER_ORGANISATION).slug
    client = as_user(UserFactory(member=True) if viewer == "member" else None)
    assert client.get(f"/alumni/organisasi/{slug}/").status_code == 404
    assert client.get(f"/en/alumni/organisasi/{slug}/").status_code == 404
    for url in [
        "/alumni/",
        "/alumni/?q=Jemaat",
        "/alumni/?topic=kebebasan-beragama",
        "/alumni/organisasi/",
        "/alumni/organisasi/?q=Jemaat",
        "/alumni/saran/?q=Jemaat",
        "/alumni/saran/?q=Satu",
        "/alumni/cari-kolaborator/?q=jemaat+kebebasan+beragama",
        "/alumni/angkatan/",
        "/sitemap.xml",
        "/search/?q=Jemaat",
        "/feeds/news/rss/",
    ]:
        body = client.get(url).content.decode()
        assert "Qvrosterorg5" not in body, url
        assert ROSTER_PERSON not in body, url
        assert slug not in body, url


def test_a_published_organisation_lists_only_visible_members_and_staff_see_an_unpublished_one(imported_roster, client):
    organisation = Organisation.objects.get(name=ROSTER_ORGANISATION)
    staff = Client()
    staff.force_login(UserFactory(is_staff=True))
    assert staff.get(f"/alumni/organisasi/{organisation.slug}/").status_code == 200

    organisation.published = True
    organisation.save()
    shown = ProfileFactory(display_name="Terlihat Publik", visible=Visibility.PUBLIC)
    Membership.objects.create(profile=shown, organisation=organisation)
    response = client.get(f"/alumni/organisasi/{organisation.slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Terlihat Publik" in body and ROSTER_PERSON not in body
    assert response.context["member_count"] == 1


def test_no_bulk_action_confirmation_names_people_to_an_editor_without_rights_on_the_model(editor_client, home):
    """Wagtail's bulk-action pages list the objects a user may not act on by name: an editor with no permission on a
    snippet model that names people (introductions, registrations, e-mails, audit entries) is refused outright."""
    from alumni.models import AuditLog, Introduction
    from events.factories import RegistrationFactory

    recipient = ProfileFactory(visible=Visibility.PUBLIC)
    introduction = Introduction.objects.create(
        recipient=recipient, sender_name=f"Pengirim {MARKER}", sender_email="p@example.org", message="Halo"
    )
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    registration = RegistrationFactory(event=event, name=f"Pendaftar {MARKER}")
    entry = AuditLog.objects.create(action=AuditLog.Action.VIEW, detail=f"Catatan {MARKER}")
    for app, model, pk in [
        ("alumni", "introduction", introduction.pk),
        ("events", "registration", registration.pk),
        ("alumni", "auditlog", entry.pk),
    ]:
        response = editor_client.get(reverse("wagtail_bulk_action", args=[app, model, "delete"]) + f"?id={pk}")
        assert MARKER not in response.content.decode(), model
        assert response.status_code in (302, 403, 404), model
