"""Queue the reading of documents whose text was never read (their task was lost), so search finds their words."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext, ngettext

from resources.tasks import resume_pending_extraction


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Queue text extraction again for every document still waiting for it with no task queued or running "
            "(the task was lost). The schedule runs this every few minutes."
        )

    def handle(self, *args, **options):
        count = resume_pending_extraction()
        self.stdout.write(
            ngettext("%(count)d document queued for reading.", "%(count)d documents queued for reading.", count)
            % {"count": count}
        )
