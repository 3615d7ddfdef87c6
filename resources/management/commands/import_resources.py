"""Import resources into the resource library from a CSV or JSON Lines file; see `resources.importing`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core.importing import write_report
from core.management.quiet import quiet_loggers
from resources.importing import DEFAULT_MEMBERS_COLLECTION, ResourceImportError, import_resources

# Wagtail and django-tasks log a line per published page and per extracted document at INFO.


class Command(BaseCommand):
    @property
    def help(self):
        # A property, so the text is translated when asked for: argparse cannot handle a lazy translation.
        return gettext(
            "Import resources from a CSV or JSON Lines file into the resource library. Rows are matched to pages by "
            "external_id, so running it again updates the pages instead of duplicating them."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help=gettext("A .csv file (UTF-8, with a header) or a .jsonl/.ndjson file, one object per line.")
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext("Check the file and report what would change; write nothing."),
        )
        parser.add_argument(
            "--library",
            type=int,
            metavar="PAGE_ID",
            help=gettext("The id of the resource library page; by default the first library in the default language."),
        )
        parser.add_argument(
            "--collection",
            default=DEFAULT_MEMBERS_COLLECTION,
            metavar="NAME",
            help=gettext("The document collection for members-only files, created if missing (default: %(default)s)."),
        )

    def handle(self, *args, **options):
        with quiet_loggers(options["verbosity"]):
            try:
                result = import_resources(
                    options["file"],
                    library_id=options["library"],
                    collection_name=options["collection"],
                    dry_run=options["dry_run"],
                )
            except ResourceImportError as error:
                raise CommandError(str(error)) from error

        write_report(self, result, verbosity=options["verbosity"])
