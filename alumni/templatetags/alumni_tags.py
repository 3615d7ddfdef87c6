"""The member's menu: how many introductions wait for their answer."""

from django import template

from .. import introductions

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_introductions(context):
    """The number of introductions to the logged-in member's profile that wait for their answer (one query)."""
    request = context.get("request")
    return introductions.waiting_count(getattr(request, "user", None))
