"""Replace the database and the uploaded files with a backup."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core import backup


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Replace the database (DATABASE_URL) and the uploaded files (MEDIA_ROOT) with the backup in FOLDER, "
            "after checking that the backup is whole. Stop the site first. Then run verify_site."
        )

    def add_arguments(self, parser):
        parser.add_argument("folder", help=gettext("A folder written by the backup command."))
        parser.add_argument(
            "--yes", action="store_true", help=gettext("Do replace what is there now (nothing is done without it).")
        )

    def handle(self, *args, folder, yes=False, **options):
        if not yes:
            raise CommandError(gettext("This replaces the database and the uploaded files: add --yes to go on."))
        try:
            manifest = backup.restore(folder)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            gettext("Restored the backup of %(date)s: the database and %(count)d uploaded files.")
            % {"date": manifest["created_at"], "count": manifest["media_files"]}
        )
