"""Cohorts, organisations and alumni profiles.

Profiles are plain models, not pages: what a profile shows depends on who is looking. Nothing outside
`alumni.policy` decides that; views, templates, search, feeds, JSON and exports all go through it.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from core.models import Format

BIO_MAX_LENGTH = 600


def public_id():
    """A random, non-sequential identifier for URLs: nothing about a person can be guessed from it."""
    return secrets.token_urlsafe(9)


class Audience(models.TextChoices):
    """Who may see one field of a profile."""

    NOBODY = "nobody", _("Nobody")
    MEMBERS = "members", _("Members")
    PUBLIC = "public", _("Everyone")


class Visibility(models.TextChoices):
    """Who may see a profile at all."""

    HIDDEN = "hidden", _("Hidden")
    MEMBERS = "members", _("Members")
    PUBLIC = "public", _("Everyone")


class Sector(models.TextChoices):
    LOCAL_GOVERNMENT = "government", _("Local government")
    ORMAS = "ormas", _("Mass organisation (ormas)")
    MINORITY = "minority", _("Minority community")
    INTERFAITH = "interfaith", _("Interfaith community")
    CSO = "cso", _("CSO/NGO")
    ACADEMIC = "academic", _("Academic")
    MEDIA = "media", _("Media")
    RELIGIOUS_LEADER = "religious_leader", _("Religious leader")
    OTHER = "other", _("Other")


class HelpType(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    RESOURCE_PERSON = "resource_person", _("Resource person")
    MEDIATOR = "mediator", _("Dialogue mediator")
    SOCIAL_MEDIA = "social_media", _("Social-media trainer")
    POLICY = "policy", _("Policy advocacy")
    RESEARCH = "research", _("Research")
    OTHER = "other", _("Other")


# --- Cohorts ---------------------------------------------------------------------------------------


class Cohort(ClusterableModel):
    """An angkatan of a programme, e.g. Sekolah Demokrasi Hybrid 2023."""

    Format = Format

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    programme = models.CharField(_("programme"), max_length=150, default="Sekolah Demokrasi Hybrid")
    year = models.PositiveSmallIntegerField(_("year"))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.HYBRID)
    facilitators = models.TextField(_("facilitators"), blank=True, help_text=_("One per line."))
    description = models.TextField(_("description"), blank=True)
    modules = ParentalManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("modules taught"),
        blank=True,
        related_name="+",
        limit_choices_to={"content_type__model": "modulepage"},
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("programme"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("format")]),
        FieldPanel("facilitators"),
        FieldPanel("description"),
        FieldPanel("modules"),
    ]

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="cohort_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The cohort cannot end before it starts.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(f"{self.name} {self.year or ''}")[:140] or "angkatan"
            slug, n = base, 2
            while Cohort.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)


# --- Organisations --------------------------------------------------------------------------------


class OrganisationTag(TaggedItemBase):
    """Links an organisation to a topic of the shared topic taxonomy."""

    content_object = models.ForeignKey("alumni.Organisation", related_name="tagged_items", on_delete=models.CASCADE)


class Organisation(index.Indexed, models.Model):
    """A CSO, ormas, community, government office or campus that alumni belong to."""

    class Type(models.TextChoices):
        CSO = "cso", _("CSO/NGO")
        ORMAS = "ormas", _("Mass organisation (ormas)")
        GOVERNMENT = "government", _("Government office")
        COMMUNITY = "community", _("Religious or interfaith community")
        ACADEMIC = "academic", _("Campus or research institute")
        MEDIA = "media", _("Media")
        NETWORK = "network", _("Network or forum")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    org_type = models.CharField(_("type"), max_length=12, choices=Type.choices, default=Type.CSO)
    topics = TaggableManager(through=OrganisationTag, verbose_name=_("focus topics"), blank=True)
    regions = models.ManyToManyField("core.Region", verbose_name=_("regions served"), blank=True, related_name="+")
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified = models.BooleanField(_("verified"), default=False, help_text=_("Checked by staff."))
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Shown on the public site. Organisations from a roster import wait here until staff publish them."),
    )
    contact_email = models.EmailField(
        _("contact address"), blank=True, help_text=_("A role address (e.g. info@), never a person's own address.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("org_type"), FieldPanel("verified"), FieldPanel("published")]),
        FieldPanel("topics"),
        FieldPanel("regions"),
        FieldPanel("website"),
        FieldPanel("contact_email"),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("topic_names"),
        index.FilterField("org_type"),
        index.FilterField("verified"),
        index.FilterField("published"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:180] or "organisasi"
            slug, n = base, 2
            while Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)

    def topic_names(self):
        return " ".join(tag.name for tag in self.topics.all())


# --- Profiles --------------------------------------------------------------------------------------


class ProfileTag(TaggedItemBase):
    """Links a profile to a topic of expertise in the shared topic taxonomy."""

    content_object = ParentalKey("alumni.Profile", related_name="tagged_items", on_delete=models.CASCADE)


def photo_upload_to(instance, filename):
    # The stored name says nothing about the person and cannot be guessed.
    return f"alumni-photos/{secrets.token_hex(16)}.jpg"


class ProfileQuerySet(models.QuerySet):
    def consented(self):
        return self.filter(consent_given_at__isnull=False)


class Profile(index.Indexed, ClusterableModel):
    """One alumnus. Hidden and unclaimed until the person claims it and consents."""

    public_id = models.CharField(max_length=16, unique=True, default=public_id, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alumni_profile",
    )
    external_id = models.CharField(
        _("external id"), max_length=64, unique=True, null=True, blank=True, help_text=_("Id in the imported roster.")
    )
    full_name = models.CharField(_("full name"), max_length=150)
    display_name = models.CharField(_("display name"), max_length=150)
    cohorts = ParentalManyToManyField(Cohort, verbose_name=_("cohorts"), blank=True, related_name="profiles")
    regency = models.ForeignKey(
        "core.Region",
        verbose_name=_("regency/city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind__in": ["regency", "city"]},
    )
    province = models.ForeignKey(
        "core.Region",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "province"},
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    topics = ClusterTaggableManager(through=ProfileTag, verbose_name=_("topics of expertise"), blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True, help_text=_("Comma-separated."))
    bio = models.TextField(_("short bio"), max_length=BIO_MAX_LENGTH, blank=True)

    photo = models.ImageField(
        _("photo"),
        upload_to=photo_upload_to,
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
    )
    photo_audience = models.CharField(
        _("who sees the photo"), max_length=8, choices=Audience.choices, default=Audience.NOBODY
    )
    email = models.EmailField(_("e-mail"), blank=True)
    email_audience = models.CharField(
        _("who sees the e-mail"), max_length=8, choices=Audience.choices, default=Audience.NOBODY
    )
    phone = models.CharField(_("phone/WhatsApp"), max_length=40, blank=True)
    phone_audience = models.CharField(
        _("who sees the phone number"), max_length=8, choices=Audience.choices, default=Audience.NOBODY
    )
    social_links = models.TextField(_("social media links"), blank=True, help_text=_("One link per line."))
    social_audience = models.CharField(
        _("who sees the social media links"), max_length=8, choices=Audience.choices, default=Audience.NOBODY
    )

    open_to_collaborate = models.BooleanField(_("open to collaborate"), default=False)
    accepts_introductions = models.BooleanField(_("accepts introduction requests"), default=False)
    visibility = models.CharField(
        _("who sees the profile"), max_length=8, choices=Visibility.choices, default=Visibility.HIDDEN
    )
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True, editable=False)
    consent_version = models.CharField(_("consent notice version"), max_length=20, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("display_name"), FieldPanel("external_id"), FieldPanel("user")],
            heading=_("Person"),
        ),
        FieldPanel("cohorts"),
        FieldRowPanel([FieldPanel("regency"), FieldPanel("province")]),
        FieldPanel("sector"),
        InlinePanel("memberships", label=_("Organisations")),
        FieldPanel("topics"),
        InlinePanel("help_offers", label=_("How I can help")),
        FieldPanel("languages"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_audience")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("email_audience")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("phone_audience")]),
                FieldRowPanel([FieldPanel("social_links"), FieldPanel("social_audience")]),
            ],
            heading=_("Contact and photo"),
        ),
        FieldRowPanel(
            [FieldPanel("visibility"), FieldPanel("open_to_collaborate"), FieldPanel("accepts_introductions")]
        ),
    ]
    # Only for the admin (staff). The public directory searches through alumni.policy, which filters first.
    search_fields = [
        index.SearchField("display_name", boost=3),
        index.AutocompleteField("display_name"),
        index.SearchField("bio"),
        index.SearchField("organisation_names"),
        index.SearchField("topic_names"),
        index.FilterField("id"),  # the admin chooser narrows to alumni.policy's choice by id
        index.FilterField("visibility"),
        index.FilterField("consent_given_at"),
        index.FilterField("sector"),
        index.FilterField("regency"),
    ]

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("alumni profile")
        verbose_name_plural = _("alumni profiles")
        constraints = [
            # The database refuses a visible profile without recorded consent.
            models.CheckConstraint(
                condition=Q(visibility="hidden") | Q(consent_given_at__isnull=False),
                name="visible_profile_needs_consent",
            )
        ]

    def __str__(self):
        return self.display_name

    def clean(self):
        if self.visibility != Visibility.HIDDEN and not self.consent_given_at:
            raise ValidationError({"visibility": _("A profile can only be shown after its owner has consented.")})

    def save(self, *args, **kwargs):
        if not self.display_name:
            self.display_name = self.full_name
        if self.regency_id and not self.province_id:
            self.province_id = self.regency.province_id
        super().save(*args, **kwargs)
        # post_save indexed the profile before modelcluster wrote its memberships and topics: index it again.
        index.insert_or_update_object(self)

    @property
    def is_claimed(self):
        return self.user_id is not None

    def organisation_names(self):
        return " ".join(m.organisation.name for m in self.memberships.all())

    def topic_names(self):
        return " ".join(tag.name for tag in self.topics.all())

    def help_type_values(self):
        return [offer.help_type for offer in self.help_offers.all()]

    def hide_everywhere(self):
        """At once: the profile and every field disappear for everyone but the owner and staff."""
        self.visibility = Visibility.HIDDEN
        self.open_to_collaborate = False
        self.accepts_introductions = False
        self.save(update_fields=["visibility", "open_to_collaborate", "accepts_introductions", "updated_at"])


class Membership(Orderable):
    """A profile's organisation, with the person's role in it."""

    profile = ParentalKey(Profile, related_name="memberships", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=150, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("membership")
        constraints = [models.UniqueConstraint("profile", "organisation", name="one_membership_per_organisation")]


class HelpOffer(Orderable):
    """One kind of help a profile offers (facilitator, mediator...)."""

    profile = ParentalKey(Profile, related_name="help_offers", on_delete=models.CASCADE)
    help_type = models.CharField(_("how I can help"), max_length=20, choices=HelpType.choices)

    panels = [FieldPanel("help_type")]

    class Meta(Orderable.Meta):
        verbose_name = _("help offered")
        constraints = [models.UniqueConstraint("profile", "help_type", name="one_offer_per_help_type")]


# --- Consent, claims, introductions, audit -------------------------------------------------------


class ConsentRecord(models.Model):
    """What a person agreed to, when, and under which version of the notice. Never edited, only added to."""

    class Action(models.TextChoices):
        GIVEN = "given", _("Consent given")
        UPDATED = "updated", _("Choices updated")
        WITHDRAWN = "withdrawn", _("Consent withdrawn")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="consent_records")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    notice_version = models.CharField(_("notice version"), max_length=20)
    choices = models.JSONField(_("choices"), default=dict)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"


class ClaimInvitation(models.Model):
    """A one-time, expiring link that lets a person take over their imported profile."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_to = models.EmailField(_("sent to"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("claim invitation")
        verbose_name_plural = _("claim invitations")

    def __str__(self):
        return f"{self.profile} ({self.sent_to})"

    @property
    def is_usable(self):
        return self.used_at is None and self.expires_at > timezone.now()


