"""Import an alumni roster as hidden, unclaimed profiles; see `alumni.importing`."""

from django.utils.translation import gettext_lazy as _

from alumni.importing import COLUMNS, import_roster_file
from core.importing import ImportCommand


class Command(ImportCommand):
    columns = COLUMNS
    description = _(
        "Import alumni from a roster as hidden, unclaimed profiles. Rows are matched to profiles by external_id, so "
        "running it again updates them instead of duplicating them."
    )

    def run_import(self, path, options):
        return import_roster_file(path, dry_run=options["dry_run"])
