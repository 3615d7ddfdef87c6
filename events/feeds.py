from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from .calendar import event_location_text, feed_events
from .templatetags.events_tags import event_when


class EventFeed(Feed):
    """Upcoming and recent events of one events index (so one language) that the visitor may see, as RSS."""

    def __init__(self, index):
        self.index = index
        self.request = None

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        if request.user.is_authenticated:  # a member's feed may list members-only events
            response["Cache-Control"] = "private, no-store"
        return response

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{_('Jejaring Sekolah Demokrasi')}: {index.title}"

    def description(self, index):
        return _("Upcoming and recent events of the Sekolah Demokrasi alumni network.")

    def link(self, index):
        return index.url

    def items(self, index):
        return feed_events(index, self.request.user)

    def item_title(self, item):
        prefix = f"[{item.get_status_display()}] " if item.status != item.Status.SCHEDULED else ""
        return f"{prefix}{item.title}"

    def item_description(self, item):
        lines = [event_when(item), event_location_text(item), item.status_note, item.summary]
        return "\n".join(line for line in lines if line)

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return f"urn:uuid:{item.calendar_uid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_event_type_display()]
