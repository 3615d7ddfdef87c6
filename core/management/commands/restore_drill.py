"""The restore drill: back up, restore into a scratch copy, and prove the copy serves."""

import tempfile

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core import backup


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Back up this site, restore the backup into a scratch database and media folder, and check there that "
            "every page, document and image serves. Touches nothing of the running site; the scratch copy is "
            "removed afterwards."
        )

    def handle(self, *args, **options):
        with tempfile.TemporaryDirectory(prefix="jejaring-drill-") as workdir:
            try:
                ok, report = backup.drill(workdir)
            except (backup.BackupError, OSError) as error:
                raise CommandError(str(error)) from error
        if not ok:
            raise CommandError(gettext("The restore drill failed: %(report)s") % {"report": report})
        self.stdout.write(gettext("The restore drill passed: %(report)s") % {"report": report})
