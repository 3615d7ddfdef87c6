"""Directory search and filters with counts, always over profiles the viewer may already see.

Callers pass `visible_profiles(viewer)`: the text search and every count run inside it, so a hidden person never
changes a result, a count or an option. The text search is a plain ORM search (`icontains`, every word must
match somewhere) rather than the full-text index: it behaves the same on SQLite and PostgreSQL, finds parts of
names, and no ranking statistic computed over hidden profiles can shape the results.
"""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from core.facets import Facet, FacetOption
from core.models import Region

from .models import Cohort, HelpOffer, HelpType, Membership, Organisation, OrganisationTag, Profile, ProfileTag, Sector

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8
MAX_VALUES = 20

PROFILE_FACETS = {
    "region": _("Regency/city"),
    "topic": _("Topic"),
    "help": _("How they can help"),
    "sector": _("Sector"),
    "organisation": _("Organisation"),
    "cohort": _("Cohort"),
    "year": _("Year"),
}
ORGANISATION_FACETS = {
    "type": _("Type"),
    "region": _("Region served"),
    "topic": _("Focus topic"),
    "verified": _("Verification"),
}


def read_query(params):
    return " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]


def read_selection(params, facets):
    """{facet: [values]} from the query string; unknown names and empty values are dropped, lengths capped."""
    selected = {}
    for name in facets:
        values = list(dict.fromkeys(value.strip()[:100] for value in params.getlist(name) if value.strip()))
        if values:
            selected[name] = values[:MAX_VALUES]
    return selected


def words(query):
    return [word for word in query.split() if word][:MAX_WORDS]


