import re
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from alumni.panels import OrganisationChooserPanel, ProfileChooserPanel
from core.blocks import BaseStreamBlock
from core.models import BasePage, Format
from core.tokens import hash_token, new_token

# --- Inline models -------------------------------------------------------------------------------


class EventMaterial(Orderable):
    """A curriculum module or library resource used at the event."""

    page = ParentalKey("events.EventPage", related_name="materials", on_delete=models.CASCADE)
    material = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("module or resource"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("material", ["resources.ModulePage", "resources.ResourcePage"])]


class EventPhoto(Orderable):
    """A photo in the event's gallery."""

    page = ParentalKey("events.EventPage", related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class EventOrganiser(Orderable):
    """An organisation that organises the event."""

    page = ParentalKey("events.EventPage", related_name="organisers", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "alumni.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [OrganisationChooserPanel("organisation")]


class EventSpeaker(Orderable):
    """A speaker: an alumnus (shown only as their profile's visibility allows) or a name typed by the editor."""

    page = ParentalKey("events.EventPage", related_name="speakers", on_delete=models.CASCADE)
    profile = models.ForeignKey(
        "alumni.Profile",
        verbose_name=_("alumnus"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("For speakers who are not in the directory.")
    )
    role = models.CharField(_("role"), max_length=200, blank=True)

    panels = [ProfileChooserPanel("profile"), FieldPanel("name"), FieldPanel("role")]

    def clean(self):
        if not self.profile_id and not self.name:
            raise ValidationError({"name": _("Choose an alumnus or type a name.")})


class FollowUpItem(Orderable):
    """One action of the follow-up plan (rencana tindak lanjut), with a measurable indicator."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    page = ParentalKey("events.EventPage", related_name="follow_up_items", on_delete=models.CASCADE)
    action = models.CharField(_("action"), max_length=255)
    owner_organisation = models.ForeignKey(
        "alumni.Organisation",
        verbose_name=_("owner (organisation)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_profile = models.ForeignKey(
        "alumni.Profile",
        verbose_name=_("owner (alumnus)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_name = models.CharField(
        _("owner (other)"), max_length=255, blank=True, help_text=_("A team or person not in the directory.")
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    indicator = models.CharField(_("indicator"), max_length=255)
    target = models.CharField(_("target"), max_length=100)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    progress_notes = models.TextField(_("progress notes"), blank=True)

    panels = [
        FieldPanel("action"),
        FieldRowPanel(
            [
                OrganisationChooserPanel("owner_organisation"),
                ProfileChooserPanel("owner_profile"),
                FieldPanel("owner_name"),
            ]
        ),
        FieldPanel("due_date"),
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
        FieldPanel("progress_notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up plan")
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="progress_is_a_percentage")]

    def clean(self):
        if self.progress > 100:
            raise ValidationError({"progress": _("Progress is a percentage from 0 to 100.")})


# --- Plain models --------------------------------------------------------------------------------


class Registration(models.Model):
    """A person's registration for an event; seats are only taken once the e-mail address is confirmed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    regency = models.ForeignKey(
        "core.Region",
        verbose_name=_("regency/city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    consent = models.BooleanField(_("consent"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    # The account of a verified member who registered with their address (set when they register logged in, or
    # when their "my events" finds earlier registrations made with it).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )

    panels = [
        FieldPanel("event", read_only=True),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("organisation"),
        FieldPanel("regency"),
        FieldPanel("accessibility_needs"),
        FieldPanel("status", read_only=True),
        FieldPanel("attended"),
    ]

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("export_registration", "Can export registrations")]
        constraints = [
            models.UniqueConstraint(
                "event",
                "email",
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} — {self.event}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def issue_token(self):
        """A new secret for the links of one e-mail: only its hash is kept, so the clear token exists only in the
        e-mail; the links of earlier e-mails keep working."""
        token = new_token()
        self.tokens.create(token_hash=hash_token(token))
        return token

    @classmethod
    def find_by_token(cls, token):
        """Registrations whose links carry `token` (none for an unknown or malformed one)."""
        if not token or len(token) > 100:
            return cls.objects.none()
        return cls.objects.filter(tokens__token_hash=hash_token(token))


class RegistrationToken(models.Model):
    """The hash of a secret link sent to a registrant (to see, confirm or cancel their registration)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("registration link")
        verbose_name_plural = _("registration links")

    def __str__(self):
        return f"{self.registration_id}: {self.token_hash[:8]}…"


class EventAnnouncement(models.Model):
    """What the registrants of an event (all its language versions) were last told of its status and start, so
    publishing again tells them only what changed."""

    translation_key = models.UUIDField(unique=True, editable=False)
    status = models.CharField(_("status"), max_length=10)
    start = models.DateTimeField(_("starts"))
    previous_start = models.DateTimeField(
        _("previous start"), null=True, blank=True, help_text=_("Where the event was before it was last moved.")
    )
    announced_at = models.DateTimeField(_("announced at"), default=timezone.now)

    class Meta:
        verbose_name = _("event announcement")
        verbose_name_plural = _("event announcements")

    def __str__(self):
        return f"{self.translation_key}: {self.status} {self.start:%Y-%m-%d %H:%M}"


# The kind in front of a regency's name, which addresses often leave out: "Kota Serang" is "Serang" there.
REGION_KIND = re.compile(r"^(kota|kabupaten|kab\.?)\s+", re.IGNORECASE)
DEFAULT_ZONE = "Asia/Jakarta"
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


# --- Pages ---------------------------------------------------------------------------------------


class EventPage(RoutablePageMixin, BasePage):
    """A workshop, Sekolah Demokrasi session, dialogue, webinar or visit, with registration."""

    class Type(models.TextChoices):
        SESSION = "session", _("Sekolah Demokrasi session")
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Training")
        WEBINAR = "webinar", _("Webinar")
        DIALOGUE = "dialogue", _("Community dialogue")
        VISIT = "visit", _("Study visit")
        OTHER = "other", _("Other")

    Format = Format

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    event_type = models.CharField(_("type"), max_length=12, choices=Type.choices, default=Type.WORKSHOP)
    summary = models.TextField(_("summary"), max_length=600)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(_("all day"), default=False)
    timezone_name = models.CharField(_("time zone"), max_length=40, default="Asia/Jakarta")
    event_format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("address"), blank=True)
    regency = models.ForeignKey(
        "core.Region",
        verbose_name=_("regency/city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    map_url = models.URLField(_("map link"), blank=True)
    online_url = models.URLField(
        _("online meeting link"), blank=True, help_text=_("Shown only to confirmed registrants.")
    )
    cohort = models.ForeignKey(
        "alumni.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: no registration."))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_(
            "When you publish a cancellation, a postponement or new dates, everyone registered is told by e-mail. "
            "Once a postponed event has a new date, change its dates and set it back to Scheduled."
        ),
    )
    status_note = models.CharField(
        _("status note"),
        max_length=255,
        blank=True,
        help_text=_("Shown on the event page and in the e-mail to registrants, e.g. why the event was postponed."),
    )
    report = StreamField(BaseStreamBlock(), verbose_name=_("report"), blank=True)
    attendance = models.PositiveIntegerField(_("people who attended"), null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # The UID calendars already knew an event by before UIDs followed the translation key (the original page's, shared
    # by its translations); empty for events created since.
    legacy_uid = models.UUIDField(null=True, blank=True, editable=False)
    # A copy (e.g. next year's workshop) is another calendar entry: it gets its own translation key, so its own
    # calendar UID, and starts counting again. A translation gets the UID back from its event when it is saved.
    exclude_fields_in_copy = ["sequence", "legacy_uid"]

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("event_format"), FieldPanel("status")]),
        FieldPanel("status_note"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("timezone_name"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("regency"),
                FieldPanel("map_url"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        InlinePanel("organisers", label=_("Organisers")),
        InlinePanel("speakers", label=_("Speakers")),
        FieldPanel("cohort"),
        FieldPanel("body"),
        InlinePanel("materials", label=_("Materials")),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("report"), FieldPanel("attendance"), InlinePanel("photos", label=_("Photos"))],
            heading=_("After the event"),
        ),
        InlinePanel("follow_up_items", label=_("Follow-up plan")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("event_type"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [models.CheckConstraint(condition=Q(end__gte=F("start")), name="event_ends_after_it_starts")]

    @property
    def description(self):
        return self.search_description or self.listing_summary or self.summary

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.timezone_name or DEFAULT_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(DEFAULT_ZONE)

    @property
    def zone_abbreviation(self):
        """How Indonesians name the event's time zone (WIB, WITA, WIT), or its offset elsewhere."""
        return ZONE_NAMES.get(self.zone.key) or self.local_start.strftime("UTC%z")

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == self.Status.POSTPONED

    @property
    def has_venue(self):
        return self.event_format != self.Format.ONLINE

    @property
    def city(self):
        """The regency/city, unless the venue's address already names it, in full ("Kota Serang") or as the last
        part of the address without its kind ("…, Serang"): the place then repeats no city."""
        name = str(self.regency or "")
        address = " ".join(self.venue_address.split()).casefold() if self.has_venue else ""
        if not name or name.casefold() in address:
            return ""
        bare = REGION_KIND.sub("", name).casefold()
        last_part = address.rsplit(",", 1)[-1].strip(" .")
        return "" if last_part == bare else name

    @property
    def calendar_uid(self):
        """One UID for the event in every language, so a calendar subscribed to both feeds shows it once; an event
        older than this rule keeps the UID calendars already hold."""
        return str(self.legacy_uid or self.translation_key)

    @property
    def is_online(self):
        return self.event_format != self.Format.IN_PERSON

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if self.registration_opens and self.registration_closes and self.registration_closes < self.registration_opens:
            raise ValidationError({"registration_closes": _("Registration cannot close before it opens.")})

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end:
            # An all-day event lasts from the start of its first day to the end of its last, in its own zone.
            start, end = self.start.astimezone(self.zone), self.end.astimezone(self.zone)
            self.start = start.replace(hour=0, minute=0, second=0, microsecond=0)
            self.end = end.replace(hour=23, minute=59, second=59, microsecond=0)
        if self.legacy_uid is None:
            # A new translation, or an old revision published again, carries none: the event keeps its UID.
            same_event = EventPage.objects.filter(translation_key=self.translation_key, legacy_uid__isnull=False)
            self.legacy_uid = same_event.values_list("legacy_uid", flat=True).first()
        if self.pk:
            # Calendar apps replace an event only when its SEQUENCE grows; publishing an old revision restores
            # that revision's number, so count on from the highest one stored, in any language (all share one UID).
            stored = EventPage.objects.filter(translation_key=self.translation_key).aggregate(Max("sequence"))
            self.sequence = max(stored["sequence__max"] or 0, self.sequence or 0) + 1
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .selectors import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(self, request))
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("daftar/")
    def register_route(self, request):
        from .views import register

        return register(request, self)

    @path("konfirmasi/<str:token>/")
    def confirm_route(self, request, token):
        from .views import confirm

        return confirm(request, self, token)

    @path("batal/<str:token>/")
    def cancel_route(self, request, token):
        from .views import cancel

        return cancel(request, self, token)

    @path("ics/")
    def ics_route(self, request):
        from .calendar import event_ics_response

        return event_ics_response(request, self)


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events calendar: upcoming events, the archive, and subscribable feeds."""

    intro = RichTextField(_("intro"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    @path("")
    def index_route(self, request):
        from .listing import event_index

        return event_index(request, self)

    @path("ics/")
    def ics_route(self, request):
        from .calendar import feed_ics_response

        return feed_ics_response(request, self)

    @path("rss/")
    def rss_route(self, request):
        from .feeds import EventFeed

        return EventFeed(self)(request)
