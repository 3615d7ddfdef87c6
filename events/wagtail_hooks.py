"""Staff tools for registrations: a listing with filters, search, CSV/Excel export, check-in at the door, and
cancelling (which gives the seat to the waiting list)."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.forms import CheckboxSelectMultiple, ModelChoiceField
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from alumni.models import AuditLog
from core.exports import FormulaSafeExportMixin

from . import registration as services
from .forms import RegistrationAdminForm
from .models import EventPage, Registration
from .personal_data import erase_registrations_of
from .selectors import plans_in_progress

Status = Registration.Status


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations come only from the public form: seats are given on e-mail confirmation, never typed in."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


policy = RegistrationPermissionPolicy(Registration)
register_permission_policy(Registration, policy)


def admin_url(name, *args):
    return reverse(Registration.snippet_viewset.get_url_name(name), args=args)


def original_events():
    """Each event once, as its original page (the one holding the seats of every language version)."""
    earlier = EventPage.objects.filter(translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk"))
    return EventPage.objects.exclude(Exists(earlier))


class EventChoiceField(ModelChoiceField):
    """An event named with its date, so this year's workshop is told from last year's."""

    def label_from_instance(self, obj):
        return f"{obj.title} ({formats.date_format(obj.local_start, 'j M Y')})"


class EventFilter(django_filters.ModelChoiceFilter):
    field_class = EventChoiceField


class RegistrationFilterSet(WagtailFilterSet):
    event = EventFilter(
        label=gettext_lazy("Event"),
        queryset=lambda request: original_events().order_by("-start", "pk"),
        # Named by its translation key, which all language versions share: a link from any of them selects it.
        to_field_name="translation_key",
        method="filter_event",
    )
    # Several at once: "not cancelled" is the three others.
    status = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("Status"), choices=Status.choices, widget=CheckboxSelectMultiple
    )
    attended = django_filters.BooleanFilter(label=gettext_lazy("Attended"))
    registered = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Registered at"), field_name="created_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = Registration
        fields = ["event", "status", "attended", "registered"]

    def filter_event(self, queryset, name, value):
        # Every language version of the event: they share one set of seats.
        return queryset.filter(event__translation_key=value.translation_key)


class AttendanceColumn(Column):
    """A check-in button per row, for staff at the door (POST, so a prefetched link never checks anyone in)."""

    def render_cell_html(self, instance, parent_context):
        if instance.status == Status.CANCELLED:
            return format_html("<td>{}</td>", _("Cancelled"))
        request = parent_context["request"]
        back = admin_url("list") + ("?" + request.GET.urlencode() if request.GET else "")
        label = _("✓ Checked in — undo") if instance.attended else _("Check in")
        return format_html(
            '<td><form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="attended" value="{}"><input type="hidden" name="next" value="{}">'
            '<button type="submit" class="button button-small{}" aria-label="{}">{}</button></form></td>',
            admin_url("attendance", instance.pk),
            get_token(request),
            "" if instance.attended else "1",
            back,
            "" if instance.attended else " button-secondary",
            f"{label}: {instance.name}",
            label,
        )


def csv_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


EXPORT_PERMISSION = "events.export_registration"
AUDIT_DETAIL_LENGTH = AuditLog._meta.get_field("detail").max_length


def may_export(user):
    """Registrations hold phone numbers and accessibility needs: exporting them takes a permission of its own."""
    return user.is_active and user.has_perm(EXPORT_PERMISSION)


class RegistrationIndexView(FormulaSafeExportMixin, IndexView):
    """The registrations listing; its CSV/XLSX export needs `export_registration` and goes into the audit log."""

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {IndexView.FORMAT_CSV: csv_time, IndexView.FORMAT_XLSX: timezone.make_naive},
    }

    @cached_property
    def show_export_buttons(self):
        return super().show_export_buttons and may_export(self.request.user)

    def get(self, request, *args, **kwargs):
        if self.is_export and not may_export(request.user):
            # A plain 403 (the admin would turn PermissionDenied into a redirect to the dashboard).
            return permission_denied(request, PermissionDenied())
        return super().get(request, *args, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            self.log_export(context["object_list"])
        return super().render_to_response(context, **response_kwargs)

    def log_export(self, queryset):
        """Who exported (the entry's user and time), which event(s) and how many rows, in the alumni audit log."""
        events = sorted({str(event) for event in EventPage.objects.filter(registrations__in=queryset).distinct()})
        filters = self.request.GET.copy()
        export_format = filters.pop("export", [""])[0]
        detail = f"{Registration._meta.verbose_name_plural} {export_format}: {queryset.count()} rows; "
        detail += "; ".join(events) or "-"
        if filters:
            detail += f" ({filters.urlencode()})"
        AuditLog.objects.create(
            user=self.request.user, action=AuditLog.Action.EXPORT, detail=detail[:AUDIT_DETAIL_LENGTH]
        )

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event", "event__locale", "regency")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != Status.CANCELLED and policy.user_has_permission(self.request.user, "change"):
            url = admin_url("cancel_registration", instance.pk)
            buttons.append(Button(_("Cancel registration"), url=url, icon_name="cross", priority=40))
        return buttons


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = gettext_lazy("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = RegistrationFilterSet
    edit_handler = ObjectList(Registration.panels, base_form_class=RegistrationAdminForm)
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    list_display = [
        "name",
        "email",
        Column("event", label=gettext_lazy("Event")),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        AttendanceColumn("attended", label=gettext_lazy("Attendance")),
        Column("created_at", label=gettext_lazy("Registered at")),
    ]
    list_per_page = 50
    list_export = [
        "event",
        "name",
        "email",
        "phone",
        "organisation",
        "regency",
        "accessibility_needs",
        "get_status_display",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "cancelled_at",
        "attended",
    ]
    export_headings = {"get_status_display": gettext_lazy("Status"), "regency": gettext_lazy("Regency/city")}
    export_filename = "registrations"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/attendance/", require_POST(attendance_view), name="attendance"),
            path("<int:pk>/cancel-registration/", cancel_view, name="cancel_registration"),
        ]


def _change_permission(request):
    if not policy.user_has_permission(request.user, "change"):
        raise PermissionDenied


def attendance_view(request, pk):
    _change_permission(request)
    registration = get_object_or_404(Registration.objects.exclude(status=Status.CANCELLED), pk=pk)
    # The form says what to set, not "toggle": a double click at the door leaves the person checked in.
    registration.attended = request.POST.get("attended") == "1"
    registration.save(update_fields=["attended"])
    if registration.attended:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
    else:
        messages.warning(request, _("Check-in of %(name)s undone.") % {"name": registration.name})
    return redirect(get_valid_next_url_from_request(request) or admin_url("list"))


def cancel_view(request, pk):
    _change_permission(request)
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    next_url = get_valid_next_url_from_request(request) or admin_url("list")
    if request.method == "POST":
        promoted = services.cancel(registration)
        messages.success(request, _("The registration of %(name)s is cancelled.") % {"name": registration.name})
        for person in promoted:
            messages.info(
                request, _("%(name)s got the free seat; an e-mail telling them is on its way.") % {"name": person.name}
            )
        return redirect(next_url)
    context = {"registration": registration, "next_url": next_url, "page_title": _("Cancel registration")}
    return TemplateResponse(request, "events/registration_admin_cancel.html", context)


register_snippet(RegistrationViewSet)


def registrations_url(page=None, **filters):
    """The registrations listing filtered by `filters` (a value may be a list), of the event `page` in every
    language when given."""
    if page is not None:
        filters["event"] = page.translation_key
    return admin_url("list") + ("?" + urlencode(filters, doseq=True) if filters else "")


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name, next_url=None):
    if page.specific_class is EventPage and policy.user_has_any_permission(user, {"change", "view"}):
        yield Button(_("Registrations"), url=registrations_url(page), icon_name="group", priority=90)


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(page, user, next_url=None):
    if page.specific_class is EventPage and policy.user_has_any_permission(user, {"change", "view"}):
        yield Button(_("Registrations"), url=registrations_url(page), icon_name="group", priority=90)


@hooks.register("after_delete_snippet")
def give_deleted_seats_to_waitlist(request, instances):
    for event in {registration.event for registration in instances if isinstance(registration, Registration)}:
        services.fill_free_seats(event)


@hooks.register("before_delete_page")
def keep_events_that_people_registered_for(request, page):
    """Deleting an event would silently drop its registrations (and free their seats): cancel it instead."""
    active = Registration.objects.filter(event__path__startswith=page.path).exclude(status=Status.CANCELLED)
    if active.exists():
        messages.error(
            request,
            _(
                "People are registered for this event (or for events below this page). Set the event's status to "
                "cancelled instead, or cancel the registrations first."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


hooks.register("alumni_person_erased", erase_registrations_of)


@hooks.register("alumni_cohort_sections")
def cohort_follow_up_plans(request, cohort):
    """A cohort's page shows the follow-up plans of its events that are still in progress."""
    return {"plans": plans_in_progress(request.user, cohort=cohort)}
