"""Faceted filtering, one engine for the library, the directory, the organisations and the events.

A page declares its facets (`Facets(ChoiceFacet(...), RelatedFacet(...), ...)`); the engine reads the chosen values
from the query string, filters a queryset with them and counts every option. Within a facet the chosen options are
alternatives (OR), between facets they all apply (AND), and each facet is counted within the other facets' filters,
so people can see what adding an option would give. Counting takes one query for all the facets (a UNION ALL of one
grouped count per facet), whatever the number of items; the related objects that name the options (regions, topics,
cohorts) are kept under the content version.

URL parameters are one naming scheme across the site: `q` for the words searched, `page`, `sort`, and a facet's
name (`type`, `topic`, `region`, `year`, `language`, `sector`, `help`, `organisation`, `cohort`, `verified`), given
once per chosen value (`?topic=deteksi-dini&topic=literasi-digital`). Templates show them with
`templates/includes/facets.html`.

Facets that count people (`Facets(..., small_counts=True)`: the directory, the organisations) follow the one
small-count rule of `core.counts`: anyone but staff sees "<3" for one or two, and options ordered by count put
those after the others in alphabetical order, so their position does not tell a 1 from a 2 either.
"""

from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Cast
from django.utils.translation import get_language

from .content_version import remember
from .counts import is_small, shown_count
from .forms import CONTROL_CHARACTERS

MAX_VALUE_LENGTH = 100
MAX_VALUES = 20


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    shown: str = ""  # the count as the viewer may see it: "12" or "<3"

    def __post_init__(self):
        self.shown = self.shown or str(self.count)


@dataclass
class Facet:
    """A facet as shown: its URL parameter (`name`), its label and its options with counts."""

    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


def clean_value(value):
    """A value from the query string without control characters (a NUL byte breaks PostgreSQL), stripped, capped."""
    return CONTROL_CHARACTERS.sub("", value).strip()[:MAX_VALUE_LENGTH]


def read_query(params, max_length=200):
    """The words searched (`q`), spaces tidied, without control characters, capped at `max_length`."""
    return " ".join(CONTROL_CHARACTERS.sub("", params.get("q", "")).split())[:max_length]


def within(model, **lookups):
    """The items matching `lookups`, as a subquery rather than a join: an item with two chosen topics (or two
    memberships) is still one item."""
    return Q(pk__in=model.objects.filter(**lookups).values("pk"))


class FacetSpec:
    """How one facet filters and counts. `name` is its URL parameter."""

    ordered_by_count = False

    def __init__(self, name, label):
        self.name = name
        self.label = label

    def clean(self, values):
        """The values this facet understands; the others are dropped."""
        return values

    def q(self, values):
        raise NotImplementedError

    def counted(self, queryset):
        """`queryset` narrowed to the items this facet counts, and the expression (text) naming each item's option."""
        raise NotImplementedError

    def options(self, counts):
        """[(value, label, count)] in display order, from {option key: count} (keys as `counted` names them)."""
        raise NotImplementedError


class ChoiceFacet(FacetSpec):
    """A field with fixed choices (sector, language, event type), shown in the order of the choices."""

    def __init__(self, name, label, field_name, choices):
        super().__init__(name, label)
        self.field_name = field_name
        self.choices = choices

    def clean(self, values):
        known = {str(value) for value, _label in self.choices}
        return [value for value in values if value in known]

    def q(self, values):
        return within(self.base_model, **{f"{self.field_name}__in": values})

    def counted(self, queryset):
        return queryset, Cast(F(self.field_name), CharField())

    def options(self, counts):
        return [(str(value), str(label), counts.get(str(value), 0)) for value, label in self.choices]


class BooleanFacet(ChoiceFacet):
    """A yes/no field, e.g. organisations verified by staff: `?verified=yes`."""

    def __init__(self, name, label, field_name, yes_label, no_label):
        super().__init__(name, label, field_name, [("yes", yes_label), ("no", no_label)])

    def q(self, values):
        return within(self.base_model, **{f"{self.field_name}__in": [value == "yes" for value in values]})

    def counted(self, queryset):
        return queryset, Case(When(**{self.field_name: True}, then=Value("yes")), default=Value("no"))

    def options(self, counts):
        return [(value, str(label), counts.get(value, 0)) for value, label in self.choices]


class ValueFacet(FacetSpec):
    """The distinct values of a field or a relation's field (years), newest first; `integer` values only if asked."""

    def __init__(self, name, label, lookup, integer=False, descending=True):
        super().__init__(name, label)
        self.lookup = lookup
        self.integer = integer
        self.descending = descending

    def clean(self, values):
        if not self.integer:
            return values
        # isascii(): "²".isdigit() is true, and int("²") fails.
        return [value for value in values if value.isascii() and value.isdigit() and len(value) <= 9]

    def q(self, values):
        return within(
            self.base_model, **{f"{self.lookup}__in": [int(value) for value in values] if self.integer else values}
        )

    def counted(self, queryset):
        return queryset.exclude(**{f"{self.lookup}__isnull": True}), Cast(F(self.lookup), CharField())

    def options(self, counts):
        keys = sorted(counts, key=int if self.integer else str, reverse=self.descending)
        return [(key, key, counts[key]) for key in keys]


