"""Run the schedule (settings.SCHEDULE) until stopped: `make serve` starts it beside the web server and the worker."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from core import schedule


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Run the site's scheduled jobs (e-mail retries, event reminders, recovering stuck tasks, pruning old "
            "records) at their intervals until stopped. Safe to run on several servers: each turn runs once."
        )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help=gettext("Run the jobs that are due, then stop."))
        parser.add_argument("--tick", type=int, default=30, help=gettext("Seconds between two looks at the schedule."))

    def handle(self, *args, once=False, tick=30, **options):
        if once:
            ran = schedule.run_due()
            self.stdout.write(gettext("Ran: %(jobs)s") % {"jobs": ", ".join(ran) or "-"})
            return
        schedule.run_forever(tick)
