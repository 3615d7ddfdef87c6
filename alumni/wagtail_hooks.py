"""The "Alumni" admin menu: profiles, cohorts, organisations, introductions, audit log and the roster import.

Profiles, introductions and the audit log are for staff accounts only; exports of any listing are too, and every
export and every staff view of a profile is written to the audit log (see `alumni.views.admin`).
"""

import django_filters
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.models import Region
from core.permissions import StaffPermissionPolicy
from core.views import TableImportViewSet

from .claims import with_unused_link
from .forms import ProfileAdminForm
from .models import AuditLog, Cohort, Introduction, Organisation, Profile, Sector, Visibility
from .views.admin import (
    OrganisationChooserViewSet,
    OrganisationDeleteBulkAction,
    ProfileChooserViewSet,
    ProfileDeleteBulkAction,
    ProfileDeleteView,
    ProfileEditView,
    ProfileIndexView,
    RosterImportView,
    SendInvitationBulkAction,
    StaffExportIndexView,
)

# Registered before the viewsets below, which would otherwise fall back to Django's model permissions.
register_permission_policy(Profile, StaffPermissionPolicy(Profile))
register_permission_policy(Introduction, StaffPermissionPolicy(Introduction, actions={"view"}))
register_permission_policy(AuditLog, StaffPermissionPolicy(AuditLog, actions={"view"}))

YES_NO = [("true", _("Yes")), ("false", _("No"))]


class ProfileFilterSet(WagtailFilterSet):
    visibility = django_filters.ChoiceFilter(label=_("Who sees the profile"), choices=Visibility.choices)
    sector = django_filters.ChoiceFilter(label=_("Sector"), choices=Sector.choices)
    regency = django_filters.ModelChoiceFilter(
        label=_("Regency/city"), queryset=Region.objects.filter(kind__in=["regency", "city"])
    )
    cohorts = django_filters.ModelChoiceFilter(label=_("Cohort"), queryset=Cohort.objects.all())
    claimed = django_filters.ChoiceFilter(label=_("Claimed"), choices=YES_NO, method="filter_claimed")
    consent = django_filters.ChoiceFilter(label=_("Consent given"), choices=YES_NO, method="filter_consent")
    claim_link = django_filters.ChoiceFilter(
        label=_("Claim link"), choices=[("unused", _("Sent, not used yet"))], method="filter_claim_link"
    )

    class Meta:
        model = Profile
        fields = ["visibility", "sector", "regency", "cohorts", "accepts_introductions"]

    def filter_claimed(self, queryset, name, value):
        return queryset.filter(user__isnull=value != "true")

    def filter_consent(self, queryset, name, value):
        return queryset.filter(consent_given_at__isnull=value != "true")

    def filter_claim_link(self, queryset, name, value):
        return with_unused_link(queryset)


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    menu_label = _("Profiles")
    index_view_class = ProfileIndexView
    edit_view_class = ProfileEditView
    delete_view_class = ProfileDeleteView
    chooser_viewset_class = ProfileChooserViewSet
    edit_handler = ObjectList(Profile.panels, base_form_class=ProfileAdminForm)
    copy_view_enabled = False
    filterset_class = ProfileFilterSet
    # The admin searches names, addresses and roster ids, which the search index deliberately leaves out.
    search_backend_name = None
    search_fields = ["full_name", "display_name", "email", "external_id"]
    list_display = [
        "display_name",
        "regency",
        "sector",
        "visibility",
        BooleanColumn("is_claimed", label=_("Claimed"), accessor="is_claimed"),
        DateColumn("consent_given_at", label=_("Consent given")),
        "updated_at",
    ]
    list_export = [
        "external_id",
        "full_name",
        "display_name",
        "email",
        "phone",
        "regency",
        "province",
        "get_sector_display",
        "cohorts",
        "organisation_names",
        "topic_names",
        "get_visibility_display",
        "consent_given_at",
        "is_claimed",
        "accepts_introductions",
        "open_to_collaborate",
        "created_at",
    ]
    export_headings = {
        "get_sector_display": _("Sector"),
        "get_visibility_display": _("Who sees the profile"),
        "cohorts": _("Cohorts"),
        "organisation_names": _("Organisations"),
        "topic_names": _("Topics"),
        "is_claimed": _("Claimed"),
    }
    export_filename = "alumni-profiles"


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    index_view_class = StaffExportIndexView
    list_display = ["name", "programme", "year", "format", "place"]
    list_filter = ["year", "format"]
    search_fields = ["name", "programme", "place"]
    search_backend_name = None
    list_export = ["name", "programme", "year", "start_date", "end_date", "place", "get_format_display", "facilitators"]
    export_headings = {"get_format_display": _("Format")}
    export_filename = "alumni-cohorts"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    index_view_class = StaffExportIndexView
    list_display = ["name", "org_type", BooleanColumn("verified"), BooleanColumn("published"), "created_at"]
    list_filter = ["org_type", "verified", "published", "regions"]
    list_export = ["name", "get_org_type_display", "verified", "website", "contact_email", "topic_names", "description"]
    export_headings = {"get_org_type_display": _("Type"), "topic_names": _("Focus topics")}
    export_filename = "alumni-organisations"
    chooser_viewset_class = OrganisationChooserViewSet


class IntroductionViewSet(SnippetViewSet):
    model = Introduction
    icon = "mail"
    menu_label = _("Introductions")
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["token_hash"]
    list_display = [
        Column("recipient", label=_("Alumnus")),
        "sender_name",
        "sender_organisation",
        "status",
        "created_at",
        "answered_at",
    ]
    list_filter = ["status"]
    search_backend_name = None
    search_fields = ["sender_name", "sender_email", "sender_organisation", "recipient__display_name"]


class AuditLogViewSet(SnippetViewSet):
    model = AuditLog
    icon = "history"
    menu_label = _("Audit log")
    list_display = ["created_at", "user", "action", Column("profile", label=_("Profile")), "detail"]
    list_filter = ["action"]
    search_backend_name = None
    search_fields = ["detail", "user__email"]


class RosterImportViewSet(TableImportViewSet):
    name = "alumni_roster"
    url_prefix = "alumni-roster"
    menu_label = _("Import roster")
    view_class = RosterImportView


class AlumniGroup(SnippetViewSetGroup):
    menu_label = _("Alumni")
    menu_icon = "group"
    menu_order = 250
    items = (
        ProfileViewSet,
        CohortViewSet,
        OrganisationViewSet,
        IntroductionViewSet,
        AuditLogViewSet,
        RosterImportViewSet,
    )


register_snippet(AlumniGroup)
hooks.register("register_bulk_action", SendInvitationBulkAction)
# After Wagtail's own delete action for every snippet (order 0), which they replace for profiles and organisations.
hooks.register("register_bulk_action", ProfileDeleteBulkAction, order=1)
hooks.register("register_bulk_action", OrganisationDeleteBulkAction, order=1)


@hooks.register("register_snippet_listing_buttons")
def invitation_button(snippet, user, next_url=None):
    """A "Send claim invitation" entry in the menu of each unclaimed profile, leading to the bulk action."""
    if not isinstance(snippet, Profile) or snippet.is_claimed or not snippet.email:
        return []
    url = reverse("wagtail_bulk_action", args=["alumni", "profile", SendInvitationBulkAction.action_type])
    query = urlencode({"id": snippet.pk, "next": next_url or ""})
    return [Button(_("Send claim invitation"), f"{url}?{query}", icon_name="mail", priority=30)]
