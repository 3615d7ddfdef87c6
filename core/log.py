"""Logging helpers for the settings' LOGGING."""

import logging
import time

from django.views.debug import SafeExceptionReporterFilter


class OncePerInterval(logging.Filter):
    """Lets one record of each kind (logger, message template, exception class) through every `seconds`, in this
    process: during a database outage every request fails the same way, and ADMINS get one e-mail, not thousands."""

    def __init__(self, seconds=600, clock=time.monotonic):
        super().__init__()
        self.seconds = seconds
        self.clock = clock
        self.last_sent = {}

    def filter(self, record):
        exception = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        kind = (record.name, str(record.msg), exception)
        now = self.clock()
        if now - self.last_sent.get(kind, -self.seconds) < self.seconds:
            return False
        if len(self.last_sent) > 1000:
            self.last_sent.clear()
        self.last_sent[kind] = now
        return True


class NoPostDataFilter(SafeExceptionReporterFilter):
    """Error reports name the fields of a form that failed, with every value hidden: forms carry the personal data
    of the people the site protects (names, phone numbers, messages, passwords)."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)
