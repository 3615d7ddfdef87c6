"""Back up the database and the uploaded files into one folder."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext

from core import backup


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Back up the database and every uploaded file into a new folder (default: BACKUP_DIR/<date-time>, "
            "keeping the BACKUP_KEEP newest there). The backup holds personal data: encrypt it before it leaves the "
            "server."
        )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help=gettext("A new or empty folder for the backup."))

    def handle(self, *args, folder=None, **options):
        rotate = folder is None
        folder = Path(folder or Path(settings.BACKUP_DIR) / timezone.now().strftime("%Y-%m-%d-%H%M%S"))
        try:
            manifest = backup.backup(folder)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            gettext("Backup written to %(folder)s: the database and %(count)d uploaded files.")
            % {"folder": folder, "count": manifest["media_files"]}
        )
        if rotate:
            for old in backup.rotate(settings.BACKUP_DIR, settings.BACKUP_KEEP):
                self.stdout.write(gettext("Old backup deleted: %(folder)s") % {"folder": old})
