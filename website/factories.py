import datetime

import factory
import wagtail_factories
from faker import Faker
from wagtail.models import Locale

from website.models import Author, HomePage, NewsIndexPage, NewsPage, StandardPage

fake = Faker("id_ID")


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.LazyFunction(lambda: f"{fake.name()} (contoh)")
    role = "Penulis contoh"

    class Meta:
        model = Author


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Beranda"
    hero_title = "Jejaring Sekolah Demokrasi"
    intro = "Jejaring alumni Sekolah Demokrasi di Banten."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Halaman {n}")
    intro = "Pengantar halaman."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Berita"
    slug = "berita"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kabar jejaring {n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    intro = factory.LazyFunction(lambda: fake.sentence(nb_words=12))

    class Meta:
        model = NewsPage


def english():
    return Locale.objects.get_or_create(language_code="en")[0]
