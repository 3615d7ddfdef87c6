import datetime
import zoneinfo

import pytest
from wagtail.models import PageViewRestriction

from events.factories import EventIndexPageFactory, EventPageFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def wib(*args):
    """An aware datetime in Western Indonesia Time."""
    return datetime.datetime(*args, tzinfo=WIB)


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def make_event(event_index):
    """A published event under the index; `members_only=True` adds a login restriction."""

    def make(members_only=False, parent=None, **fields):
        event = EventPageFactory(parent=parent or event_index, **fields)
        event.save_revision().publish()
        event.refresh_from_db()
        if members_only:
            PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
        return event

    return make


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("anggota@example.org", "sandi-rahasia-123")
    user.make_member()
    return user
