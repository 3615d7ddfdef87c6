from datetime import timedelta

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from alumni.claims import with_unused_link
from alumni.models import Introduction, Profile
from events.models import EventPage, Registration
from events.selectors import upcoming_events
from events.wagtail_hooks import registrations_url
from resources.extraction import ExtractionStatus
from resources.models import ResourceDocument

from .models import Author, Footer

# How many upcoming events and unreadable documents the dashboard names; how far back "new" registrations go.
DASHBOARD_EVENTS = 5
DASHBOARD_DOCUMENTS = 5
NEW_REGISTRATION_DAYS = 7


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    list_display = ["name", "role"]
    search_fields = ["name", "role"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    menu_label = _("Footer")


register_snippet(AuthorViewSet)
register_snippet(FooterViewSet)


def _may_list(user, model):
    """Whether `user` may open the admin listing of `model`, as its permission policy says (profiles and
    introductions are for staff only, whatever Django permissions an editor holds)."""
    return policy_registry.get_by_type(model).user_has_any_permission(user, {"view", "change"})


def _listing_url(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


def _registration_count(status):
    """Registrations of an event in every language (they share one set of seats), as a subquery on EventPage."""
    return Subquery(
        Registration.objects.filter(event__translation_key=OuterRef("translation_key"), status=status)
        .values("event__translation_key")
        .annotate(count=Count("pk"))
        .values("count"),
        output_field=IntegerField(),
    )


def upcoming_events_with_seats(user):
    """The next events with their confirmed, waiting-list and unconfirmed registrations and the capacity of the page
    holding the seats (the first language version), in one query."""
    original = EventPage.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    return upcoming_events(user, limit=DASHBOARD_EVENTS).annotate(
        confirmed=_registration_count(Registration.Status.CONFIRMED),
        waitlisted=_registration_count(Registration.Status.WAITLISTED),
        unconfirmed=_registration_count(Registration.Status.PENDING),
        seats=Subquery(original.values("capacity")[:1]),
    )


class AttentionPanel(Component):
    """On the admin dashboard: what waits for the editor, each part only to those who may act on it."""

    name = "needs_attention"
    order = 40
    template_name = "website/admin/attention_panel.html"

    def __init__(self, context):
        self.context = context

    def get_context_data(self, parent_context):
        return self.context


def needs_attention(user):
    """What the dashboard's panel shows `user`: counts with the listing of exactly what was counted, the next events
    with their seats, the documents that could not be read. Nothing of what `user` may not open."""
    context = {"items": [], "events": None, "documents": None}
    if _may_list(user, Registration):
        since = timezone.localdate() - timedelta(days=NEW_REGISTRATION_DAYS - 1)  # today and the six days before
        active = [status for status in Registration.Status.values if status != Registration.Status.CANCELLED]
        context["items"].append(
            {
                "label": _("New registrations in the last %(days)s days") % {"days": NEW_REGISTRATION_DAYS},
                "count": Registration.objects.filter(created_at__date__gte=since, status__in=active).count(),
                "url": registrations_url(status=active, registered_from=since.isoformat()),
            }
        )
        context["events"] = [
            {"event": event, "url": registrations_url(event), "edit": event.permissions_for_user(user).can_edit()}
            for event in upcoming_events_with_seats(user)
        ]
    if _may_list(user, Profile):
        context["items"].append(
            {
                "label": _("Profiles with a claim link not used yet"),
                "count": with_unused_link(Profile.objects.all()).count(),
                "url": _listing_url(Profile) + "?claim_link=unused",
            }
        )
    if _may_list(user, Introduction):
        context["items"].append(
            {
                "label": _("Introductions waiting for an answer"),
                "count": Introduction.objects.filter(status=Introduction.Status.PENDING).count(),
                "url": _listing_url(Introduction) + "?status=pending",
            }
        )
    document_permissions = policy_registry.get_by_type(ResourceDocument)
    if document_permissions.user_has_permission(user, "change"):
        # What the listing of unreadable documents shows: those the editor may change or delete.
        unreadable = document_permissions.instances_user_has_any_permission_for(user, ["change", "delete"]).filter(
            extraction_status=ExtractionStatus.FAILED
        )
        context["documents"] = list(unreadable.order_by("-created_at")[:DASHBOARD_DOCUMENTS])
        context["items"].append(
            {
                "label": _("Documents whose text could not be read for search"),
                "count": unreadable.count(),
                "url": reverse("resources_unreadable_documents"),
            }
        )
    return context


@hooks.register("construct_homepage_panels")
def attention_panel(request, panels):
    context = needs_attention(request.user)
    if context["items"]:
        panels.append(AttentionPanel(context))
