"""The admin dashboard's "needs attention" panel: counts that link to where the editor acts, each only to editors
who may open that listing, in a constant number of queries."""

import datetime
import hashlib
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission

from alumni.factories import ProfileFactory
from alumni.models import ClaimInvitation, Introduction, Visibility
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from events.models import Registration
from members.factories import UserFactory
from resources.extraction import ExtractionStatus
from resources.factories import ResourceDocumentFactory
from resources.models import ResourceDocument

pytestmark = pytest.mark.django_db

HEADING = 'id="needs-attention-heading"'


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


def publish_event(event_index, **fields):
    event = EventPageFactory(parent=event_index, **fields)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def introduce(recipient, status=Introduction.Status.PENDING):
    return Introduction.objects.create(
        recipient=recipient,
        sender_name="Tamu",
        sender_email="tamu@example.org",
        purpose="Kerja sama",
        message="Halo.",
        status=status,
        token_hash=hashlib.sha256(f"{recipient.pk}{status}{Introduction.objects.count()}".encode()).hexdigest(),
    )


def invite(profile, **fields):
    return ClaimInvitation.objects.create(
        profile=profile,
        sent_to=profile.email,
        token_hash=hashlib.sha256(f"claim{ClaimInvitation.objects.count()}".encode()).hexdigest(),
        expires_at=fields.pop("expires_at", timezone.now() + datetime.timedelta(days=14)),
        **fields,
    )


def unreadable_document(title):
    document = ResourceDocumentFactory(title=title)
    ResourceDocument.objects.filter(pk=document.pk).update(extraction_status=ExtractionStatus.FAILED)
    return document


def editor_with(*codenames, documents=False):
    """A non-staff editor who may use the admin and holds the named permissions ("app.codename")."""
    group = Group.objects.create(name=f"Editors {'-'.join(codenames) or 'pages'} {documents}")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for name in codenames:
        app_label, codename = name.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    if documents:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename="change_document"),
        )
    user = UserFactory(email=f"editor-{group.pk}@example.org")
    user.groups.add(group)
    return user


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def attention(event_index):
    """Something waiting in every part of the panel."""
    workshop = publish_event(event_index, title="Lokakarya deteksi dini", capacity=20)
    RegistrationFactory(event=workshop, status=Registration.Status.CONFIRMED)
    RegistrationFactory(event=workshop, status=Registration.Status.CONFIRMED)
    RegistrationFactory(event=workshop, status=Registration.Status.WAITLISTED)
    RegistrationFactory(event=workshop, status=Registration.Status.PENDING)
    RegistrationFactory(
        event=workshop, status=Registration.Status.CANCELLED, created_at=timezone.now() - datetime.timedelta(days=1)
    )
    RegistrationFactory(
        event=workshop, status=Registration.Status.CONFIRMED, created_at=timezone.now() - datetime.timedelta(days=30)
    )
    hidden = ProfileFactory(full_name="Tersembunyi")
    shown = ProfileFactory(full_name="Terlihat", visible=Visibility.MEMBERS)
    invite(hidden)
    invite(shown)
    invite(shown)  # a second link to the same person: still one profile waiting
    invite(ProfileFactory(), used_at=timezone.now())
    invite(ProfileFactory(), expires_at=timezone.now() - datetime.timedelta(days=1))
    introduce(hidden)
    introduce(shown)
    introduce(shown, status=Introduction.Status.ACCEPTED)
    unreadable_document("Notulen rusak")
    ResourceDocumentFactory(title="Notulen baik")
    return workshop


def counted(html):
    """The panel's counts, each with the link it is drawn in."""
    return {unescape(url): int(count) for url, count in re.findall(r'<a href="([^"]+)"><strong>(\d+)</strong>', html)}


