"""Run the task worker (django-tasks' db_worker) so that it recovers from its own death and from database restarts."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from core import schedule


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Run the background task worker (e-mail, search indexing, text extraction) until stopped. Tasks it was "
            "running when it last died are queued again first; a database outage is waited out. WORKER_NAME tells "
            "several workers on one host apart."
        )

    def handle(self, *args, **options):
        schedule.run_worker()
