"""The tabular import framework the bulk importers (`alumni.importing`, `resources.importing`) stand on: reading a
table (CSV with commas or semicolons, JSON Lines, Excel .xlsx), checking cells, the row bookkeeping, the import
loop, and how a management command reports the result (the admin's upload view is `core.views.TableImportView`).

Every importer works the same way: every row is checked before anything is written, every problem of a row is
reported with its line number (the row's number in a spreadsheet), a bad row changes nothing, and good rows are
imported each in a transaction of its own, so that an unexpected failure loses one row, not the import. A dry run
checks and reports, and writes nothing.
"""

import csv
import datetime
import io
import json
import logging
import zipfile
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from taggit.models import Tag

from core.models import Region

from .management.quiet import quiet_loggers

logger = logging.getLogger(__name__)

LIST_SEPARATOR = ";"
# A region may be named without these prefixes ("Lebak"), as long as only one region answers to the short name:
# "Serang" is both Kabupaten Serang and Kota Serang.
REGION_PREFIXES = ("kabupaten ", "kota ")


class Outcome(models.TextChoices):
    """What an import did, or in a dry run would do, with a row."""

    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    UNCHANGED = "unchanged", _("unchanged")
    ERASED = "erased", _("erased at the person's request")


@dataclass(frozen=True)
class RowError:
    """Everything wrong with one row."""

    line: int
    reasons: tuple[str, ...]

    def __str__(self):
        return gettext("line %(line)d: %(reasons)s") % {"line": self.line, "reasons": "; ".join(self.reasons)}


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do)."""

    dry_run: bool
    errors: list[RowError] = field(default_factory=list)
    outcomes: list[tuple[int, str, str]] = field(default_factory=list)  # line, Outcome, external_id
    notes: list[str] = field(default_factory=list)  # what else the report should say, one sentence each

    def count(self, outcome):
        return sum(1 for _line, done, _id in self.outcomes if done == outcome)

    @property
    def created(self):
        return self.count(Outcome.CREATED)

    @property
    def updated(self):
        return self.count(Outcome.UPDATED)

    @property
    def unchanged(self):
        return self.count(Outcome.UNCHANGED)

    @property
    def rejected(self):
        return len(self.errors)


@dataclass
class Record:
    """A row as read from the file, before checking: values by column, and problems found while reading."""

    line: int
    values: dict | None = None  # None when the line could not be read as a row at all
    problems: list[str] = field(default_factory=list)


# --- Reading CSV ---------------------------------------------------------------------------------


class CSVError(Exception):
    """The text cannot be read as CSV records with the expected columns."""


class CSVSyntaxError(CSVError):
    """The text is not valid CSV; `line` is the line where reading stopped, `error` what the csv module said."""

    def __init__(self, line, error):
        super().__init__(f"line {line}: {error}")
        self.line = line
        self.error = error


class CSVEmptyError(CSVError):
    """The text holds no header line."""


class CSVHeaderError(CSVError):
    """The header names unknown, repeated or too few columns; `problems` says which, one text each."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


