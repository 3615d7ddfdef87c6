"""Import an alumni roster (CSV) as hidden, unclaimed profiles; see `alumni.importing`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from alumni.importing import COLUMNS, RosterImportError, import_roster_file
from core.importing import write_report
from core.management.quiet import quiet_loggers


class Command(BaseCommand):
    @property
    def help(self):
        # A property, so the text is translated when asked for: argparse cannot handle a lazy translation.
        return gettext(
            "Import alumni from a CSV roster as hidden, unclaimed profiles. Rows are matched to profiles by "
            "external_id, so running it again updates them instead of duplicating them."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            help=gettext("A .csv file (UTF-8, comma or semicolon separated) with the columns %(columns)s.")
            % {"columns": ", ".join(COLUMNS)},
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext("Check the file and report what would change; write nothing."),
        )

    def handle(self, *args, **options):
        with quiet_loggers(options["verbosity"]):
            try:
                result = import_roster_file(options["file"], dry_run=options["dry_run"])
            except RosterImportError as error:
                raise CommandError(str(error)) from error

        write_report(self, result, verbosity=options["verbosity"])
