"""Staff-side views of the alumni admin: who may do what, audit logging, the claim-invitation bulk action and the
roster import (the same importer as `manage.py import_alumni`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_list_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.widgets import Button
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView

from core.access import is_staff
from core.exports import FormulaSafeExportMixin
from core.views import TableImportView

from ..claims import InvitationError, send_invitation
from ..importing import MAX_BYTES, import_roster_data
from ..models import AuditLog, Organisation, Profile
from ..panels import OrganisationChooserWidget, ProfileChooserWidget
from ..personal_data import erase_people
from ..policy import admin_organisations, admin_profiles

DETAIL_LENGTH = AuditLog._meta.get_field("detail").max_length


def log(user, action, detail="", profile=None):
    AuditLog.objects.create(user=user, action=action, detail=detail[:DETAIL_LENGTH], profile=profile)


# --- Listings and edit views -------------------------------------------------------------------------


class StaffExportIndexView(FormulaSafeExportMixin, IndexView):
    """A listing whose CSV/XLSX export is for staff only, and logged with the filters that shaped it."""

    @cached_property
    def show_export_buttons(self):
        return super().show_export_buttons and is_staff(self.request.user)

    def get(self, request, *args, **kwargs):
        if self.is_export and not is_staff(request.user):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def stream_csv(self, queryset):
        # The CSV is streamed after the view has returned, when the admin's language is no longer active.
        return _in_language(translation.get_language(), super().stream_csv(queryset))

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            filters = self.request.GET.copy()
            export_format = filters.pop("export")[0]
            detail = f"{self.model._meta.verbose_name_plural} {export_format} {filters.urlencode()}".strip()
            log(self.request.user, AuditLog.Action.EXPORT, detail)
        return super().render_to_response(context, **response_kwargs)


def _in_language(language, rows):
    with translation.override(language):
        yield from rows


def _names(manager):
    return ", ".join(str(item) for item in manager.all())


class ProfileIndexView(StaffExportIndexView):
    custom_field_preprocess = {"cohorts": {"csv": _names, "xlsx": _names}}

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("regency", "province", "user")
            .prefetch_related("cohorts", "memberships__organisation", "topics")
        )

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if RosterImportView.allowed(self.request.user):
            buttons.append(Button(_("Import roster"), url=reverse("alumni_roster:import"), icon_name="upload"))
        return buttons


class ProfileDeleteView(DeleteView):
    """Deleting a profile erases the person (`erase_people`): registrations, introductions, and a record that keeps
    a later roster import from bringing them back."""

    def delete_action(self):
        erase_people([self.object])


class ProfileEditView(EditView):
    """Every time staff open a profile, it is written down."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(request.user, AuditLog.Action.VIEW, str(self.object), profile=self.object)
        return response


# --- Claim invitations -----------------------------------------------------------------------------


class ProfileBulkActionMixin:
    """Bulk actions on profiles act on, and name, only the profiles the editor may see (`admin_profiles`): a
    hidden person's id in the URL gives nothing, not even under "no permission"."""

    models = [Profile]

    def get_queryset(self, model, object_ids):
        return get_list_or_404(admin_profiles(self.request.user), pk__in=object_ids)


class OrganisationDeleteBulkAction(DeleteBulkAction):
    """Wagtail's delete action, naming only the organisations the editor may see (`admin_organisations`): its
    confirmation lists by name even what the editor may not delete."""

    models = [Organisation]

    def get_queryset(self, model, object_ids):
        return get_list_or_404(admin_organisations(self.request.user), pk__in=object_ids)


class ProfileDeleteBulkAction(ProfileBulkActionMixin, DeleteBulkAction):
    """Deleting profiles erases the people, as their own account deletion would (`erase_people`)."""

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return erase_people(objects), 0


