"""The small-count rule of `core.counts` in templates: `{{ count|shown_count:request.user }}` prints "12" or "<3",
and `{% if count|is_small_count:request.user %}` picks wording that reads right with "<3"."""

from django import template

from core.counts import is_small, shown_count

register = template.Library()


@register.filter(name="shown_count")
def shown_count_filter(count, viewer):
    return shown_count(count, viewer)


@register.filter
def is_small_count(count, viewer):
    return is_small(count, viewer)
