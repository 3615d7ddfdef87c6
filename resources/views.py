import io
import zipfile

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail.documents.views import documents as wagtail_documents
from wagtail.documents.views.serve import serve as wagtail_serve_document

from core.access import hidden_collection_ids, viewable_pages
from core.facets import read_query
from core.links import site_root_url
from core.search import count_query, promoted_query, search_text, snippet
from core.views import TableImportView

from .downloads import content_disposition, human_file_name
from .extraction import ExtractionStatus
from .importing import ResourceImportError, find_library, import_resources_data
from .models import ResourceDocument, ResourceFile, ResourcePage
from .search import FACETS, MAX_QUERY_LENGTH, SORT_ORDER, SORTS, expand_synonyms


def library_resources(library, user):
    """The resources of a library that `user` may see."""
    return viewable_pages(ResourcePage.objects.child_of(library).live(), user)


def library_search(request, library):
    query = read_query(request.GET, MAX_QUERY_LENGTH)
    sort = request.GET.get("sort", "relevance" if query else "newest")
    if sort not in SORTS or (sort == "relevance" and not query):
        sort = "newest"
    selected = FACETS.selected(request.GET)
    base = library_resources(library, request.user)

    ranked_ids = None
    synonyms = []
    stored_query = None
    if query:
        ranked_ids = []
        if search_text(query):  # a query of quotes only finds nothing
            expanded, synonyms = expand_synonyms(search_text(query))
            ranked_ids = [page.pk for page in base.search(expanded)]
            found_in_restricted_files = _pages_by_restricted_file_text(base, expanded, request.user)
            ranked_ids += [pk for pk in found_in_restricted_files if pk not in ranked_ids]
        base = base.filter(pk__in=ranked_ids)
        stored_query = count_query(query)

    facets = FACETS.counts(base, selected)
    results = FACETS.filter(base, selected)
    if sort == "relevance":
        result_ids = set(results.values_list("pk", flat=True))
        ordered = [pk for pk in ranked_ids if pk in result_ids]
        page_obj = Paginator(ordered, settings.RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
        objects = {page.pk: page for page in _with_related(ResourcePage.objects.filter(pk__in=page_obj.object_list))}
        page_obj.object_list = [objects[pk] for pk in page_obj.object_list if pk in objects]
    else:
        page_obj = Paginator(
            _with_related(results.order_by(*SORT_ORDER[sort], "pk")), settings.RESOURCES_PER_PAGE
        ).get_page(request.GET.get("page"))

    terms = query.split() + [word for term in synonyms for word in term.split()]
    hidden = hidden_collection_ids(request.user)
    items = [
        {"page": page, "snippet": snippet(_searchable_text(page, hidden), terms) if query else ""}
        for page in page_obj.object_list
    ]
    promotions = _promotions(query, request.user, stored_query) if query else []
    context = library.get_context(request)
    context.update(
        {
            "search_query": query,
            "sort": sort,
            "sorts": SORTS,
            "facets": facets,
            "selected": selected,
            "results": page_obj,
            "items": items,
            "result_count": page_obj.paginator.count,
            "synonyms": synonyms,
            "promotions": promotions,
        }
    )
    return TemplateResponse(request, library.get_template(request), context)


def _with_related(queryset):
    files = Prefetch("files", queryset=ResourceFile.objects.select_related("document"))
    return queryset.select_related("locale", "resource_type", "cover_image").prefetch_related("tags", files)


def _searchable_text(page, hidden_collections):
    """What a result's snippet is taken from: the summary and the text of the files the viewer may download."""
    return " ".join(
        [
            page.summary,
            *(
                file.document.extracted_text
                for file in page.files.all()
                if file.document.collection_id not in hidden_collections
            ),
        ]
    )


def _pages_by_restricted_file_text(pages, query, user):
    """Ids of `pages` found by the text of files in restricted collections that `user` may download.

    That text is not in the pages' own index (which serves every viewer, see `resources.models.file_text`): it is
    searched in the documents' index, within the collections this viewer may open beyond the public ones.
    """
    extra = hidden_collection_ids(None) - hidden_collection_ids(user)
    if not extra:
        return []
    documents = ResourceDocument.objects.filter(collection_id__in=extra).search(query)
    document_ids = [document.pk for document in documents]
    if not document_ids:
        return []
    return list(pages.filter(files__document__in=document_ids).distinct().values_list("pk", flat=True))


def _promotions(query, user, stored=None):
    stored = stored or promoted_query(query)
    if stored is None:
        return []
    promoted = stored.editors_picks.select_related("page").order_by("sort_order")
    pages = [item.page for item in promoted if item.page_id]
    visible = (
        set(
            viewable_pages(type(pages[0]).objects.filter(pk__in=[p.pk for p in pages]).live(), user).values_list(
                "pk", flat=True
            )
        )
        if pages
        else set()
    )
    return [
        item
        for item in promoted
        if (item.page_id and item.page_id in visible) or (not item.page_id and item.external_link_url)
    ]


@require_GET
def autocomplete(request, library):
    query = search_text(read_query(request.GET, 100))
    if len(query) < 2:
        return JsonResponse({"results": []})
    matches = library_resources(library, request.user).select_related("resource_type").autocomplete(query)[:8]
    return JsonResponse(
        {
            "results": [
                {"title": page.title, "url": page.get_url(request), "type": page.resource_type.display_name}
                for page in matches
            ]
        }
    )


def module_zip(request, module):
    """The module's session plan and every document of it the visitor may download, in one ZIP, each file named
    after its title."""
    hidden = hidden_collection_ids(request.user)
    documents = [
        item.document for item in module.files.select_related("document") if item.document.collection_id not in hidden
    ]
    if not documents and not module.sessions:
        raise Http404(_("This module has no documents you can download."))
    buffer = io.BytesIO()
    total = 0
    names = set()

    def unique(name):
        stem, dot, extension = name.rpartition(".") if "." in name else (name, "", "")
        number = 1
        while name in names:
            number += 1
            name = f"{stem}-{number}{dot}{extension}"
        names.add(name)
        return name

    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if module.sessions:
            name, plan = session_plan_file(module)
            archive.writestr(unique(name), plan)
        for document in documents:
            total += document.get_file_size() or 0
            if total > settings.MODULE_ZIP_MAX_BYTES:
                break
            with document.open_file() as handle:
                archive.writestr(unique(document.download_name), handle.read())
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = content_disposition(human_file_name(module.title, "zip", fallback="modul"))
    response["Cache-Control"] = "private, no-store"
    return response


def session_plan_file(module):
    """(file name, HTML) of the module's session plan, in the module's language: a page that opens and prints
    without the site, its links pointing to the site."""
    with translation.override(module.locale.language_code):
        name = human_file_name(f"{_('Session plan')} {module.title}", "html", fallback="session-plan")
        html = render_to_string(
            "resources/module_session_plan.html",
            {"page": module, "site_url": site_root_url() + "/", "language_code": module.locale.language_code},
        )
    return name, html


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (its privacy checks and the download count), the file named after its title."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.has_header("Content-Disposition"):  # the file itself: not a redirect, a login or password page
        document = ResourceDocument.objects.only("title", "file").get(pk=document_id)
        disposition = response["Content-Disposition"].split(";", 1)[0].strip()
        response["Content-Disposition"] = content_disposition(document.download_name, disposition)
    return response


# --- Admin: importing a table of resources ------------------------------------------------------------------


class ResourceImportView(TableImportView):
    """Upload a table of resources (links, no files: those come with `manage.py import_resources`), check it, import."""

    page_title = gettext_lazy("Import resources")
    columns_help = gettext_lazy(
        "A CSV file (UTF-8, comma or semicolon separated), a JSON Lines file or an Excel workbook (.xlsx) with the "
        "columns external_id, title, summary, resource_type, topics, regions, language, published, publisher, url, "
        "members_only. Rows go into the resource library of the default language."
    )
    max_bytes = 2 * 1024 * 1024  # a table of links; the command takes larger files, with their documents
    import_url_name = "resources_import:import"
    done_label = gettext_lazy("Go to the resource library")

    @classmethod
    def allowed(cls, user):
        if not user.is_authenticated:
            return False
        try:
            library = find_library()
        except ResourceImportError:
            return user.is_superuser
        permissions = library.permissions_for_user(user)
        return permissions.can_add_subpage() and permissions.can_publish_subpage()

    @property
    def done_url(self):
        try:
            return reverse("wagtailadmin_explore", args=[find_library().pk])
        except ResourceImportError:
            return reverse("wagtailadmin_home")

    def run_import(self, content, name, dry_run, user):
        return import_resources_data(content, name, dry_run=dry_run)


class UnreadableDocumentsView(wagtail_documents.IndexView):
    """Wagtail's documents listing narrowed to the files whose text could not be read for search: where the
    dashboard's count of them leads."""

    page_title = gettext_lazy("Documents whose text could not be read")
    index_url_name = "resources_unreadable_documents"
    index_results_url_name = "resources_unreadable_documents_results"

    def get_base_queryset(self):
        return super().get_base_queryset().filter(extraction_status=ExtractionStatus.FAILED)
