"""The admin's import page, shared by the roster and library imports: upload a table, see what a dry run would do
line by line, then import it (the checked file is carried to the confirmation, so it is uploaded once)."""

import base64
import binascii

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.auth import require_admin_access
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.bulk_action import index as bulk_actions
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .importing import ACCEPTED_SUFFIXES, Outcome, TableError, summary


class TableImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_SUFFIXES}),
    )
    # The checked file, carried from the preview to the import so it need not be uploaded twice.
    data = forms.CharField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, max_bytes, help_text="", **kwargs):
        self.max_bytes = max_bytes
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = help_text

    def clean(self):
        upload = self.cleaned_data.get("file")
        if upload is not None:
            if upload.size > self.max_bytes:
                raise forms.ValidationError(
                    _("The file is larger than %(limit)d MB.") % {"limit": self.max_bytes // 2**20}
                )
            self.cleaned_data["content"] = upload.read()
            self.cleaned_data["name"] = upload.name
        elif self.cleaned_data.get("data"):
            damaged = forms.ValidationError(_("The checked file was damaged on the way: please upload it again."))
            try:
                self.cleaned_data["content"] = base64.b64decode(self.cleaned_data["data"], validate=True)
            except (binascii.Error, ValueError) as error:
                raise damaged from error
            if not self.cleaned_data.get("name"):
                raise damaged
        else:
            raise forms.ValidationError(_("Choose a file to import."))
        return self.cleaned_data


class TableImportView(WagtailAdminTemplateMixin, View):
    """Subclasses give `page_title`, `columns_help`, `max_bytes`, `allowed(user)`, `run_import(content, name,
    dry_run, user)`, and for the page `import_url_name`, `done_url` and `done_label` (where to go afterwards) and
    `confirm_note` (what importing means for the people in the file)."""

    header_icon = "upload"
    template_name = "core/admin/table_import.html"
    columns_help = ""
    max_bytes = 2 * 1024 * 1024
    import_url_name = ""
    done_url = ""
    done_label = ""
    confirm_note = ""

    @classmethod
    def allowed(cls, user):
        raise NotImplementedError

    def run_import(self, content, name, dry_run, user):
        raise NotImplementedError

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form(self, *args, **kwargs):
        # The checked file comes back base64-encoded (a third larger) in the confirmation's form data, which Django
        # caps at DATA_UPLOAD_MAX_MEMORY_SIZE: a file that passes the check must also pass the confirmation.
        carried = settings.DATA_UPLOAD_MAX_MEMORY_SIZE * 3 // 4 - 64 * 1024
        limit = min(self.max_bytes, carried)
        return TableImportForm(*args, max_bytes=limit, help_text=self.columns_help, **kwargs)

    def get(self, request):
        return self.render_page(self.form())

    def post(self, request):
        form = self.form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form, status=400)
        content, name = form.cleaned_data["content"], form.cleaned_data["name"]
        confirmed = "confirm" in request.POST and not form.cleaned_data.get("file")
        try:
            result = self.run_import(content, name, dry_run=not confirmed, user=request.user)
        except TableError as error:
            form.add_error("file", str(error))
            return self.render_page(form, status=400)
        confirm_form = None
        if result.dry_run:
            confirm_form = self.form(initial={"data": base64.b64encode(content).decode(), "name": name})
        return self.render_page(self.form(), result=result, confirm_form=confirm_form, name=name)

    def render_page(self, form, status=200, **context):
        result = context.get("result")
        if result is not None:
            context["summary"] = summary(result)
            context["outcomes"] = [
                (line, Outcome(outcome).label, external_id) for line, outcome, external_id in result.outcomes
            ]
        context.update(
            import_url_name=self.import_url_name,
            done_url=self.done_url,
            done_label=self.done_label,
            confirm_note=self.confirm_note,
        )
        context = self.get_context_data(form=form, **context)
        return render(self.request, self.template_name, context, status=status)


class TableImportViewSet(ViewSet):
    """The admin menu entry and URL of a `TableImportView` (`view_class`), shown to those it allows."""

    icon = "upload"
    view_class = None

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="import")]

    @property
    def menu_item_class(self):
        view_class = self.view_class

        class ImportMenuItem(MenuItem):
            def is_shown(self, request):
                return view_class.allowed(request.user)

        return ImportMenuItem


@require_admin_access
def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk-action pages, refused to anyone with no permission at all on a snippet model: their
    confirmation lists by name even the objects the user may not act on (an introduction names its sender)."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is not None and not viewset.permission_policy.user_has_any_permission(
        request.user, {"add", "change", "delete", "view"}
    ):
        raise PermissionDenied
    return bulk_actions(request, app_label, model_name, action)
