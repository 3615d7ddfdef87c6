"""Bulk import of resources from a table (CSV, JSON Lines or Excel) into the resource library: `manage.py
import_resources` (which also reads the files the rows name from the table's folder) and the admin (links only).

Every row is checked before anything is written, and every problem of a row is reported with its line number, so
that one run tells the editor all that needs fixing. Bad rows change nothing; good rows are imported each in a
transaction of its own, so that an unexpected failure loses one row, not the import (`core.importing` holds what
this shares with the alumni roster import). Rows are matched to pages by `external_id`, which makes a second run of
the same file change nothing.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.coreutils import find_available_slug, get_supported_content_language_variant
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.utils.file import hash_filelike

from core.importing import (
    ImportResult,
    Outcome,
    TableError,
    TopicNames,
    cell_items,
    cell_text,
    dry_run_guard,
    flag_repeated_ids,
    import_rows,
    limited_text,
    read_table,
    read_table_file,
    region_lookups,
    required_text,
    rows_and_errors,
)
from core.models import Region

from .models import (
    LANGUAGES,
    ModuleFile,
    ResourceDocument,
    ResourceFile,
    ResourceLibraryPage,
    ResourcePage,
    ResourceType,
)

COLUMNS = (
    "external_id",
    "title",
    "summary",
    "resource_type",
    "topics",
    "regions",
    "language",
    "published",
    "publisher",
    "url",
    "files",
    "members_only",
)
REQUIRED_COLUMNS = ("external_id", "title", "summary", "resource_type")
MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MEMBERS_COLLECTION = "Khusus anggota"
TRUE_WORDS = {"true", "yes", "1", "ya"}
FALSE_WORDS = {"false", "no", "0", "tidak", ""}
YEAR_RE = re.compile(r"\d{4}")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIRST_YEAR = 1945


class ResourceImportError(TableError):
    """The file as a whole cannot be imported: it is missing, unreadable, or there is no library to import into."""


@dataclass(frozen=True)
class SourceFile:
    """A file named in a row, checked to lie inside the import file's folder."""

    name: str
    path: Path
    size: int
    sha1: str


@dataclass
class ResourceRow:
    """A checked row, ready to be imported."""

    line: int
    external_id: str
    title: str
    summary: str
    resource_type: ResourceType
    topics: list[str]
    regions: list[Region]
    language: str
    published_year: int | None
    published_date: date | None
    publisher: str
    url: str
    files: list[SourceFile]
    members_only: bool

    def page_fields(self):
        return {
            "title": self.title,
            "summary": self.summary,
            "resource_type_id": self.resource_type.pk,
            "language": self.language,
            "published_year": self.published_year,
            "published_date": self.published_date,
            "publisher": self.publisher,
            "external_url": self.url,
        }

    def unique_files(self):
        """The files without repeats: the same content named twice is attached once."""
        unique = {}
        for source in self.files:
            unique.setdefault(source.sha1, source)
        return list(unique.values())


def import_resources(path, **kwargs):
    """Check every row of the file at `path`, then import the good ones into the library; see the module docstring.
    Files named in the rows are read from the file's folder."""
    path = Path(path)
    records = read_table_file(path, COLUMNS, REQUIRED_COLUMNS, max_bytes=MAX_BYTES)
    return import_resource_records(records, folder=path.parent, **kwargs)


def import_resources_data(data, name, **kwargs):
    """The same for an uploaded file's bytes (the admin): rows may give links, but no files to read from disk."""
    records = read_table(data, name, COLUMNS, REQUIRED_COLUMNS, max_bytes=MAX_BYTES)
    return import_resource_records(records, folder=None, **kwargs)