class RelatedFacet(FacetSpec):
    """A related object named by its slug: a region, a topic (tag), a cohort, an organisation, a resource type.

    `lookup` goes from the filtered model to the related one ("regions", "tags", "memberships__organisation");
    `model` is the related model; options are ordered by count (then label) unless `ordered_by_model`.
    `public_list`: every object of `model` is public (regions, resource types), so an unknown slug may be reported;
    otherwise (topics, organisations, cohorts) it is not, as that would confirm that a hidden person's topic exists.
    `limit_to`: lookups on `model` that every option and chosen value must meet (`{"published": True}`).
    """

    def __init__(
        self,
        name,
        label,
        lookup,
        model,
        label_attribute="name",
        ordered_by_model=False,
        public_list=False,
        limit_to=None,
    ):
        super().__init__(name, label)
        self.lookup = lookup
        self.model = model
        self.label_attribute = label_attribute
        self.ordered_by_model = ordered_by_model
        self.ordered_by_count = not ordered_by_model
        self.public_list = public_list
        self.limit_to = limit_to or {}

    def related(self):
        return self.model.objects.filter(**self.limit_to)

    def named(self):
        """[(pk as text, slug, label)] of every object an option may name, in the model's order: the same for every
        viewer (counts decide which are shown), so kept under the content version."""
        limits = ",".join(f"{name}={value}" for name, value in sorted(self.limit_to.items()))
        key = f"facet-options:{self.model._meta.label}:{limits}:{self.label_attribute}"

        def compute():
            return [(str(row.pk), row.slug, str(getattr(row, self.label_attribute))) for row in self.related()]

        return remember(f"{key}:{get_language()}", compute)

    def clean(self, values):
        if not values or not self.public_list:
            return values
        known = {slug for _pk, slug, _label in self.named()}
        return [value for value in values if value in known]

    def q(self, values):
        limits = {f"{self.lookup}__{name}": value for name, value in self.limit_to.items()}
        return within(self.base_model, **{f"{self.lookup}__slug__in": values}, **limits)

    def counted(self, queryset):
        return queryset.exclude(**{f"{self.lookup}__isnull": True}), Cast(F(f"{self.lookup}__pk"), CharField())

    def options(self, counts):
        options = [(slug, label, counts[pk]) for pk, slug, label in self.named() if pk in counts]
        if not self.ordered_by_model:
            options.sort(key=lambda option: (-option[2], option[1].casefold()))
        return options


class Facets:
    """The facets of one listing."""

    def __init__(self, model, *specs, small_counts=False):
        self.model = model
        self.small_counts = small_counts
        self.specs = {spec.name: spec for spec in specs}
        for spec in specs:
            spec.base_model = model

    def __iter__(self):
        return iter(self.specs)

    def read(self, params):
        """({facet name: [values]}, [labels of facets given values they do not know]) from a query string.

        Unknown parameters, empty and repeated values are dropped silently; a value a facet does not know (an
        event type that does not exist, a year "²⁰²⁴") is dropped too, and its facet named, so the page can say so.
        """
        selected, ignored = {}, []
        for name, spec in self.specs.items():
            given = list(dict.fromkeys(value.strip() for value in params.getlist(name) if value.strip()))[:MAX_VALUES]
            values = spec.clean([value for value in dict.fromkeys(map(clean_value, given)) if value])
            if values:
                selected[name] = values
            if set(given) - set(values):
                ignored.append(spec.label)
        return selected, ignored

    def selected(self, params):
        return self.read(params)[0]

    def filter(self, queryset, selected, skip=None):
        for name, values in selected.items():
            if name != skip and name in self.specs:
                queryset = queryset.filter(self.specs[name].q(values))
        return queryset

    def counts(self, queryset, selected, viewer=None):
        """The facets with their options, each counted within the other facets' filters, as `viewer` may see the
        counts. Options that would give nothing are left out, unless chosen (so they can be unchosen)."""
        counts = self._count(queryset, selected)
        facets = []
        for name, spec in self.specs.items():
            chosen = set(selected.get(name, []))
            options = [
                FacetOption(value, label, count, value in chosen, self._shown(count, viewer))
                for value, label, count in spec.options(counts[name])
                if count or value in chosen
            ]
            if self.small_counts and spec.ordered_by_count:
                small = [option for option in options if is_small(option.count, viewer)]
                small.sort(key=lambda option: option.label.casefold())
                options = [option for option in options if not is_small(option.count, viewer)] + small
            facets.append(Facet(name, spec.label, options))
        return facets

    def _count(self, queryset, selected):
        """{facet name: {option key: number of items}}, every facet counted within the other facets' filters, in one
        query."""
        parts = []
        for name, spec in self.specs.items():
            within = self.model.objects.filter(pk__in=self.filter(queryset, selected, skip=name).values("pk"))
            counted, key = spec.counted(within.order_by())
            parts.append(
                counted.values(facet=Value(name, output_field=CharField()), key=key)
                .annotate(n=Count("pk", distinct=True))
                .values_list("facet", "key", "n")
            )
        counts = {name: {} for name in self.specs}
        if not parts:
            return counts
        union = parts[0].union(*parts[1:], all=True)
        try:
            sql, params = union.query.sql_with_params()
        except EmptyResultSet:
            return counts
        with connections[union.db].cursor() as cursor:
            cursor.execute(sql, params)
            for name, value, count in cursor.fetchall():
                if value is not None:
                    counts[name][value] = count
        return counts

    def _shown(self, count, viewer):
        return shown_count(count, viewer) if self.small_counts else str(count)
