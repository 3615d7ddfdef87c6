"""Directory search and filters with counts, always over profiles the viewer may already see.

Callers pass `visible_profiles(viewer)`: the text search and every count run inside it, so a hidden person never
changes a result, a count or an option. The text search is a plain ORM search (`icontains`, every word must
match somewhere) rather than the full-text index: it behaves the same on SQLite and PostgreSQL, finds parts of
names, and no ranking statistic computed over hidden profiles can shape the results.
"""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from core.facets import BooleanFacet, ChoiceFacet, Facets, RelatedFacet, ValueFacet
from core.models import Region

from .models import Cohort, HelpType, Membership, Organisation, OrganisationTag, Profile, ProfileTag, Sector

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8

PROFILE_FACETS = Facets(
    Profile,
    RelatedFacet("region", _("Regency/city"), "regency", Region, public_list=True),
    RelatedFacet("topic", _("Topic"), "topics", Tag),
    ChoiceFacet("help", _("How they can help"), "help_offers__help_type", HelpType.choices),
    ChoiceFacet("sector", _("Sector"), "sector", Sector.choices),
    RelatedFacet(
        "organisation", _("Organisation"), "memberships__organisation", Organisation, limit_to={"published": True}
    ),
    RelatedFacet("cohort", _("Cohort"), "cohorts", Cohort, ordered_by_model=True),
    ValueFacet("year", _("Year"), "cohorts__year", integer=True),
    small_counts=True,
)
ORGANISATION_FACETS = Facets(
    Organisation,
    ChoiceFacet("type", _("Type"), "org_type", Organisation.Type.choices),
    RelatedFacet("region", _("Region served"), "regions", Region, public_list=True),
    RelatedFacet("topic", _("Focus topic"), "topics", Tag),
    BooleanFacet("verified", _("Verification"), "verified", _("Verified by staff"), _("Not verified")),
    small_counts=True,
)


def words(query):
    return [word for word in query.split() if word][:MAX_WORDS]


def search_profiles(queryset, query):
    """Profiles of `queryset` where every word occurs in the name, bio, an organisation's name or a topic."""
    for word in words(query):
        queryset = queryset.filter(
            Q(display_name__icontains=word)
            | Q(bio__icontains=word)
            | Exists(
                Membership.objects.filter(
                    profile=OuterRef("pk"), organisation__published=True, organisation__name__icontains=word
                )
            )
            | Exists(ProfileTag.objects.filter(content_object=OuterRef("pk"), tag__name__icontains=word))
        )
    return queryset


def rank_by_name(queryset, query):
    """People whose name matches the query come first, then alphabetical order."""
    if not query:
        return queryset.order_by("display_name", "pk")
    name_first = Case(When(display_name__icontains=query, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queryset.annotate(name_first=name_first).order_by("name_first", "display_name", "pk")


def search_organisations(queryset, query):
    for word in words(query):
        queryset = queryset.filter(
            Q(name__icontains=word)
            | Q(description__icontains=word)
            | Exists(OrganisationTag.objects.filter(content_object=OuterRef("pk"), tag__name__icontains=word))
        )
    return queryset
