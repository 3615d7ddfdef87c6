import factory
import wagtail_factories
from django.core.files.base import ContentFile

from resources.models import (
    CurriculumPage,
    ModulePage,
    ResourceDocument,
    ResourceLibraryPage,
    ResourcePage,
    ResourceType,
)
from resources.sample_files import make_pdf


class ResourceDocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Dokumen {n}")
    file = factory.LazyAttribute(
        lambda obj: ContentFile(make_pdf(obj.title, [obj.text]), name=f"{obj.title.lower().replace(' ', '-')}.pdf")
    )

    class Meta:
        model = ResourceDocument

    class Params:
        text = "Isi dokumen contoh."


class ResourceLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Pustaka"
    slug = "pustaka"

    class Meta:
        model = ResourceLibraryPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sumber daya {n}")
    summary = "Ringkasan sumber daya."
    resource_type = factory.LazyFunction(lambda: ResourceType.objects.get(slug="modul"))
    language = "id"
    published_year = 2024

    class Meta:
        model = ResourcePage


class CurriculumPageFactory(wagtail_factories.PageFactory):
    title = "Sekolah Demokrasi"
    slug = "kurikulum"
    intro = "Program Sekolah Demokrasi Hybrid."
    goals = "<p>Memperkuat demokrasi.</p>"
    audience = "<p>Aparatur dan komunitas.</p>"
    format = "<p>Hybrid.</p>"
    duration = "6 bulan"

    class Meta:
        model = CurriculumPage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Modul {n}")
    number = factory.Sequence(lambda n: n + 1)
    summary = "Ringkasan modul."
    objectives = "<ul><li>Memahami demokrasi.</li></ul>"
    duration = "2 sesi"

    class Meta:
        model = ModulePage
