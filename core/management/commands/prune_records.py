"""Delete what is no longer needed: finished task rows, the log of delivered e-mails, search counts older than
SEARCH_QUERY_DAYS, spent rate limit counters, expired sessions, and old login records (django-axes)."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext

from core import mail, ratelimit, schedule, search


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Delete finished background task rows (after 14 days, failed ones after 30), delivered and dropped "
            "e-mails from the log (after EMAIL_LOG_DAYS), search counts (after SEARCH_QUERY_DAYS), spent rate limit "
            "counters, expired sessions, failed login counts past their cool-off and login records (after "
            "AXES_ACCESS_LOG_DAYS). The schedule runs this daily."
        )

    def handle(self, *args, **options):
        if schedule.uses_database_tasks():
            call_command("prune_db_task_results", min_age_days=14, failed_min_age_days=30, verbosity=0)
        emails = mail.prune_log()
        counters = ratelimit.prune()
        search.prune_query_counts()
        call_command("clearsessions")
        self.stdout.write(
            gettext("Pruned: %(emails)d e-mails from the log, %(counters)d rate limit counters.")
            % {"emails": emails, "counters": counters}
        )
        attempts, logins = prune_login_records()
        self.stdout.write(
            gettext("Pruned: %(attempts)d failed login counts, %(logins)d login records.")
            % {"attempts": attempts, "logins": logins}
        )


def prune_login_records(now=None):
    """Failed-login counts whose cool-off is over (they no longer lock anything) and login records older than
    AXES_ACCESS_LOG_DAYS: addresses and browsers are personal data, kept only as long as they help."""
    now = now or timezone.now()
    attempts, _ = AccessAttempt.objects.filter(attempt_time__lt=now - settings.AXES_COOLOFF_TIME).delete()
    log_limit = now - timedelta(days=settings.AXES_ACCESS_LOG_DAYS)
    logins, _ = AccessLog.objects.filter(attempt_time__lt=log_limit).delete()
    failures, _ = AccessFailureLog.objects.filter(attempt_time__lt=log_limit).delete()
    return attempts, logins + failures
