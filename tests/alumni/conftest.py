import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import Membership, Visibility
from core.factories import region
from members.factories import UserFactory

# A string that exists only in a hidden person's data: wherever it shows up, that person leaked.
MARKER = "Zqxmarkerv7"
ORGANISATION_MARKER = "Qzorgmarkerk4"


def jpeg_file(name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def join(profile, *cohorts):
    """Put a profile in cohorts (a parental many-to-many: saved with the profile)."""
    profile.cohorts.add(*cohorts)
    profile.save()
    return profile


@pytest.fixture
def member(db):
    return UserFactory(member=True)


@pytest.fixture
def account(db):
    """A logged-in account that staff have not verified: no member rights."""
    return UserFactory()


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def as_user():
    """A test client logged in as `user` (anonymous for None)."""

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def leaky(db, home):
    """A hidden person whose every field carries MARKER, in a cohort and an organisation that also hold visible
    people, plus an organisation whose only member is the hidden person (the organisation itself is public)."""
    cohort = CohortFactory(name="Angkatan Uji 2024", slug="angkatan-uji-2024")
    shared = OrganisationFactory(name="Forum Kerukunan Contoh", slug="forum-kerukunan-contoh")
    lonely = OrganisationFactory(name=f"Lembaga {ORGANISATION_MARKER}", slug="lembaga-sendiri")
    owner = UserFactory(member=True, email=f"{MARKER.lower()}@example.org")
    hidden = ProfileFactory(
        user=owner,
        full_name=f"Rahasia {MARKER}",
        display_name=f"Rahasia {MARKER}",
        bio=f"Bio {MARKER} deteksi dini kohesi sosial",
        email=f"{MARKER.lower()}@example.org",
        phone=f"+62 812 {MARKER}",
        social_links=f"https://example.org/{MARKER}",
        email_audience="public",
        phone_audience="public",
        social_audience="public",
        photo_audience="public",
        languages=MARKER,
        regency=region("Kabupaten Pandeglang"),
        open_to_collaborate=True,
        accepts_introductions=True,
        topics=["deteksi dini", "kohesi sosial"],
        help_types=["facilitator", "mediator"],
    )
    hidden.photo = jpeg_file(f"{MARKER}.jpg")
    hidden.save()
    join(hidden, cohort)
    Membership.objects.create(profile=hidden, organisation=shared, role=f"Ketua {MARKER}")
    Membership.objects.create(profile=hidden, organisation=lonely, role=f"Pendiri {MARKER}")
    visible = ProfileFactory(
        display_name="Sari Terlihat",
        visible=Visibility.PUBLIC,
        regency=region("Kabupaten Pandeglang"),
        open_to_collaborate=True,
        topics=["deteksi dini"],
        help_types=["facilitator"],
        organisations=[shared],
    )
    join(visible, cohort)
    return {"hidden": hidden, "visible": visible, "cohort": cohort, "shared": shared, "lonely": lonely}
