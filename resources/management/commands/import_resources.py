"""Import resources into the resource library from a table; see `resources.importing`."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.importing import ImportCommand
from resources.importing import COLUMNS, DEFAULT_MEMBERS_COLLECTION, import_resources


class Command(ImportCommand):
    columns = COLUMNS
    description = _(
        "Import resources into the resource library. Rows are matched to pages by external_id, so running it again "
        "updates the pages instead of duplicating them. Files named in the files column are read from the table's "
        "folder."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
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

    def run_import(self, path, options):
        return import_resources(
            path, library_id=options["library"], collection_name=options["collection"], dry_run=options["dry_run"]
        )
