"""Library search: synonyms, sort orders, and the library's facets (`core.facets`)."""

import re

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.search.query import Or, Phrase, PlainText

from core.content_version import remember
from core.facets import ChoiceFacet, Facets, RelatedFacet, ValueFacet
from core.models import Region
from core.search import search_text

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
    """The query, ORed with every phrase that the editors' synonym list says means the same (`query` and the
    phrases as `core.search.search_text` leaves them)."""
    lowered = query.lower()
    extra = []
    for terms in remember("search-synonyms", lambda: [synonym.term_list() for synonym in SearchSynonym.objects.all()]):
        if any(_contains_term(lowered, term.lower()) for term in terms):
            extra.extend(term for term in terms if not _contains_term(lowered, term.lower()))
    expanded = PlainText(query)
    for term in extra:
        term = search_text(term)
        expanded = Or([expanded, Phrase(term) if " " in term else PlainText(term)])
    return expanded, extra


def _contains_term(text, term):
    return re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text) is not None


FACETS = Facets(
    ResourcePage,
    RelatedFacet(
        "type",
        _("Type"),
        "resource_type",
        ResourceType,
        label_attribute="display_name",
        ordered_by_model=True,
        public_list=True,
    ),
    RelatedFacet("topic", _("Topic"), "tags", Tag),
    RelatedFacet("region", _("Region"), "regions", Region, public_list=True),
    ValueFacet("year", _("Year"), "published_year", integer=True),
    ChoiceFacet("language", _("Language"), "language", LANGUAGES),
)