class SendInvitationBulkAction(ProfileBulkActionMixin, SnippetBulkAction):
    """E-mails a claim link to each selected profile that can receive one, and says what happened to each."""

    display_name = gettext_lazy("Send claim invitation")
    action_type = "send_invitation"
    aria_label = gettext_lazy("Send claim invitations to the selected profiles")
    template_name = "alumni/admin/confirm_send_invitation.html"
    action_priority = 20

    def check_perm(self, profile):
        return policy_registry.get_by_type(Profile).user_has_permission_for_instance(
            self.request.user, "change", profile
        )

    def object_context(self, profile):
        return super().object_context(profile) | {"claimed": profile.is_claimed, "has_email": bool(profile.email)}

    @classmethod
    def execute_action(cls, objects, self=None, **kwargs):
        request = self.request
        sent = []
        for profile in objects:
            try:
                invitation = send_invitation(profile, sent_by=request.user)
            except InvitationError as error:
                messages.warning(request, _("Skipped: %(reason)s") % {"reason": error})
                continue
            log(request.user, AuditLog.Action.INVITE, invitation.sent_to, profile=profile)
            sent.append(str(profile))
        self.sent = sent
        return len(sent), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return None
        return ngettext(
            "Claim invitation on its way to %(count)d profile: %(names)s.",
            "Claim invitations on their way to %(count)d profiles: %(names)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "names": ", ".join(self.sent)}


# --- Roster import ---------------------------------------------------------------------------------


class RosterImportView(TableImportView):
    """Upload a roster, see what a dry run would do line by line, then import it."""

    page_title = gettext_lazy("Import roster")
    columns_help = gettext_lazy(
        "A CSV file (UTF-8, comma or semicolon separated), a JSON Lines file or an Excel workbook (.xlsx) with the "
        "columns external_id, full_name, email, cohort, year, regency, province, sector, organisation, topics "
        "(topics separated by semicolons)."
    )
    max_bytes = MAX_BYTES
    import_url_name = "alumni_roster:import"
    done_label = gettext_lazy("Go to the profiles")
    confirm_note = gettext_lazy(
        "Imported profiles are hidden and unclaimed: nobody outside the admin sees them until their owner claims the "
        "profile and chooses."
    )

    @classmethod
    def allowed(cls, user):
        return policy_registry.get_by_type(Profile).user_has_permission(user, "add")

    @property
    def done_url(self):
        return reverse("wagtailsnippets_alumni_profile:list")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.done_url, "label": capfirst(Profile._meta.verbose_name_plural)},
            {"url": "", "label": self.page_title},
        ]

    def run_import(self, content, name, dry_run, user):
        return import_roster_data(content, name, dry_run=dry_run, user=user)


# --- The profile and organisation choosers (speakers, organisers and follow-up owners of events) ------------------


class AllowedObjectsMixin:
    """A chooser view listing, searching and returning only what `allowed(user)`, a policy function given by the
    viewset, lets the editor see."""

    allowed = None

    def allowed_objects(self):
        return self.allowed(self.request.user)


class PolicyChooseView(AllowedObjectsMixin, ChooseView):
    def get_object_list(self):
        return self.allowed_objects()


class PolicyChooseResultsView(AllowedObjectsMixin, ChooseResultsView):
    def get_object_list(self):
        return self.allowed_objects()


class PolicyChosenView(AllowedObjectsMixin, SnippetChosenView):
    def get_object(self, pk):
        return self.allowed_objects().get(pk=pk)


class PolicyChosenMultipleView(AllowedObjectsMixin, SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.allowed_objects().filter(pk__in=pks)


class PolicyChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser whose every view goes through `allowed`, a function of `alumni.policy`."""

    allowed = None
    choose_view_class = PolicyChooseView
    choose_results_view_class = PolicyChooseResultsView
    chosen_view_class = PolicyChosenView
    chosen_multiple_view_class = PolicyChosenMultipleView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(allowed=self.allowed, **kwargs)


class ProfileChooserViewSet(PolicyChooserViewSet):
    allowed = staticmethod(admin_profiles)
    base_widget_class = ProfileChooserWidget


class OrganisationChooserViewSet(PolicyChooserViewSet):
    allowed = staticmethod(admin_organisations)
    base_widget_class = OrganisationChooserWidget
