"""Check that every live page, document and image of the site serves (after a restore, or any time)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core import backup


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Request every live page, read every document's file and open and resize every image; list what fails "
            "and exit with an error if anything does."
        )

    def handle(self, *args, **options):
        counts, problems = backup.verify_site()
        for problem in problems:
            self.stderr.write(problem)
        summary = gettext("%(pages)d pages, %(documents)d documents, %(images)d images checked") % counts
        if problems:
            raise CommandError(
                gettext("%(summary)s: %(count)d problems.") % {"summary": summary, "count": len(problems)}
            )
        self.stdout.write(gettext("%(summary)s: all served.") % {"summary": summary})
