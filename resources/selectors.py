from django.db.models import Count

from core.access import viewable_pages


def related_resources(resource, user, limit=4):
    """Other resources sharing the most topics with `resource`, newest first among equals."""
    from .models import ResourcePage

    tag_ids = list(resource.tags.values_list("pk", flat=True))
    if not tag_ids:
        return ResourcePage.objects.none()
    candidates = (
        ResourcePage.objects.live()
        .filter(locale_id=resource.locale_id, tags__in=tag_ids)
        .exclude(pk=resource.pk)
        .annotate(shared=Count("pk"))
        .order_by("-shared", "-published_year", "title")
        .select_related("resource_type", "locale")
    )
    return viewable_pages(candidates, user)[:limit]
