import pytest
from django.db import IntegrityError, transaction
from wagtail.search.backends import get_search_backend

from alumni.factories import OrganisationFactory, ProfileFactory
from alumni.models import Cohort, Membership, Profile, Visibility


@pytest.mark.django_db
def test_a_profile_saved_with_its_memberships_and_topics_is_found_by_them_in_the_staff_search():
    organisation = OrganisationFactory(name="Forum Kerukunan Lebakwangi")
    profile = Profile(full_name="Rina Contoh", email="rina@example.org")
    profile.memberships = [Membership(organisation=organisation, role="Ketua")]
    profile.topics.add("literasi digital")
    profile.save()  # modelcluster writes the memberships and topics after post_save

    backend = get_search_backend()
    assert list(backend.search("Lebakwangi", Profile)) == [profile]
    assert list(backend.search("literasi", Profile)) == [profile]


@pytest.mark.django_db
def test_the_database_refuses_a_visible_profile_without_consent():
    profile = ProfileFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.filter(pk=profile.pk).update(visibility=Visibility.PUBLIC)


@pytest.mark.django_db
def test_cohorts_of_the_same_name_in_different_years_get_their_own_slugs():
    first = Cohort.objects.create(name="Sekolah Demokrasi Hybrid", year=2023)
    second = Cohort.objects.create(name="Sekolah Demokrasi Hybrid", year=2024)
    again = Cohort.objects.create(name="Sekolah Demokrasi Hybrid", year=2024)
    assert [first.slug, second.slug, again.slug] == [
        "sekolah-demokrasi-hybrid-2023",
        "sekolah-demokrasi-hybrid-2024",
        "sekolah-demokrasi-hybrid-2024-2",
    ]
