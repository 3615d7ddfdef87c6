import factory
from django.utils import timezone
from faker import Faker

from alumni.models import Cohort, HelpOffer, Membership, Organisation, Profile, Visibility

fake = Faker("id_ID")


class CohortFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sekolah Demokrasi Hybrid Angkatan {n}")
    slug = factory.Sequence(lambda n: f"angkatan-{n}")
    year = 2024

    class Meta:
        model = Cohort


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lembaga Contoh {n}")
    slug = factory.Sequence(lambda n: f"lembaga-contoh-{n}")
    description = "Organisasi masyarakat sipil contoh."

    class Meta:
        model = Organisation


class ProfileFactory(factory.django.DjangoModelFactory):
    """A profile; `visible=Visibility.PUBLIC` (or MEMBERS) records consent so the database accepts it."""

    full_name = factory.Sequence(lambda n: f"Alumni Contoh {n}")
    display_name = factory.SelfAttribute("full_name")
    email = factory.Sequence(lambda n: f"alumni{n}@example.org")
    bio = "Fasilitator dialog antarumat di Banten."
    sector = "cso"

    class Meta:
        model = Profile
        skip_postgeneration_save = True

    class Params:
        visible = None  # a Visibility value: consents and shows the profile

    @factory.lazy_attribute
    def visibility(self):
        return self.visible or Visibility.HIDDEN

    @factory.lazy_attribute
    def consent_given_at(self):
        return timezone.now() if self.visible else None

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.add(*extracted)
            self.save()

    @factory.post_generation
    def help_types(self, create, extracted, **kwargs):
        for value in extracted or ():
            HelpOffer.objects.create(profile=self, help_type=value)

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        for organisation in extracted or ():
            Membership.objects.create(profile=self, organisation=organisation, role="Anggota")
