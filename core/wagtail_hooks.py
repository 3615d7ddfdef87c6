from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .access import collection_restriction_refuses, page_restriction_refuses
from .models import Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "kind", "province", "code"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    ordering = ["kind", "name"]


register_snippet(RegionViewSet)


# Wagtail lets any logged-in account through a login restriction; here it means verified members only.
@hooks.register("before_serve_page", order=-100)
def members_only_pages(page, request, serve_args, serve_kwargs):
    if page_restriction_refuses(page, request.user):
        raise PermissionDenied


@hooks.register("before_serve_document", order=-100)
def members_only_documents(document, request):
    if collection_restriction_refuses(document.collection, request.user):
        raise PermissionDenied
