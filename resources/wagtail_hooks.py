from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ResourceDocument, ResourceType, SearchSynonym


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "tag"
    menu_label = _("Resource types")
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(ResourceTypeViewSet)
register_snippet(SearchSynonymViewSet)


@hooks.register("before_serve_document", order=100)
def count_download(document, request):
    """Counts downloads as one number per document: nothing about who downloaded is stored."""
    if isinstance(document, ResourceDocument):
        ResourceDocument.objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)