class Introduction(models.Model):
    """A request to be put in touch with an alumnus; the alumnus decides, nothing is revealed before."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        # Kept for the sender's own list only, so that it reads the same whether or not it was passed on.
        NOT_PASSED_ON = "not_passed_on", _("Not passed on")

    recipient = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="introductions")
    sender_name = models.CharField(_("your name"), max_length=150)
    sender_email = models.EmailField(_("your e-mail"))
    sender_organisation = models.CharField(_("your organisation"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200)
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(_("status"), max_length=13, choices=Status.choices, default=Status.PENDING)
    language = models.CharField(
        _("language of the request"), max_length=10, default=settings.LANGUAGE_CODE, editable=False
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")

    def __str__(self):
        return f"{self.sender_name} → {self.recipient}"


class ErasedPerson(models.Model):
    """Someone whose data was erased at their request: keyed hashes of their e-mail address and roster id, so a
    later roster import does not bring them back. Nothing else about the person is kept."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("e-mail address")
        EXTERNAL_ID = "external_id", _("external id")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    digest = models.CharField(_("keyed hash"), max_length=64, editable=False)
    erased_on = models.DateField(_("erased on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("erased person")
        verbose_name_plural = _("erased people")
        constraints = [models.UniqueConstraint("kind", "digest", name="one_erasure_record_per_hash")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.digest[:12]}…"


class AuditLog(models.Model):
    """Staff exports and staff views of profiles, for accountability."""

    class Action(models.TextChoices):
        EXPORT = "export", _("Export")
        VIEW = "view", _("Profile viewed")
        INVITE = "invite", _("Invitation sent")
        IMPORT = "import", _("Import")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    profile = models.ForeignKey(Profile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.detail}"