def search_profiles(queryset, query):
    """Profiles of `queryset` where every word occurs in the name, bio, an organisation's name or a topic."""
    for word in words(query):
        queryset = queryset.filter(
            Q(display_name__icontains=word)
            | Q(bio__icontains=word)
            | Exists(Membership.objects.filter(profile=OuterRef("pk"), organisation__name__icontains=word))
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


# --- Profile facets: within a facet the options are alternatives (OR), between facets they all apply (AND). ---


def _profile_filter(name, values):
    if name == "region":
        return Q(regency__slug__in=values)
    if name == "sector":
        return Q(sector__in=values)
    if name == "cohort":
        return Q(pk__in=Profile.cohorts.through.objects.filter(cohort__slug__in=values).values("profile_id"))
    if name == "year":
        years = [int(value) for value in values if value.isdigit() and len(value) == 4]
        return Q(pk__in=Profile.cohorts.through.objects.filter(cohort__year__in=years).values("profile_id"))
    if name == "topic":
        return Q(pk__in=ProfileTag.objects.filter(tag__slug__in=values).values("content_object_id"))
    if name == "help":
        return Q(pk__in=HelpOffer.objects.filter(help_type__in=values).values("profile_id"))
    return Q(pk__in=Membership.objects.filter(organisation__slug__in=values).values("profile_id"))


def filter_profiles(queryset, selected, skip=None):
    for name, values in selected.items():
        if name != skip and name in PROFILE_FACETS:
            queryset = queryset.filter(_profile_filter(name, values))
    return queryset


def _count_by(queryset, column, counted="pk"):
    return dict(queryset.values_list(column).annotate(n=Count(counted)).order_by())


def _choice_options(choices, counts, chosen):
    return [FacetOption(value, label, counts.get(value, 0), value in chosen) for value, label in choices]


def _profile_options(name, pks, chosen):
    if name == "region":
        counts = _count_by(Profile.objects.filter(pk__in=pks), "regency")
        rows = Region.objects.filter(pk__in=counts)
        return [FacetOption(row.slug, row.name, counts.get(row.pk, 0), row.slug in chosen) for row in rows]
    if name == "sector":
        return _choice_options(Sector.choices, _count_by(Profile.objects.filter(pk__in=pks), "sector"), chosen)
    if name == "help":
        counts = _count_by(HelpOffer.objects.filter(profile__in=pks), "help_type", "profile")
        return _choice_options(HelpType.choices, counts, chosen)
    if name == "topic":
        rows = (
            Tag.objects.filter(alumni_profiletag_items__content_object__in=pks)
            .annotate(n=Count("alumni_profiletag_items__content_object", distinct=True))
            .order_by("-n", "name")
        )
        return [FacetOption(tag.slug, tag.name, tag.n, tag.slug in chosen) for tag in rows]
    if name == "organisation":
        rows = (
            Organisation.objects.filter(memberships__profile__in=pks)
            .annotate(n=Count("memberships__profile", distinct=True))
            .order_by("-n", "name")
        )
        return [FacetOption(org.slug, org.name, org.n, org.slug in chosen) for org in rows]
    if name == "cohort":
        rows = Cohort.objects.filter(profiles__in=pks).annotate(n=Count("profiles", distinct=True))
        return [FacetOption(cohort.slug, cohort.name, cohort.n, cohort.slug in chosen) for cohort in rows]
    rows = (
        Cohort.objects.filter(profiles__in=pks)
        .values_list("year")
        .annotate(n=Count("profiles", distinct=True))
        .order_by("-year")
    )
    return [FacetOption(str(year), str(year), n, str(year) in chosen) for year, n in rows]


def profile_facets(queryset, selected):
    """Counts per option; each facet counts within the other facets' filters, so options can be combined."""
    facets = []
    for name, label in PROFILE_FACETS.items():
        pks = filter_profiles(queryset, selected, skip=name).values("pk")
        chosen = set(selected.get(name, []))
        options = [option for option in _profile_options(name, pks, chosen) if option.count or option.selected]
        facets.append(Facet(name, label, options))
    return facets


# --- Organisation facets ---------------------------------------------------------------------------


def _organisation_filter(name, values):
    if name == "type":
        return Q(org_type__in=values)
    if name == "region":
        return Q(pk__in=Organisation.regions.through.objects.filter(region__slug__in=values).values("organisation_id"))
    if name == "topic":
        return Q(pk__in=OrganisationTag.objects.filter(tag__slug__in=values).values("content_object_id"))
    return Q(verified__in=[value == "yes" for value in values if value in {"yes", "no"}])


def filter_organisations(queryset, selected, skip=None):
    for name, values in selected.items():
        if name != skip and name in ORGANISATION_FACETS:
            queryset = queryset.filter(_organisation_filter(name, values))
    return queryset


def _organisation_options(name, pks, chosen):
    if name == "type":
        counts = _count_by(Organisation.objects.filter(pk__in=pks), "org_type")
        return _choice_options(Organisation.Type.choices, counts, chosen)
    if name == "region":
        counts = _count_by(Organisation.regions.through.objects.filter(organisation__in=pks), "region", "organisation")
        rows = Region.objects.filter(pk__in=counts)
        return [FacetOption(row.slug, row.name, counts[row.pk], row.slug in chosen) for row in rows]
    if name == "topic":
        rows = (
            Tag.objects.filter(alumni_organisationtag_items__content_object__in=pks)
            .annotate(n=Count("alumni_organisationtag_items__content_object", distinct=True))
            .order_by("-n", "name")
        )
        return [FacetOption(tag.slug, tag.name, tag.n, tag.slug in chosen) for tag in rows]
    counts = _count_by(Organisation.objects.filter(pk__in=pks), "verified")
    return [
        FacetOption("yes", _("Verified by staff"), counts.get(True, 0), "yes" in chosen),
        FacetOption("no", _("Not verified"), counts.get(False, 0), "no" in chosen),
    ]


def organisation_facets(queryset, selected):
    facets = []
    for name, label in ORGANISATION_FACETS.items():
        pks = filter_organisations(queryset, selected, skip=name).values("pk")
        chosen = set(selected.get(name, []))
        options = [option for option in _organisation_options(name, pks, chosen) if option.count or option.selected]
        facets.append(Facet(name, label, options))
    return facets