def listed(client, url, marker):
    """How many rows the admin listing at `url` shows (each row carries `marker` once)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode().count(marker)


def test_staff_see_every_count_with_a_link_to_where_they_act(client, attention):
    html = dashboard(client, UserFactory(is_staff=True, is_superuser=True, email="staf@example.org"))
    assert HEADING in html
    counts = counted(html)
    # Registered in the last week and not cancelled: the four of the workshop.
    registrations = reverse("wagtailsnippets_events_registration:list")
    [new] = [url for url in counts if url.startswith(registrations)]
    assert counts[new] == 4
    profiles = reverse("wagtailsnippets_alumni_profile:list")
    [waiting] = [url for url in counts if url.startswith(profiles)]
    assert counts[waiting] == 2
    introductions = reverse("wagtailsnippets_alumni_introduction:list")
    assert counts[f"{introductions}?status=pending"] == 2
    assert counts[reverse("resources_unreadable_documents")] == 1
    assert "Lokakarya deteksi dini" in html
    assert "Notulen rusak" in html and "Notulen baik" not in html


def test_each_count_leads_to_a_listing_of_exactly_what_it_counted(client, attention, event_index):
    ProfileFactory(full_name="Belum diundang")  # unclaimed, never sent a link: not waiting for anyone
    ProfileFactory(full_name="Sudah diklaim", user=UserFactory(email="klaim@example.org"))
    staff = UserFactory(is_staff=True, is_superuser=True, email="staf@example.org")
    counts = counted(dashboard(client, staff))
    assert len(counts) == 4
    for url, count in counts.items():
        # Every listing row has one checkbox of the bulk actions.
        assert listed(client, url, "data-bulk-action-checkbox class") == count, url


def test_the_link_of_an_event_lists_only_its_registrations(client, attention, event_index):
    other = publish_event(event_index, title="Diskusi lain", capacity=5)
    RegistrationFactory(event=other, status=Registration.Status.CONFIRMED, name="Peserta lain")
    RegistrationFactory(event=attention, status=Registration.Status.CONFIRMED, name="Peserta lokakarya")
    html = dashboard(client, UserFactory(is_staff=True, is_superuser=True, email="staf@example.org"))
    # Confirmed: three this week, one a month ago; of twenty seats.
    link = re.search(r'<a href="([^"]+)">\D*4\D+20\D*</a>', html)
    listing = client.get(unescape(link.group(1))).content.decode()
    assert "Peserta lokakarya" in listing and "Peserta lain" not in listing
    assert listing.count("data-bulk-action-checkbox class") == attention.registrations.count()


def test_an_editor_of_pages_only_sees_no_panel(client, attention):
    html = dashboard(client, editor_with())
    assert HEADING not in html
    assert "Lokakarya deteksi dini" not in html


def test_an_editor_sees_only_the_parts_they_may_open(client, attention):
    html = dashboard(client, editor_with("events.view_registration"))
    assert HEADING in html and "Lokakarya deteksi dini" in html
    assert reverse("wagtailsnippets_alumni_introduction:list") not in html
    assert reverse("wagtailsnippets_alumni_profile:list") not in html
    assert "Notulen rusak" not in html

    html = dashboard(client, editor_with(documents=True))
    assert "Notulen rusak" in html
    assert "Lokakarya deteksi dini" not in html


def test_a_non_staff_editor_sees_nothing_about_alumni_whatever_their_permissions(client, attention):
    # Profiles and introductions are for staff accounts only: their listings refuse this editor, so does the panel.
    editor = editor_with("alumni.view_introduction", "alumni.view_profile", "alumni.change_profile")
    editor.make_member()
    html = dashboard(client, editor)
    assert HEADING not in html
    assert reverse("wagtailsnippets_alumni_introduction:list") not in html
    assert reverse("wagtailsnippets_alumni_profile:list") not in html


def test_event_titles_lead_to_the_editor_only_for_those_who_may_edit_the_event(client, attention):
    html = dashboard(client, editor_with("events.view_registration"))
    assert "Lokakarya deteksi dini" in html
    assert reverse("wagtailadmin_pages:edit", args=(attention.pk,)) not in html

    html = dashboard(client, UserFactory(is_staff=True, is_superuser=True, email="staf@example.org"))
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(attention.pk,))}">Lokakarya deteksi dini</a>' in html


def test_the_dashboard_takes_as_many_queries_for_many_events_and_documents_as_for_one(client, event_index):
    staff = UserFactory(is_staff=True, is_superuser=True, email="staf@example.org")
    client.force_login(staff)

    def queries():
        client.get(reverse("wagtailadmin_home"))  # what is kept between requests is kept
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(captured)

    event = publish_event(event_index, capacity=10)
    RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
    unreadable_document("Satu")
    introduce(ProfileFactory())
    one = queries()
    for number in range(4):
        more = publish_event(event_index, capacity=10 + number)
        RegistrationFactory(event=more, status=Registration.Status.CONFIRMED)
        RegistrationFactory(event=more, status=Registration.Status.WAITLISTED)
        unreadable_document(f"Lagi {number}")
        introduce(ProfileFactory())
    assert queries() == one
