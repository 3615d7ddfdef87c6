import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker

from alumni.models import Audience, Cohort, HelpOffer, Membership, Organisation, Profile, Visibility
from alumni.policy import make_member
from website.models import Region

fake = Faker("id_ID")


def region(name="Kabupaten Pandeglang"):
    """A Banten region by name; created when a live-server flush has removed the migration's rows."""
    existing = Region.objects.filter(name=name).first()
    if existing:
        return existing
    banten = Region.objects.get_or_create(code="36", defaults={"name": "Banten", "slug": "banten", "kind": "province"})[
        0
    ]
    return Region.objects.create(
        name=name,
        slug=slugify(name),
        kind="city" if name.startswith("Kota") else "regency",
        code=f"36.{Region.objects.count() + 90}",
        province=banten,
    )


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.Sequence(lambda n: f"pengguna{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "sandi-rahasia-123")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def member(self, create, extracted, **kwargs):
        self.save()
        if extracted:
            make_member(self)


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


__all__ = ["Audience", "Visibility", "region"]
