"""Prefetching many-to-many relations without emptying the page cache."""

from django.db.models import Prefetch


def many_to_many(lookup, model):
    """A `Prefetch` of the many-to-many relation `lookup` to `model`, for `prefetch_related`.

    Django starts the statement of a plain many-to-many prefetch with `SELECT (`, which core.content_version does not
    recognise as a read, so it takes it for a write and changes the content version: every page that prefetches one
    would throw away everything cached. `DISTINCT` (which changes no row here: the relation's rows are unique) makes
    the statement start as one it reads as a read. Not needed once content_version recognises the statement.
    """
    return Prefetch(lookup, queryset=model.objects.distinct())
