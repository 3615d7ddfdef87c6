"""The admin dashboard's "needs attention" panel: counts that link to where the editor acts, each only to editors
who may open that listing, in a constant number of queries."""

import datetime
import hashlib
import re

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


def test_staff_see_every_count_with_a_link_to_where_they_act(client, attention):
    html = dashboard(client, UserFactory(is_staff=True, is_superuser=True, email="staf@example.org"))
    assert HEADING in html
    registrations = reverse("wagtailsnippets_events_registration:list")
    # Registered in the last week and not cancelled: the four of the workshop.
    assert f'<a href="{registrations}"><strong>4</strong>' in html
    assert "Lokakarya deteksi dini" in html
    # Confirmed: two this week, one a month ago; of twenty seats.
    assert re.search(rf'href="{registrations}\?event={attention.pk}">\D*3\D+20\D*</a>', html)
    profiles = reverse("wagtailsnippets_alumni_profile:list")
    assert f'<a href="{profiles}?claimed=false"><strong>2</strong>' in html
    introductions = reverse("wagtailsnippets_alumni_introduction:list")
    assert f'<a href="{introductions}?status=pending"><strong>2</strong>' in html
    assert f'<a href="{reverse("wagtaildocs:index")}"><strong>1</strong>' in html
    assert "Notulen rusak" in html and "Notulen baik" not in html


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


def test_a_non_staff_editor_counts_only_the_people_they_may_see(client, attention):
    editor = editor_with("alumni.view_introduction", "alumni.view_profile")
    editor.make_member()
    html = dashboard(client, editor)
    introductions = reverse("wagtailsnippets_alumni_introduction:list")
    assert f'<a href="{introductions}?status=pending"><strong>1</strong>' in html
    profiles = reverse("wagtailsnippets_alumni_profile:list")
    assert f'<a href="{profiles}?claimed=false"><strong>1</strong>' in html


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