def read_csv(text, columns, required_columns, *, delimiter=","):
    """The records of CSV `text` whose first non-blank line is a header naming some of `columns`.

    Each record has the line it starts on. Raises CSVSyntaxError, CSVEmptyError or CSVHeaderError.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, header, last_line = [], None, 0
    try:
        for cells in reader:
            # A record may span several physical lines (a quoted field with line breaks): it starts on the line
            # after the previous one ended.
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = csv_header(cells, columns, required_columns)
            else:
                records.append(csv_record(line, cells, header))
    except csv.Error as error:
        raise CSVSyntaxError(reader.line_num, error) from error
    if header is None:
        raise CSVEmptyError
    return records


def csv_header(cells, columns, required_columns):
    """The column names of a header line, lower-cased; raises CSVHeaderError unless they fit `columns`."""
    names = [cell.strip().lower() for cell in cells]
    while names and not names[-1]:  # spreadsheets add empty columns at the end
        names.pop()
    unknown = [name for name in names if name not in columns]
    repeated = sorted({name for name in names if names.count(name) > 1})
    missing = [name for name in required_columns if name not in names]
    problems = []
    if unknown:
        problems.append(
            gettext("unknown columns %(columns)s (known: %(known)s)")
            % {"columns": ", ".join(f'"{name}"' for name in unknown), "known": ", ".join(columns)}
        )
    if repeated:
        problems.append(gettext("repeated columns %(columns)s") % {"columns": ", ".join(repeated)})
    if missing:
        problems.append(gettext("missing columns %(columns)s") % {"columns": ", ".join(missing)})
    if problems:
        raise CSVHeaderError(problems)
    return names


def csv_record(line, cells, header):
    """The Record of a CSV line; cells beyond the header are a problem unless they are blank."""
    record = Record(line, dict(zip(header, cells, strict=False)))
    extra = cells[len(header) :]
    if any(cell.strip() for cell in extra):
        record.problems.append(
            gettext("has %(count)d fields, the header has %(columns)d") % {"count": len(cells), "columns": len(header)}
        )
    return record


# --- Reading any table ---------------------------------------------------------------------------

CSV_SUFFIXES = {".csv"}
JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
XLSX_SUFFIXES = {".xlsx"}
ACCEPTED_SUFFIXES = ".csv,.jsonl,.ndjson,.xlsx"
MAX_XLSX_ROWS = 50_000
MAX_XLSX_COLUMNS = 30


class TableError(Exception):
    """The file as a whole cannot be imported; the message, in the active language, names the file and says why."""


def read_table(data, name, columns, required_columns, *, max_bytes=None):
    """The records of the table in `data` (bytes) named `name`, read by its extension: CSV (UTF-8, comma or
    semicolon separated, with a header), JSON Lines (one object per line) or Excel (.xlsx, the first sheet, with a
    header). Each record has its line (the row of the sheet). Raises TableError."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in CSV_SUFFIXES | JSON_LINES_SUFFIXES | XLSX_SUFFIXES:
        raise TableError(
            gettext("%(file)s is not a CSV (.csv), JSON Lines (.jsonl, .ndjson) or Excel (.xlsx) file.")
            % {"file": name}
        )
    if max_bytes is not None and len(data) > max_bytes:
        raise TableError(gettext("%(file)s is larger than %(limit)d MB.") % {"file": name, "limit": max_bytes // 2**20})
    try:
        if suffix in XLSX_SUFFIXES:
            return _xlsx_records(data, name, columns, required_columns)
        text = _text(data, name)
        if suffix in JSON_LINES_SUFFIXES:
            return _json_lines_records(text, columns)
        header_line = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
        return read_csv(text, columns, required_columns, delimiter=delimiter)
    except CSVSyntaxError as error:
        raise TableError(
            gettext("%(file)s is not a valid CSV file (line %(line)d): %(error)s")
            % {"file": name, "line": error.line, "error": error.error}
        ) from error
    except CSVHeaderError as error:
        raise TableError(
            gettext("The header of %(file)s is wrong: %(problems)s.")
            % {"file": name, "problems": "; ".join(error.problems)}
        ) from error
    except CSVEmptyError as error:
        raise TableError(gettext("%(file)s is empty.") % {"file": name}) from error


def read_table_file(path, columns, required_columns, *, max_bytes=None):
    """`read_table` of a file on disk."""
    try:
        with open(path, "rb") as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as error:
        raise TableError(
            gettext("%(file)s cannot be read: %(error)s") % {"file": path, "error": error.strerror or error}
        ) from error
    return read_table(data, str(path), columns, required_columns, max_bytes=max_bytes)


def _text(data, name):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TableError(
            gettext("%(file)s is not UTF-8 text (line %(line)d): save it as “CSV UTF-8”.")
            % {"file": name, "line": line}
        ) from error


def _json_lines_records(text, columns):
    records = []
    # Only "\n" ends a line: str.splitlines() would also break at characters a JSON string may hold (U+2028...).
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        record = Record(line)
        try:
            values = json.loads(raw)
        except json.JSONDecodeError as error:
            record.problems.append(
                gettext("is not valid JSON (%(error)s at column %(column)d)")
                % {"error": error.msg, "column": error.colno}
            )
        else:
            if isinstance(values, dict):
                record.values = values
                unknown = [key for key in values if key not in columns]
                if unknown:
                    record.problems.append(
                        gettext("unknown fields %(fields)s (known: %(known)s)")
                        % {"fields": ", ".join(f'"{key}"' for key in unknown), "known": ", ".join(columns)}
                    )
            else:
                record.problems.append(gettext("is not a JSON object"))
        records.append(record)
    if not records:
        raise CSVEmptyError
    return records


def _xlsx_records(data, name, columns, required_columns):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise TableError(
            gettext("%(file)s is not an Excel workbook (.xlsx) that can be read.") % {"file": name}
        ) from error
    try:
        sheet = workbook.worksheets[0]
        # A sheet may claim to span A1:XFD1048576 (a stray cell far down, formatting of whole columns): read only the
        # rows it holds, and no wider than a table of ours can be (cells further right are not read at all).
        sheet.reset_dimensions()
        header, records = None, []
        for line, row in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_XLSX_COLUMNS), start=1):
            cells = [_xlsx_cell(value) for value in row]
            if not any(cell.strip() for cell in cells):
                continue
            if len(records) >= MAX_XLSX_ROWS:
                raise TableError(
                    gettext("%(file)s has more than %(count)d rows: split it into smaller files.")
                    % {"file": name, "count": MAX_XLSX_ROWS}
                )
            if header is None:
                header = csv_header(cells, columns, required_columns)
            else:
                records.append(csv_record(line, cells, header))
    finally:
        workbook.close()
    if header is None:
        raise CSVEmptyError
    return records


