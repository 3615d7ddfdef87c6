from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import mail
from .access import collection_restriction_refuses, is_staff, page_restriction_refuses
from .models import OutgoingEmail, Region
from .permissions import StaffPermissionPolicy


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


# --- E-mails: what the site sent, what waits, and what could not be delivered (staff only) ---------------------


register_permission_policy(OutgoingEmail, StaffPermissionPolicy(OutgoingEmail, actions={"view"}))


class SendAgainBulkAction(SnippetBulkAction):
    """Queues e-mails that failed for good once more, e.g. after the mail server was repaired."""

    display_name = _("Send again")
    action_type = "send_again"
    aria_label = _("Send the selected e-mails again")
    template_name = "core/admin/confirm_send_again.html"
    models = [OutgoingEmail]

    def check_perm(self, email):
        return policy_registry.get_by_type(OutgoingEmail).user_has_permission(self.request.user, "view")

    @classmethod
    def execute_action(cls, objects, self=None, **kwargs):
        ids = [email.pk for email in objects]
        return mail.send_again(OutgoingEmail.objects.filter(pk__in=ids)), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", num_parent_objects) % {
            "count": num_parent_objects
        }


class OutgoingEmailViewSet(SnippetViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("E-mails")
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_fields = ["to", "subject", "template", "language", "status", "attempts", "last_error", "created_at",
                           "next_attempt_at", "sent_at"]  # fmt: skip
    copy_view_enabled = False
    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "template", "language"]
    search_fields = ["to", "subject"]
    search_backend_name = None
    list_per_page = 50


register_snippet(OutgoingEmailViewSet)
hooks.register("register_bulk_action", SendAgainBulkAction)


class UndeliveredEmailPanel(Component):
    """On the admin dashboard of staff: e-mails that could not be delivered, so someone looks at the mail server."""

    name = "undelivered_email"
    order = 50
    template_name = "core/admin/undelivered_email_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse(OutgoingEmail.snippet_viewset.get_url_name("list"))}


@hooks.register("construct_homepage_panels")
def undelivered_email_panel(request, panels):
    if is_staff(request.user):
        count = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count()
        if count:
            panels.append(UndeliveredEmailPanel(count))
