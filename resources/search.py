"""Library search: synonyms, Indonesian-aware snippets, faceted filtering with counts."""

import re

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.search.query import Or, Phrase, PlainText

from core.facets import Facet, FacetOption
from core.models import Region

from .models import LANGUAGES, ResourcePage, ResourceType, SearchSynonym

SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "oldest": _("Oldest"),
    "title": _("Title"),
}
SORT_ORDER = {
    "newest": ["-published_year", "-published_date", "-first_published_at"],
    "oldest": ["published_year", "published_date", "first_published_at"],
    "title": ["title"],
}
MAX_QUERY_LENGTH = 200


def expand_synonyms(query):
    """The query, ORed with every phrase that the editors' synonym list says means the same."""
    lowered = query.lower()
    extra = []
    for synonym in SearchSynonym.objects.all():
        terms = synonym.term_list()
        if any(_contains_term(lowered, term.lower()) for term in terms):
            extra.extend(term for term in terms if not _contains_term(lowered, term.lower()))
    expanded = PlainText(query)
    for term in extra:
        expanded = Or([expanded, Phrase(term) if " " in term else PlainText(term)])
    return expanded, extra


def _contains_term(text, term):
    return re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text) is not None


FACETS = {
    "type": _("Type"),
    "topic": _("Topic"),
    "region": _("Region"),
    "year": _("Year"),
    "language": _("Language"),
}


def _filter(queryset, name, values):
    if not values:
        return queryset
    if name == "type":
        return queryset.filter(resource_type__slug__in=values)
    if name == "topic":
        return queryset.filter(tags__slug__in=values).distinct()
    if name == "region":
        return queryset.filter(regions__slug__in=values).distinct()
    if name == "year":
        return queryset.filter(published_year__in=[int(value) for value in values if value.isdigit()])
    if name == "language":
        return queryset.filter(language__in=values)
    return queryset


def apply_filters(queryset, selected, skip=None):
    for name, values in selected.items():
        if name != skip:
            queryset = _filter(queryset, name, values)
    return queryset


def facet_counts(queryset, selected):
    """Counts per option; each facet counts within the other facets' filters, so options can be combined."""
    facets = []
    for name, label in FACETS.items():
        pks = apply_filters(queryset, selected, skip=name).values("pk")
        chosen = set(selected.get(name, []))
        if name == "type":
            rows = ResourceType.objects.filter(pk__in=ResourcePage.objects.filter(pk__in=pks).values("resource_type"))
            counts = dict(
                ResourcePage.objects.filter(pk__in=pks).values_list("resource_type").annotate(n=Count("pk")).order_by()
            )
            options = [
                FacetOption(row.slug, row.display_name, counts.get(row.pk, 0), row.slug in chosen) for row in rows
            ]
        elif name == "topic":
            rows = (
                Tag.objects.filter(resources_resourcepagetag_items__content_object__in=pks)
                .annotate(n=Count("resources_resourcepagetag_items__content_object", distinct=True))
                .order_by("-n", "name")
            )
            options = [FacetOption(tag.slug, tag.name, tag.n, tag.slug in chosen) for tag in rows]
        elif name == "region":
            rows = (
                Region.objects.filter(resourcepage__in=pks)
                .annotate(n=Count("resourcepage", distinct=True))
                .order_by("-n", "name")
            )
            options = [FacetOption(region.slug, region.name, region.n, region.slug in chosen) for region in rows]
        elif name == "year":
            rows = (
                ResourcePage.objects.filter(pk__in=pks, published_year__isnull=False)
                .values_list("published_year")
                .annotate(n=Count("pk"))
                .order_by("-published_year")
            )
            options = [FacetOption(str(year), str(year), n, str(year) in chosen) for year, n in rows]
        else:
            counts = dict(
                ResourcePage.objects.filter(pk__in=pks).values_list("language").annotate(n=Count("pk")).order_by()
            )
            options = [
                FacetOption(code, label_, counts[code], code in chosen) for code, label_ in LANGUAGES if code in counts
            ]
        options = [option for option in options if option.count or option.selected]
        facets.append(Facet(name, label, options))
    return facets
