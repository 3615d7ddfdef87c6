"""Delete what is no longer needed: finished task rows, the log of delivered e-mails, search counts older than
SEARCH_QUERY_DAYS, spent rate limit counters and expired sessions."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from core import mail, ratelimit, schedule, search


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Delete finished background task rows (after 14 days, failed ones after 30), delivered and dropped "
            "e-mails from the log (after EMAIL_LOG_DAYS), search counts (after SEARCH_QUERY_DAYS), spent rate limit "
            "counters and expired sessions. The schedule runs this daily."
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
