"""The one small-count rule: a count of people under `MIN_SHOWN_COUNT` is shown as "<3" to anyone who is not staff,
in the network charts and in facet counts alike, so that no figure tells one or two people apart."""

from .access import is_staff

MIN_SHOWN_COUNT = 3
SMALL_COUNT = f"<{MIN_SHOWN_COUNT}"


def is_small(count, viewer):
    """Is `count` too small to show exactly to `viewer`? Zero is not: it names nobody."""
    return 0 < count < MIN_SHOWN_COUNT and not is_staff(viewer)


def shown_count(count, viewer):
    """The count as `viewer` may see it: "12", or "<3"."""
    return SMALL_COUNT if is_small(count, viewer) else str(count)
