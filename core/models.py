"""What every app stands on: the regions shared by alumni, resources and events, the abstract page type every page
inherits, and the queue of outgoing e-mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from .access import restrictions_of

# --- Snippets and plain models --------------------------------------------------------------------


class Format(models.TextChoices):
    """How people take part: in person, online or both (cohorts and events)."""

    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Region(models.Model):
    """A province of Indonesia or a kabupaten/kota of Banten, shared by alumni, resources and events."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Province")
        REGENCY = "regency", _("Regency (kabupaten)")
        CITY = "city", _("City (kota)")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    code = models.CharField(
        _("administrative code"), max_length=10, unique=True, help_text=_("Kemendagri region code.")
    )
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="regencies",
        limit_choices_to={"kind": "province"},
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("code"), FieldPanel("province")]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


# --- Pages ---------------------------------------------------------------------------------------


class BasePage(Page):
    """Fields every page shares: how it appears in listings and when shared on social media."""

    listing_title = models.CharField(
        _("listing title"), max_length=255, blank=True, help_text=_("Shown in lists instead of the page title.")
    )
    listing_summary = models.TextField(
        _("listing summary"), max_length=300, blank=True, help_text=_("Shown in lists and as the page description.")
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; the listing image is used otherwise."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Listings"),
        ),
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True

    @property
    def display_title(self):
        return self.listing_title or self.title

    @property
    def description(self):
        return self.search_description or self.listing_summary

    @property
    def share_image(self):
        return self.social_image or self.listing_image

    def get_view_restrictions(self):
        # Asked for every page served (by Wagtail's hook and by core's): found among the restrictions kept under the
        # content version, so a page without any costs no query. Wagtail itself looks up those under an alias.
        restrictions = restrictions_of(self)
        if restrictions is None:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(pk__in=[restriction.pk for restriction in restrictions])


# --- Rate limits ---------------------------------------------------------------------------------------------


class RateCounter(models.Model):
    """How often one identity (stored hashed) did one thing in the current window: the count behind a rate limit."""

    key = models.CharField(max_length=120, unique=True)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("rate limit counter")

    def __str__(self):
        return self.key


# --- The schedule (core.schedule) -----------------------------------------------------------------------------


class ScheduledJob(models.Model):
    """When a job of the schedule last ran and next runs; the row is also how only one server runs each turn."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    next_run_at = models.DateTimeField(_("next run"))
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        ordering = ["name"]

    def __str__(self):
        return self.name


# --- E-mail --------------------------------------------------------------------------------------------------


class OutgoingEmail(models.Model):
    """An e-mail of the site: queued, sent by a background task, retried with growing pauses until delivered.

    The message itself (text, HTML, attachments, with the one-time links in them) is kept encrypted with a key
    derived from SECRET_KEY, and only until it is delivered or no longer wanted: what stays afterwards is who it
    went to, what it was about and when, so staff can answer "did they get it?" without the database holding links.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not be delivered")
        DROPPED = "dropped", _("No longer needed")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    template = models.CharField(_("kind"), max_length=100, help_text=_("The template the e-mail was written from."))
    language = models.CharField(_("language"), max_length=10)
    content = models.TextField(_("message (encrypted)"), blank=True, editable=False)
    condition = models.JSONField(
        _("still wanted if"), default=dict, blank=True, editable=False, help_text=_("Checked just before sending.")
    )
    reply_to = models.EmailField(_("reply to"), blank=True)
    # Named by setting, not imported: the kernel knows no app. Only for e-mails to an address the account no longer
    # has (the old one, after a change), so that they are in its data and go with it.
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+", editable=False
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    # Wagtail's "usage" index needs no row per e-mail (nor a trace of whom it was about).
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")

    def __str__(self):
        return f"{self.subject} → {self.to}"