def import_resource_records(
    records, *, folder, library_id=None, collection_name=DEFAULT_MEMBERS_COLLECTION, dry_run=False
):
    """Raises ResourceImportError (a TableError) when there is no library to import into."""
    library = find_library(library_id)
    rows, errors = RowChecker(folder, library).check_all(records)
    result = ImportResult(dry_run=dry_run, errors=errors)
    importer = _Importer(library, collection_name, dry_run=dry_run)
    with dry_run_guard(dry_run):
        with transaction.atomic():
            importer.prepare(rows)
        import_rows(rows, importer.import_row, result, on_failure=importer.discard_written_files)
    return result


def find_library(library_id=None):
    """The library to import into: the page with `library_id`, or the first library in the default language."""
    if library_id is not None:
        library = ResourceLibraryPage.objects.filter(pk=library_id).first()
        if library is None:
            raise ResourceImportError(gettext("There is no resource library with page id %(id)s.") % {"id": library_id})
        return library
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    library = ResourceLibraryPage.objects.filter(locale__language_code=language).order_by("path").first()
    if library is None:
        raise ResourceImportError(
            gettext(
                "There is no resource library in the default language (%(language)s) to import into: "
                "create one first, or name one with --library."
            )
            % {"language": language}
        )
    return library


# --- Reading -------------------------------------------------------------------------------------


# --- Checking ------------------------------------------------------------------------------------


