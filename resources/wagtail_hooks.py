from django.db.models import F
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.views import TableImportViewSet

from .models import ResourceDocument, ResourceType, SearchSynonym
from .views import ResourceImportView, UnreadableDocumentsView


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


class ResourceImportViewSet(TableImportViewSet):
    name = "resources_import"
    url_prefix = "resources-import"
    menu_label = _("Import resources")
    add_to_admin_menu = True
    menu_order = 260
    view_class = ResourceImportView


@hooks.register("register_admin_viewset")
def register_resource_import():
    return ResourceImportViewSet()


@hooks.register("before_serve_document", order=100)
def count_download(document, request):
    """Counts downloads as one number per document: nothing about who downloaded is stored."""
    if isinstance(document, ResourceDocument):
        ResourceDocument.objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)


@hooks.register("register_admin_urls")
def unreadable_documents_urls():
    return [
        path("unreadable-documents/", UnreadableDocumentsView.as_view(), name="resources_unreadable_documents"),
        path(
            "unreadable-documents/results/",
            UnreadableDocumentsView.as_view(results_only=True),
            name="resources_unreadable_documents_results",
        ),
    ]
