from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.access import hidden_collection_ids, viewable_pages
from core.blocks import BaseStreamBlock
from core.models import BasePage

from .downloads import human_file_name
from .extraction import ExtractionStatus

LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]

# --- Inline and through models -------------------------------------------------------------------


class ResourcePageTag(TaggedItemBase):
    """Links a resource to a topic of the shared topic taxonomy."""

    content_object = ParentalKey("resources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE)


class ModulePageTag(TaggedItemBase):
    """Links a curriculum module to a topic of the shared topic taxonomy."""

    content_object = ParentalKey("resources.ModulePage", related_name="tagged_items", on_delete=models.CASCADE)


class ResourceFile(Orderable):
    """A file of a resource, in the order the editor chose."""

    page = ParentalKey("resources.ResourcePage", related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]


class ModuleFile(Orderable):
    """A document handed out with a curriculum module."""

    page = ParentalKey("resources.ModulePage", related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]


class ModuleRelatedResource(Orderable):
    """A resource from the library recommended with a module."""

    page = ParentalKey("resources.ModulePage", related_name="related_resources", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        "resources.ResourcePage", verbose_name=_("resource"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("resource")]


# --- Snippets and plain models --------------------------------------------------------------------


class ResourceDocument(AbstractDocument):
    """A file in the document library; the text inside PDFs and Word files is extracted for search."""

    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=12,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_note = models.CharField(_("extraction note"), max_length=255, blank=True, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    admin_form_fields = Document.admin_form_fields
    search_fields = [*AbstractDocument.search_fields, index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._file_name_at_load = self.file.name if self.pk and self.file else None
        self._collection_at_load = self.__dict__.get("collection_id")  # not loaded when deferred

    def save(self, *args, **kwargs):
        file_changed = bool(self.file) and self.file.name != self._file_name_at_load
        if file_changed:
            # Shown on the download buttons; the admin's form sets it, files saved from code (imports) did not.
            self.file_size = self.file.size
            self.extraction_status = ExtractionStatus.PENDING
            self.extraction_note = ""
            self.extracted_text = ""
        super().save(*args, **kwargs)
        self._file_name_at_load = self.file.name if self.file else None
        if file_changed:
            from .tasks import extract_document_text

            extract_document_text.enqueue(self.pk)
            # With the immediate backend the text is there already; keep this instance in step, since callers
            # such as the admin index it again after saving.
            self.refresh_from_db(fields=["extracted_text", "extraction_status", "extraction_note"])

    @property
    def download_name(self):
        """The name the file is downloaded under: its title, with its extension."""
        return human_file_name(self.title, self.file_extension, fallback=self.filename.rsplit(".", 1)[0])


class ResourceType(models.Model):
    """A kind of resource (module, SOP, regulation...), managed by editors."""

    name = models.CharField(_("name (Bahasa Indonesia)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.name_en if (get_language() or "").startswith("en") and self.name_en else self.name


class SearchSynonym(models.Model):
    """Words and phrases that mean the same thing in a search, e.g. RADPE and the decree's full name."""

    terms = models.TextField(
        _("terms"),
        help_text=_("One term or phrase per line; searching for any of them also finds the others."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return " ↔ ".join(self.term_list())

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Enter at least two terms, one per line.")})

    def term_list(self):
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


# --- Pages ---------------------------------------------------------------------------------------


def topic_names(page):
    """Topics and file text are gathered by methods for the index: Wagtail's RelatedFields cannot follow
    modelcluster relations (cluster tags, inline files) on the database backend."""
    return " ".join(tag.name for tag in page.tags.all())


def file_text(page):
    """The text of the page's files that anyone may download. A page is indexed once for every viewer, so the text
    of files in restricted collections stays out of it (members find those through the documents' own index, see
    `resources.views`); restricting a collection later indexes its pages again (`resources.signals`)."""
    restricted = hidden_collection_ids(None)
    return "\n".join(
        f"{item.document.title}\n{item.document.extracted_text}"
        for item in page.files.select_related("document")
        if item.document.collection_id not in restricted
    )


def pages_listing(document_ids):
    """The resource and module pages that list any of these documents."""
    return [
        *ResourcePage.objects.filter(files__document__in=document_ids).distinct(),
        *ModulePage.objects.filter(files__document__in=document_ids).distinct(),
    ]


class SessionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Session title"), max_length=200)
    minutes = blocks.IntegerBlock(label=_("Minutes"), min_value=5, max_value=600)
    method = blocks.CharBlock(label=_("Method"), max_length=200, required=False)
    materials = blocks.TextBlock(label=_("Materials"), required=False)
    facilitator_notes = blocks.RichTextBlock(
        label=_("Facilitator notes"), features=["bold", "italic", "ol", "ul", "link"], required=False
    )

    class Meta:
        icon = "time"
        template = "blocks/session_block.html"
        label = _("Session")
        preview_value = {"title": "Pemetaan pemangku kepentingan", "minutes": 90, "method": "Diskusi kelompok"}


class ModulePage(RoutablePageMixin, BasePage):
    """A module of the Sekolah Demokrasi curriculum: objectives, sessions, readings and handouts."""

    number = models.PositiveSmallIntegerField(_("module number"), default=1)
    summary = models.TextField(_("summary"), max_length=600)
    objectives = RichTextField(_("learning objectives"), features=["bold", "italic", "ol", "ul"])
    duration = models.CharField(_("duration"), max_length=100, help_text=_("For example: 2 sessions, 6 hours."))
    sessions = StreamField([("session", SessionBlock())], verbose_name=_("session plan"), blank=True)
    readings = RichTextField(
        _("readings"), features=["bold", "italic", "ol", "ul", "link", "document-link"], blank=True
    )
    tags = ClusterTaggableManager(through=ModulePageTag, verbose_name=_("topics"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("duration")]),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("sessions"),
        FieldPanel("readings"),
        FieldPanel("tags"),
        InlinePanel("files", label=_("Documents")),
        InlinePanel("related_resources", label=_("Related resources")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("sessions"),
        index.SearchField("readings"),
        index.SearchField("topic_names"),
        index.SearchField("file_text"),
    ]

    parent_page_types = ["resources.CurriculumPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("curriculum module")
        ordering = ["number"]

    @property
    def description(self):
        return self.search_description or self.listing_summary or self.summary

    def topic_names(self):
        return topic_names(self)

    def file_text(self):
        return file_text(self)

    def total_minutes(self):
        return sum(block.value["minutes"] or 0 for block in self.sessions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hidden = hidden_collection_ids(request.user)
        context["files"] = [
            item.document for item in self.files.select_related("document") if item.document.collection_id not in hidden
        ]
        related_ids = [item.resource_id for item in self.related_resources.all()]
        context["related"] = viewable_pages(ResourcePage.objects.filter(pk__in=related_ids).live(), request.user)
        context["previous_module"], context["next_module"] = self.neighbours(request.user)
        return context

    def neighbours(self, user):
        """The modules just before and after this one in the programme's order (as the programme page lists them),
        among those `user` may open."""
        siblings = viewable_pages(ModulePage.objects.sibling_of(self, inclusive=False).live(), user)
        before = Q(number__lt=self.number) | Q(number=self.number, path__lt=self.path)
        previous = siblings.filter(before).order_by("-number", "-path").first()
        following = siblings.exclude(before).order_by("number", "path").first()
        return previous, following

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("unduh/")
    def download_route(self, request):
        """All of the module's documents the visitor may see, as one ZIP file."""
        from .views import module_zip

        return module_zip(request, self)


class ResourcePage(RoutablePageMixin, BasePage):
    """A resource in the library: a module, SOP, regulation, report, campaign material, video..."""

    summary = models.TextField(_("summary"), max_length=1000)
    resource_type = models.ForeignKey(
        "resources.ResourceType", verbose_name=_("resource type"), on_delete=models.PROTECT, related_name="+"
    )
    tags = ClusterTaggableManager(through=ResourcePageTag, verbose_name=_("topics"), blank=True)
    regions = ParentalManyToManyField("core.Region", verbose_name=_("regions"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="id")
    published_year = models.PositiveSmallIntegerField(_("publication year"), null=True, blank=True, db_index=True)
    published_date = models.DateField(_("publication date"), null=True, blank=True)
    publisher = models.CharField(_("publisher or author organisation"), max_length=255, blank=True)
    external_url = models.URLField(_("external link"), blank=True, max_length=500)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    external_id = models.CharField(
        _("import id"), max_length=100, blank=True, db_index=True, help_text=_("Set by the bulk import.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("tags"),
                FieldPanel("regions"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("published_year"), FieldPanel("published_date")]),
                FieldPanel("publisher"),
            ],
            heading=_("Description"),
        ),
        InlinePanel("files", label=_("Files")),
        FieldPanel("external_url"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("publisher"),
        index.SearchField("body"),
        index.SearchField("topic_names", boost=2),
        index.SearchField("file_text"),
        index.FilterField("language"),
        index.FilterField("published_year"),
        index.FilterField("resource_type"),
    ]

    parent_page_types = ["resources.ResourceLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @property
    def description(self):
        return self.search_description or self.listing_summary or self.summary

    def topic_names(self):
        return topic_names(self)

    def file_text(self):
        return file_text(self)

    @property
    def share_image(self):
        return self.social_image or self.listing_image or self.cover_image

    def clean(self):
        super().clean()
        if self.published_date and not self.published_year:
            self.published_year = self.published_date.year
        if self.published_date and self.published_year != self.published_date.year:
            raise ValidationError({"published_year": _("The year must match the publication date.")})
        if self.published_year and not 1945 <= self.published_year <= timezone.localdate().year + 1:
            raise ValidationError({"published_year": _("Enter a year between 1945 and next year.")})

    def save(self, *args, **kwargs):
        if self.published_date and not self.published_year:
            self.published_year = self.published_date.year
        super().save(*args, **kwargs)

    def documents(self):
        return [item.document for item in self.files.all()]

    def download_count(self):
        return sum(document.download_count for document in self.documents())

    def authors_text(self):
        return self.publisher or str(_("Jejaring Sekolah Demokrasi"))

    def citation(self, request=None):
        year = self.published_year or str(_("n.d."))
        kind = self.resource_type.display_name
        return f"{self.authors_text()} ({year}). {self.title}. {kind}. {self.get_full_url(request)}"

    def get_context(self, request, *args, **kwargs):
        from .selectors import related_resources

        context = super().get_context(request, *args, **kwargs)
        hidden = hidden_collection_ids(request.user)
        documents = [item.document for item in self.files.select_related("document")]
        context["files"] = [document for document in documents if document.collection_id not in hidden]
        context["hidden_files"] = len(documents) - len(context["files"])
        context["related"] = related_resources(self, request.user)
        context["citation"] = self.citation(request)
        context["page_full_url"] = self.get_full_url(request)
        context["share_text"] = f"{self.title} {context['page_full_url']}"
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("cite/ris/")
    def ris_route(self, request):
        from .citations import ris_response

        return ris_response(self, request)

    @path("cite/bib/")
    def bibtex_route(self, request):
        from .citations import bibtex_response

        return bibtex_response(self, request)


class ResourceLibraryPage(RoutablePageMixin, BasePage):
    """The resource library: search with filters over all resources below it."""

    intro = RichTextField(_("intro"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource library")

    @path("")
    def index_route(self, request):
        from .views import library_search

        return library_search(request, self)

    @path("autocomplete/")
    def autocomplete_route(self, request):
        from .views import autocomplete

        return autocomplete(request, self)


class CurriculumPage(RoutablePageMixin, BasePage):
    """The Sekolah Demokrasi programme: goals, participants, format, and its modules."""

    intro = models.TextField(_("intro"), max_length=800)
    goals = RichTextField(_("goals"), features=["bold", "italic", "ol", "ul", "link"])
    audience = RichTextField(_("who it is for"), features=["bold", "italic", "ol", "ul", "link"])
    format = RichTextField(
        _("format"), features=["bold", "italic", "ol", "ul", "link"], help_text=_("Hybrid: in person and online.")
    )
    duration = models.CharField(_("duration"), max_length=150)
    cohorts = RichTextField(_("cohorts that took it"), features=["bold", "italic", "ol", "ul", "link"], blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("goals"),
        FieldPanel("audience"),
        FieldPanel("format"),
        FieldPanel("duration"),
        FieldPanel("cohorts"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("goals")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["resources.ModulePage"]

    class Meta:
        verbose_name = _("curriculum")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = (
            ModulePage.objects.child_of(self).live().public().select_related("locale").order_by("number", "path")
        )
        return context