class RowChecker:
    """Turns records into ResourceRows, or into RowErrors listing every problem of the row."""

    def __init__(self, folder, library):
        self.folder = Path(folder).resolve() if folder is not None else None
        self.library = library
        self.types = list(ResourceType.objects.all())
        self.type_lookup = _type_lookup(self.types)
        self.full_region_names, self.short_region_names = region_lookups()
        self.topic_names = TopicNames()
        self.url_validator = URLValidator(schemes=["http", "https"])
        self.extensions = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        self.max_size = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        self.max_length = {
            name: ResourcePage._meta.get_field(model_field).max_length
            for name, model_field in [
                ("external_id", "external_id"),
                ("title", "title"),
                ("summary", "summary"),
                ("publisher", "publisher"),
                ("url", "external_url"),
            ]
        }

    def check_all(self, records):
        """The good rows and the errors of the bad ones, both in file order."""
        problems = {record.line: list(record.problems) for record in records}
        checked = {}
        lines_by_id = defaultdict(list)
        for record in records:
            if record.values is None:
                continue
            row, row_problems = self.check(record)
            problems[record.line].extend(row_problems)
            checked[record.line] = row
            external_id = cell_text(record.values, "external_id", [])
            if external_id:
                lines_by_id[external_id].append(record.line)
        flag_repeated_ids(lines_by_id, problems)
        self._check_existing_pages(lines_by_id, problems)
        return rows_and_errors(checked, problems)

    def check(self, record):
        """A ResourceRow for the record (None when it has problems) and the list of its problems."""
        values, problems = record.values, []
        external_id = self._required(values, "external_id", problems)
        title = self._required(values, "title", problems)
        summary = self._required(values, "summary", problems)
        resource_type = self._resource_type(cell_text(values, "resource_type", problems), problems)
        topics = self.topic_names.check(cell_items(values, "topics", problems), problems)
        regions = self._regions(cell_items(values, "regions", problems), problems)
        language = self._language(cell_text(values, "language", problems), problems)
        published_year, published_date = self._published(cell_text(values, "published", problems), problems)
        publisher = self._limited(values, "publisher", problems)
        url_text = cell_text(values, "url", problems)
        url = self._url(url_text, problems)
        file_names = cell_items(values, "files", problems)
        files = self._files(file_names, problems)
        members_only = self._members_only(values.get("members_only"), problems)
        if not file_names and not url_text:
            problems.append(gettext("neither files nor url is given"))
        if problems:
            return None, problems
        row = ResourceRow(
            line=record.line,
            external_id=external_id,
            title=title,
            summary=summary,
            resource_type=resource_type,
            topics=topics,
            regions=regions,
            language=language,
            published_year=published_year,
            published_date=published_date,
            publisher=publisher,
            url=url,
            files=files,
            members_only=members_only,
        )
        return row, problems

    def _check_existing_pages(self, lines_by_id, problems):
        """A row must not match several pages: there would be no telling which one to update."""
        pages = Counter(
            ResourcePage.objects.child_of(self.library).exclude(external_id="").values_list("external_id", flat=True)
        )
        for external_id, lines in lines_by_id.items():
            if pages[external_id] > 1:
                for line in lines:
                    problems[line].append(
                        gettext('external_id "%(id)s" belongs to %(count)d pages of the library')
                        % {"id": external_id, "count": pages[external_id]}
                    )

    def _limited(self, values, name, problems):
        return limited_text(values, name, self.max_length[name], problems)

    def _required(self, values, name, problems):
        return required_text(values, name, self.max_length[name], problems)

    def _resource_type(self, value, problems):
        if not value:
            problems.append(gettext("resource_type is missing"))
            return None
        resource_type = self.type_lookup.get(value.casefold())
        if resource_type is None:
            problems.append(
                gettext('resource_type "%(value)s" is unknown (known: %(known)s)')
                % {"value": value, "known": ", ".join(kind.slug for kind in self.types)}
            )
        return resource_type

    def _regions(self, names, problems):
        regions = []
        for name in names:
            key = " ".join(name.split()).casefold()
            region = self.full_region_names.get(key)
            candidates = self.short_region_names.get(key, [])
            if region is None and len(candidates) == 1:
                region = candidates[0]
            if region is None and len(candidates) > 1:
                problems.append(
                    gettext('region "%(value)s" is ambiguous (%(candidates)s)')
                    % {"value": name, "candidates": ", ".join(sorted(str(candidate) for candidate in candidates))}
                )
            elif region is None:
                problems.append(gettext('region "%(value)s" is unknown') % {"value": name})
            elif region not in regions:
                regions.append(region)
        return regions

    def _language(self, value, problems):
        codes = [code for code, _name in LANGUAGES]
        if not value:
            return codes[0]
        if value.lower() not in codes:
            problems.append(
                gettext('language "%(value)s" is not one of %(codes)s') % {"value": value, "codes": ", ".join(codes)}
            )
            return None
        return value.lower()

    def _published(self, value, problems):
        if not value:
            return None, None
        if YEAR_RE.fullmatch(value):
            year, published_date = int(value), None
        elif DATE_RE.fullmatch(value):
            try:
                published_date = date.fromisoformat(value)
            except ValueError:
                problems.append(gettext('published "%(value)s" is not a date') % {"value": value})
                return None, None
            year = published_date.year
        else:
            problems.append(gettext('published "%(value)s" is not YYYY or YYYY-MM-DD') % {"value": value})
            return None, None
        last_year = timezone.localdate().year + 1
        if not FIRST_YEAR <= year <= last_year:
            problems.append(
                gettext('published "%(value)s" is not between %(first)d and %(last)d')
                % {"value": value, "first": FIRST_YEAR, "last": last_year}
            )
            return None, None
        return year, published_date

    def _url(self, value, problems):
        if not value:
            return ""
        limit = self.max_length["url"]
        if len(value) > limit:
            problems.append(gettext("url is longer than %(limit)d characters") % {"limit": limit})
            return ""
        try:
            self.url_validator(value)
        except ValidationError:
            problems.append(gettext('url "%(value)s" is not a valid http or https address') % {"value": value})
            return ""
        return value

    def _files(self, names, problems):
        files = []
        for name in names:
            source = self._file(name, problems)
            if source is not None:
                files.append(source)
        return files

    def _file(self, name, problems):
        if self.folder is None:
            problems.append(
                gettext(
                    'file "%(value)s": files are imported from the server\'s disk with manage.py import_resources; '
                    "an uploaded table can give a url instead"
                )
                % {"value": name}
            )
            return None
        relative = PurePosixPath(name.replace("\\", "/"))
        is_absolute = relative.is_absolute() or re.match(r"[A-Za-z]:", name)
        if is_absolute or ".." in relative.parts:
            problems.append(gettext('file "%(value)s" is outside the folder of the import file') % {"value": name})
            return None
        path = (self.folder / relative).resolve()
        if not path.is_relative_to(self.folder):  # a symbolic link pointing elsewhere
            problems.append(gettext('file "%(value)s" is outside the folder of the import file') % {"value": name})
            return None
        ok = True
        extension = path.suffix.lower().lstrip(".")
        if self.extensions is not None and extension not in self.extensions:
            problems.append(
                gettext('file "%(value)s" is not of an allowed type (allowed: %(extensions)s)')
                % {"value": name, "extensions": ", ".join(self.extensions)}
            )
            ok = False
        if not path.is_file():
            problems.append(gettext('file "%(value)s" does not exist') % {"value": name})
            return None
        size = path.stat().st_size
        if self.max_size is not None and size > self.max_size:
            problems.append(
                gettext('file "%(value)s" is larger than %(limit)s (%(size)s)')
                % {"value": name, "limit": filesizeformat(self.max_size), "size": filesizeformat(size)}
            )
            ok = False
        if not ok:
            return None
        with path.open("rb") as handle:
            sha1 = hash_filelike(handle)
        return SourceFile(name=name, path=path, size=size, sha1=sha1)

    def _members_only(self, value, problems):
        if isinstance(value, bool):
            return value
        text = cell_text({"members_only": value}, "members_only", problems).lower()
        if text in TRUE_WORDS:
            return True
        if text not in FALSE_WORDS:
            problems.append(gettext('members_only "%(value)s" is not true or false') % {"value": value})
        return False