def _xlsx_cell(value):
    """A spreadsheet cell as the text a CSV export would hold: dates as ISO dates, 2024.0 as 2024."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- Checking ------------------------------------------------------------------------------------


def cell_text(values, name, problems):
    """The value of a column as stripped text; JSON numbers are accepted, lists and objects are not."""
    value = values.get(name)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    problems.append(gettext("%(field)s must be text") % {"field": name})
    return ""


def cell_items(values, name, problems):
    """The items of a list column without repeats: semicolon-separated text, or in JSON Lines also a list of texts."""
    value = values.get(name)
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            problems.append(gettext("%(field)s must be a list of texts") % {"field": name})
            return []
        items = value
    else:
        items = cell_text(values, name, problems).split(LIST_SEPARATOR)
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


def limited_text(values, name, limit, problems):
    """The text of a column, with a problem if it is longer than `limit` characters (None: no limit)."""
    value = cell_text(values, name, problems)
    if limit and len(value) > limit:
        problems.append(
            gettext("%(field)s is longer than %(limit)d characters (%(length)d)")
            % {"field": name, "limit": limit, "length": len(value)}
        )
    return value


def required_text(values, name, limit, problems):
    """As limited_text, with a problem if the column is empty and nothing else is wrong with it."""
    known_problems = len(problems)
    value = limited_text(values, name, limit, problems)
    if not value and len(problems) == known_problems:
        problems.append(gettext("%(field)s is missing") % {"field": name})
    return value


class TopicNames:
    """Matches topic names from a file to the shared taxonomy of tags, remembering the tags it has looked up."""

    def __init__(self):
        self.limit = Tag._meta.get_field("name").max_length
        self.known = {}

    def check(self, names, problems):
        """The topics named, once each; a name too long for a tag is a problem and is left out."""
        topics, seen = [], set()
        for name in names:
            key = name.casefold()
            if key in seen:
                continue
            seen.add(key)
            if len(name) > self.limit:
                problems.append(
                    gettext('topic "%(value)s" is longer than %(limit)d characters')
                    % {"value": name, "limit": self.limit}
                )
                continue
            # Topics are a shared taxonomy: "Deteksi dini" in the file is the existing topic "deteksi dini".
            if key not in self.known:
                existing = Tag.objects.filter(name__iexact=name).order_by("pk").first()
                self.known[key] = existing.name if existing else name
            topics.append(self.known[key])
        return topics


def region_lookups():
    """Regions by their full name, and lists of regions by their name without "Kabupaten"/"Kota"; casefolded."""
    full, short = {}, defaultdict(list)
    for region in Region.objects.all():
        name = region.name.casefold()
        full[name] = region
        for prefix in REGION_PREFIXES:
            if name.startswith(prefix):
                short[name.removeprefix(prefix)].append(region)
    return full, short


def flag_repeated_ids(lines_by_id, problems):
    """Add a problem to every line whose external_id is on other lines of the file too."""
    for external_id, lines in lines_by_id.items():
        if len(lines) > 1:
            for line in lines:
                problems[line].append(
                    gettext('external_id "%(id)s" appears more than once (lines %(lines)s)')
                    % {"id": external_id, "lines": ", ".join(str(number) for number in lines)}
                )


def rows_and_errors(checked, problems):
    """The checked rows without problems, and a RowError for each line with problems, both in file order."""
    rows = [row for line, row in checked.items() if not problems[line]]
    errors = [RowError(line, tuple(reasons)) for line, reasons in problems.items() if reasons]
    return rows, errors


# --- Importing -----------------------------------------------------------------------------------


@contextmanager
def dry_run_guard(dry_run):
    """Roll back whatever is written inside, in a dry run; otherwise do nothing.

    Nothing is written in a dry run; the transaction rolled back around it is a guard should that ever change.
    A real import has no transaction around it, so that each row is committed on its own.
    """
    if not dry_run:
        yield
        return
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def import_rows(rows, import_row, result, *, on_failure=None):
    """Import each row with `import_row` in a transaction of its own, adding its Outcome to `result`.

    A row that fails is logged and becomes a RowError instead; `on_failure` is then called to clean up what the
    rolled-back transaction could not (such as stored files).
    """
    for row in rows:
        try:
            with transaction.atomic():
                outcome = import_row(row)
        except Exception as error:
            logger.exception("Import of line %d (external_id %s) failed", row.line, row.external_id)
            if on_failure is not None:
                on_failure()
            reason = gettext("could not be imported: %(error)s") % {"error": describe_error(error)}
            result.errors.append(RowError(row.line, (reason,)))
        else:
            result.outcomes.append((row.line, outcome, row.external_id))
    result.errors.sort(key=lambda error: error.line)


def describe_error(error):
    """An exception as a short text for the editor: a ValidationError's messages, or the exception's text."""
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error) or error.__class__.__name__


# --- Reporting -----------------------------------------------------------------------------------


def summary(result):
    """One line saying what the import did, or in a dry run would do."""
    counts = {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "rejected": result.rejected,
    }
    text = gettext("%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(rejected)d rejected") % counts
    if result.count(Outcome.ERASED):
        text += "; " + gettext("%(count)d erased at the person's request") % {"count": result.count(Outcome.ERASED)}
    text = " ".join([text + ".", *result.notes]) if result.notes else text
    return gettext("Dry run: %(summary)s") % {"summary": text} if result.dry_run else text


def write_report(command, result, *, verbosity):
    """Write what an import did to a management command's output, each row's outcome too from verbosity 2.

    Rejected rows go to stderr, and make the command fail (exit status 1) once the summary is written.
    """
    for error in result.errors:
        command.stderr.write(str(error))
    if verbosity > 1:
        for line, outcome, external_id in result.outcomes:
            command.stdout.write(
                gettext("line %(line)d: %(external_id)s %(outcome)s")
                % {"line": line, "external_id": external_id, "outcome": Outcome(outcome).label}
            )
    command.stdout.write(summary(result))
    if result.rejected:
        raise CommandError(
            ngettext("%(count)d row was rejected", "%(count)d rows were rejected", result.rejected)
            % {"count": result.rejected}
        )


class ImportCommand(BaseCommand):
    """A management command importing a table: a FILE and --dry-run; bad rows are listed on stderr with their line
    numbers and make the command fail (exit status 1) after the summary. Subclasses set `columns`, `description`
    and `run_import(path, options)`."""

    columns = ()
    description = ""

    @property
    def help(self):
        # A property, so the text is translated when asked for: argparse cannot handle a lazy translation.
        return str(self.description)

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            help=gettext(
                "A table with the columns %(columns)s: CSV (UTF-8, comma or semicolon separated), JSON Lines (.jsonl, "
                "one object per line) or Excel (.xlsx, first sheet)."
            )
            % {"columns": ", ".join(self.columns)},
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext("Check the file and report what would change; write nothing."),
        )

    def handle(self, *args, **options):
        with quiet_loggers(options["verbosity"]):
            try:
                result = self.run_import(options["file"], options)
            except TableError as error:
                raise CommandError(str(error)) from error
        write_report(self, result, verbosity=options["verbosity"])

    def run_import(self, path, options):
        raise NotImplementedError
