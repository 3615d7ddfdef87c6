"""Who may see which alumni profile, and which of its fields: the one policy for people.

Every view, template, search result, autocomplete, facet count, cohort and organisation page, sitemap, feed,
JSON response and export that shows a person goes through `visible_profiles` and `profile_fields_for`.
Templates never receive a `Profile`; they receive the `ProfileCard` this module builds for the viewer.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.urls import reverse

from core.access import is_member, is_staff

from .models import Audience, Membership, Organisation, Profile, Visibility


def audiences_for(user):
    """The field audiences `user` belongs to on the public site."""
    if is_member(user):
        return {Audience.PUBLIC, Audience.MEMBERS}
    return {Audience.PUBLIC}


def visible_profiles(user, queryset=None):
    """Profiles `user` may find: consented, not hidden, and shown to an audience `user` belongs to.

    The owner's own hidden profile is not included: the directory shows the directory, "my profile" shows the
    owner theirs. Staff work with every profile in the admin, not here.
    """
    queryset = Profile.objects.all() if queryset is None else queryset
    visibilities = [Visibility.PUBLIC]
    if is_member(user):
        visibilities.append(Visibility.MEMBERS)
    return queryset.filter(visibility__in=visibilities, consent_given_at__isnull=False).exclude(
        user__isnull=False, user__is_active=False
    )


def viewable_profiles(user, queryset=None):
    """`visible_profiles` plus the viewer's own profile whatever its visibility: what a profile page may show.

    One query for a known and an unknown profile alike, so a hidden profile answers exactly as a missing one.
    """
    queryset = Profile.objects.all() if queryset is None else queryset
    own = Q(user_id=user.pk) if user is not None and user.is_authenticated else Q(pk__in=[])
    return queryset.filter(Q(pk__in=visible_profiles(user).values("pk")) | own)


def visible_organisations(user, queryset=None):
    """Organisations `user` may see on the site: published ones; staff also those waiting to be published (an
    import's organisations may name a small community, so they wait for staff)."""
    queryset = Organisation.objects.all() if queryset is None else queryset
    return queryset if is_staff(user) else queryset.filter(published=True)


def admin_profiles(user, queryset=None):
    """Profiles `user` may see named in the admin (choosers, bulk actions, page edit forms): every profile for
    staff; for any other editor only the people they may find on the site."""
    queryset = Profile.objects.all() if queryset is None else queryset
    if is_staff(user):
        return queryset
    # By id, which the chooser's search backend can filter on.
    return queryset.filter(id__in=list(visible_profiles(user).values_list("id", flat=True)))


def admin_organisations(user, queryset=None):
    """Organisations `user` may see named in the admin (choosers, page edit forms, revision comparisons): every
    organisation for staff; for any other editor only those they may see on the site."""
    # The same as on the site: `published` is a filter field of the chooser's search backend.
    return visible_organisations(user, queryset)


def can_view_profile(user, profile):
    return visible_profiles(user, Profile.objects.filter(pk=profile.pk)).exists() or is_owner(user, profile)


def own_profile(user):
    """The logged-in user's own profile, whatever its visibility, or None."""
    if user is None or not user.is_authenticated:
        return None
    return Profile.objects.filter(user=user).select_related("regency", "province").first()


def is_owner(user, profile):
    return user is not None and user.is_authenticated and profile.user_id == user.pk


@dataclass
class ProfileCard:
    """What one viewer may see of one profile. Fields the viewer may not see are empty, never present."""

    public_id: str
    display_name: str
    url: str
    regency: object = None
    province: object = None
    sector: str = ""
    sector_label: str = ""
    cohorts: list = field(default_factory=list)
    organisations: list = field(default_factory=list)  # [(organisation, role)]
    topics: list = field(default_factory=list)
    topic_links: list = field(default_factory=list)  # [(name, slug)] for links to the directory filter
    help_types: list = field(default_factory=list)  # [(value, label)]
    languages: str = ""
    bio: str = ""
    open_to_collaborate: bool = False
    accepts_introductions: bool = False
    photo_url: str = ""
    email: str = ""
    phone: str = ""
    social_links: list = field(default_factory=list)
    own: bool = False  # the viewer's own profile: nobody asks to be introduced to themself

    @property
    def help_labels(self):
        return [label for _value, label in self.help_types]

    @property
    def social_link_items(self):
        """[(text, href)]: only http(s) links become links; anything else ("@handle") stays plain text."""
        return [(link, link if link.startswith(("https://", "http://")) else "") for link in self.social_links]


def _field_visible(audience, viewer_audiences):
    return audience != Audience.NOBODY and audience in viewer_audiences


def profile_fields_for(user, profile, audiences=None):
    """Build the `ProfileCard` of `profile` as `user` may see it.

    `audiences` lets the owner preview their profile as another audience would see it ({"public"} for
    visitors, {"public", "members"} for members). Callers must have checked `visible_profiles` or ownership
    first; this function only decides fields.
    """
    if audiences is None:
        audiences = (
            {Audience.PUBLIC, Audience.MEMBERS, Audience.NOBODY} if is_owner(user, profile) else audiences_for(user)
        )
    shows_all = Audience.NOBODY in audiences

    def shown(audience):
        return shows_all or _field_visible(audience, audiences)

    memberships = list(profile.memberships.all())
    tags = sorted(profile.topics.all(), key=lambda tag: tag.name.lower())
    card = ProfileCard(
        public_id=profile.public_id,
        display_name=profile.display_name,
        url=reverse("alumni:profile", args=[profile.public_id]),
        regency=profile.regency,
        province=profile.province,
        sector=profile.sector,
        sector_label=profile.get_sector_display() if profile.sector else "",
        cohorts=list(profile.cohorts.all()),
        organisations=[(m.organisation, m.role) for m in memberships if m.organisation.published or is_staff(user)],
        topics=[tag.name for tag in tags],
        topic_links=[(tag.name, tag.slug) for tag in tags],
        help_types=[(o.help_type, o.get_help_type_display()) for o in profile.help_offers.all()],
        languages=profile.languages,
        bio=profile.bio,
        open_to_collaborate=profile.open_to_collaborate,
        accepts_introductions=profile.accepts_introductions,
        own=is_owner(user, profile),
    )
    if profile.photo and shown(profile.photo_audience):
        card.photo_url = reverse("alumni:photo", args=[profile.public_id])
    if profile.email and shown(profile.email_audience):
        card.email = profile.email
    if profile.phone and shown(profile.phone_audience):
        card.phone = profile.phone
    if profile.social_links and shown(profile.social_audience):
        card.social_links = [line.strip() for line in profile.social_links.splitlines() if line.strip()]
    return card


def photo_visible_to(user, profile):
    """May `user` load this profile's photo file?"""
    if not profile.photo:
        return False
    if is_owner(user, profile) or is_staff(user):
        return True
    if not visible_profiles(user, Profile.objects.filter(pk=profile.pk)).exists():
        return False
    return _field_visible(profile.photo_audience, audiences_for(user))


def card_queryset(queryset):
    """Prefetch what `profile_fields_for` reads, so a listing's query count does not grow with its length."""
    return queryset.select_related("regency", "province").prefetch_related(
        "cohorts",
        Prefetch("memberships", queryset=Membership.objects.select_related("organisation")),
        "help_offers",
        "topics",
    )