def _type_lookup(types):
    lookup = {}
    for kind in types:
        for name in (kind.name, kind.name_en):
            lookup.setdefault(name.casefold(), kind)
    lookup.update({kind.slug.casefold(): kind for kind in types})
    return lookup


# --- Importing -----------------------------------------------------------------------------------


class _Importer:
    """Creates or updates the page of each checked row; in a dry run only works out what it would do."""

    def __init__(self, library, collection_name, *, dry_run):
        self.library = library
        self.collection_name = collection_name
        self.dry_run = dry_run
        self.root_collection = Collection.get_first_root_node()
        self.members_collection = None
        self.written_files = []

    def prepare(self, rows):
        """Find, or create, the collection for members-only documents when a row needs it."""
        if not any(row.members_only for row in rows):
            return
        collection = self.root_collection.get_children().filter(name=self.collection_name).first()
        if collection is not None:
            if not CollectionViewRestriction.objects.filter(
                collection=collection, restriction_type=CollectionViewRestriction.LOGIN
            ).exists():
                raise ResourceImportError(
                    gettext(
                        'The collection "%(name)s" is not restricted to logged-in users, so members-only documents '
                        "cannot go there: restrict it in the admin, or name another collection with --collection."
                    )
                    % {"name": self.collection_name}
                )
            self.members_collection = collection
        elif not self.dry_run:
            collection = self.root_collection.add_child(name=self.collection_name)
            CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.LOGIN
            )
            self.members_collection = collection

    def import_row(self, row):
        self.written_files = []
        collection = self.members_collection if row.members_only else self.root_collection
        page = ResourcePage.objects.child_of(self.library).filter(external_id=row.external_id).first()
        if page is None:
            if not self.dry_run:
                self._create(row, collection)
            return Outcome.CREATED
        content_changed = self._content_differs(page, row)
        if not (content_changed or self._access_differs(page, row, collection)):
            return Outcome.UNCHANGED
        if not self.dry_run:
            self._update(page, row, collection, content_changed)
        return Outcome.UPDATED

    def discard_written_files(self):
        """Delete the files stored for a row whose transaction was rolled back, which no document points to."""
        for name in self.written_files:
            ResourceDocument._meta.get_field("file").storage.delete(name)
        self.written_files = []

    def _create(self, row, collection):
        page = ResourcePage(
            external_id=row.external_id,
            slug=self._available_slug(row),
            locale=self.library.locale,
            live=False,
            **row.page_fields(),
        )
        page.tags.set(row.topics)
        page.regions.set(row.regions)
        page.files = self._file_items(self._documents(row, page, collection))
        self.library.add_child(instance=page)
        page.save_revision().publish()
        self._restrict(page, row.members_only)

    def _update(self, page, row, collection, content_changed):
        """Bring the page in line with the row; a new revision is published only if its content changed."""
        old_document_ids = [item.document_id for item in page.files.all()]
        for name, value in row.page_fields().items():
            setattr(page, name, value)
        page.tags.set(row.topics)
        page.regions.set(row.regions)
        documents = self._documents(row, page, collection)
        if [document.pk for document in documents] != old_document_ids:
            page.files = self._file_items(documents)
            content_changed = True
        if content_changed:
            page.save_revision().publish()
        self._restrict(page, row.members_only)

    def _content_differs(self, page, row):
        if any(getattr(page, name) != value for name, value in row.page_fields().items()):
            return True
        if {tag.name for tag in page.tags.all()} != set(row.topics):
            return True
        if {region.pk for region in page.regions.all()} != {region.pk for region in row.regions}:
            return True
        current = [item.document.file_hash for item in page.files.select_related("document")]
        return current != [source.sha1 for source in row.unique_files()]

    def _access_differs(self, page, row, collection):
        restrictions = PageViewRestriction.objects.filter(page=page)
        if row.members_only != restrictions.filter(restriction_type=PageViewRestriction.LOGIN).exists():
            return True
        if not row.members_only and restrictions.exists():
            return True
        collection_id = collection.pk if collection else None
        return any(item.document.collection_id != collection_id for item in page.files.select_related("document"))

    def _documents(self, row, page, collection):
        return [self._document(source, page, collection) for source in row.unique_files()]

    def _document(self, source, page, collection):
        """The document for a file: one already holding the same content if possible, else a new one.

        A document found in another collection is moved, unless other pages or modules use it too: moving it would
        change who may download it there, so this page gets a document of its own instead.
        """
        attached = {item.document_id for item in page.files.all()} if page.pk else set()
        candidates = sorted(
            ResourceDocument.objects.filter(file_hash=source.sha1),
            key=lambda document: (document.pk not in attached, document.collection_id != collection.pk, document.pk),
        )
        for document in candidates:
            if document.collection_id == collection.pk:
                return document
            if not self._used_elsewhere(document, page):
                document.collection = collection
                document.save(update_fields=["collection"])
                return document
        with source.path.open("rb") as handle:
            document = ResourceDocument(
                title=source.path.stem,
                collection=collection,
                file=File(handle, name=source.path.name),
                file_size=source.size,
                file_hash=source.sha1,
            )
            document.save()
        self.written_files.append(document.file.name)
        return document

    @staticmethod
    def _used_elsewhere(document, page):
        other_resources = ResourceFile.objects.filter(document=document)
        if page.pk:
            other_resources = other_resources.exclude(page=page)
        return other_resources.exists() or ModuleFile.objects.filter(document=document).exists()

    @staticmethod
    def _file_items(documents):
        return [ResourceFile(document=document, sort_order=order) for order, document in enumerate(documents)]

    def _available_slug(self, row):
        base = slugify(row.title)[:200].strip("-") or slugify(row.external_id)[:200].strip("-") or "resource"
        return find_available_slug(self.library, base)

    @staticmethod
    def _restrict(page, members_only):
        restrictions = PageViewRestriction.objects.filter(page=page)
        if members_only:
            if not restrictions.filter(restriction_type=PageViewRestriction.LOGIN).exists():
                PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        else:
            for restriction in restrictions:
                restriction.delete()
