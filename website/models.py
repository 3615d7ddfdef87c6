from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from alumni.charts import network_figures
from core.access import public_pages
from core.blocks import BaseStreamBlock, NavigationLinkBlock, PartnerLogoBlock, SocialLinkBlock
from core.content_version import remember
from core.facets import clean_value
from core.i18n import localized
from core.models import BasePage
from events.models import EventIndexPage
from events.selectors import plans_in_progress, upcoming_events
from resources.models import ResourceLibraryPage, ResourcePage

# --- Inline and through models -------------------------------------------------------------------


class NewsPageTag(TaggedItemBase):
    """Links a news article to a topic of the shared topic taxonomy."""

    content_object = ParentalKey("website.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPageRelatedPage(Orderable):
    """A page the editor recommends below a news article."""

    page = ParentalKey("website.NewsPage", related_name="related_pages", on_delete=models.CASCADE)
    related = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("related")]


# --- Snippets and plain models --------------------------------------------------------------------


class Author(models.Model):
    """A person credited as the author of news articles."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("image")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class Footer(TranslatableMixin, models.Model):
    """The footer text and footer links, one per language."""

    text = RichTextField(_("footer text"), features=["bold", "italic", "link"], blank=True)
    links = StreamField([("link", NavigationLinkBlock())], verbose_name=_("footer links"), blank=True)

    panels = [FieldPanel("text"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return str(_("Footer (%(language)s)") % {"language": self.locale.get_display_name()})


# --- Pages ---------------------------------------------------------------------------------------


class NewsPage(BasePage):
    """A news article: an update, a story from the network, a press release."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("intro"), max_length=500, help_text=_("One or two sentences shown under the title."))
    feature_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("feature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    authors = ParentalManyToManyField("website.Author", verbose_name=_("authors"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, verbose_name=_("topics"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("feature_image"),
        FieldPanel("body"),
        FieldPanel("authors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        InlinePanel("related_pages", label=_("Related pages"), max_num=6),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("topic_names"),
        index.FilterField("date"),
    ]

    parent_page_types = ["website.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    @property
    def description(self):
        return self.search_description or self.listing_summary or self.intro

    def topic_names(self):
        """Indexed for search: RelatedFields cannot follow cluster tags on the database backend."""
        return " ".join(tag.name for tag in self.tags.all())

    @property
    def share_image(self):
        return self.social_image or self.listing_image or self.feature_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related_ids = [item.related_id for item in self.related_pages.all()]
        context["related"] = Page.objects.filter(pk__in=related_ids).live().public().specific()
        return context


class NewsIndexPage(BasePage):
    """The list of news articles, newest first, filterable by topic."""

    intro = RichTextField(_("intro"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_articles(self):
        # The cards show an image each (no authors, no topics): its renditions come with it.
        return (
            public_pages(NewsPage.objects.child_of(self).live())
            .select_related("locale", "feature_image", "listing_image")
            .prefetch_related("feature_image__renditions", "listing_image__renditions")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.get_articles()
        tag = clean_value(request.GET.get("tag", ""))
        if tag:
            articles = articles.filter(tags__slug=tag)
            # Only a tag of a listed article is named: other tags (e.g. a hidden alumnus' topics) stay unconfirmed.
            context["current_tag"] = Tag.objects.filter(
                slug=tag, website_newspagetag_items__content_object__in=articles
            ).first()
        context["articles"] = Paginator(articles, settings.NEWS_PER_PAGE).get_page(request.GET.get("page"))
        context["tags"] = remember(f"news-topics:{self.pk}", self.topics)
        return context

    def topics(self):
        """The 20 topics most used by the listed (public) articles, the same for every viewer."""
        return list(
            Tag.objects.filter(website_newspagetag_items__content_object__in=self.get_articles())
            .annotate(count=models.Count("website_newspagetag_items", distinct=True))
            .order_by("-count", "name")[:20]
        )


class StandardPage(BasePage):
    """A general content page: about us, the programme, contact, privacy notice."""

    intro = models.TextField(_("intro"), max_length=500, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class HomePage(BasePage):
    """The home page of one language of the site."""

    hero_title = models.CharField(_("hero title"), max_length=200)
    intro = models.TextField(_("intro"), max_length=600)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("hero button text"), max_length=80, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_page"),
                FieldPanel("hero_cta_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.NewsIndexPage",
        "website.StandardPage",
        "resources.ResourceLibraryPage",
        "resources.CurriculumPage",
        "events.EventIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview draws the editor's unsaved draft: never kept where visitors' pages would find it.
        if getattr(request, "is_preview", False):
            context.update(self.public_sections())
        else:
            context.update(remember(f"home-sections:{self.pk}", self.public_sections))
        context["upcoming_events"] = list(upcoming_events(request.user, limit=3))
        context["plans_in_progress"] = list(plans_in_progress(request.user, limit=3))
        context["network_figures"] = network_figures(request.user)
        return context

    def public_sections(self):
        """What the home page shows every visitor alike, kept under the content version by `get_context`."""
        return {
            "hero_cta_page": localized(self.hero_cta_page) if self.hero_cta_page_id else None,
            "latest_news": list(
                public_pages(NewsPage.objects.descendant_of(self).live())
                .select_related("locale", "feature_image", "listing_image")
                .prefetch_related("feature_image__renditions", "listing_image__renditions")
                .order_by("-date", "-first_published_at")[:3]
            ),
            "news_index": NewsIndexPage.objects.child_of(self).live().first(),
            "library": public_pages(ResourceLibraryPage.objects.child_of(self).live()).first(),
            "featured_resources": list(
                public_pages(ResourcePage.objects.descendant_of(self).live())
                .select_related("resource_type", "locale")
                .order_by("-first_published_at")[:4]
            ),
            "event_index": public_pages(EventIndexPage.objects.child_of(self).live()).first(),
        }


# --- Settings ------------------------------------------------------------------------------------


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details, social media links and partner logos shown on every page."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("social media links"), blank=True)
    partner_logos = StreamField([("partner", PartnerLogoBlock())], verbose_name=_("partner logos"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address")], heading=_("Contact")
        ),
        FieldPanel("social_links"),
        FieldPanel("partner_logos"),
    ]

    class Meta:
        verbose_name = _("site settings")
