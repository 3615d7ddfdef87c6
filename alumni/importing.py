"""Import of an alumni roster as hidden, unclaimed profiles; used by `manage.py import_alumni` and the admin.

Columns: external_id, full_name, email, cohort, year, regency, province, sector, organisation, topics (topics
separated by semicolons). A CSV file (UTF-8, comma- or semicolon-delimited as Excel writes it in an Indonesian
locale), a JSON Lines file or an Excel workbook (.xlsx): see `core.importing`.

As with the resource import (`resources.importing`; what both share is in `core.importing`), every row is checked
before anything is written and every problem is reported with its line number; a bad row changes nothing, good rows
are imported each in a transaction of its own, and rows are matched to profiles by `external_id`, so a second run of
the same file changes nothing. A dry run writes nothing at all.

What an import may change:
- New profiles are created hidden and without consent: only their owner can make them visible, after claiming.
- An unclaimed profile is brought in line with the roster; an empty cell leaves the field as it is. Cohorts and
  organisations are added, never removed: a person may be on several rosters, and staff may have added more.
- Organisations a roster names that the directory does not have yet are created unpublished: for a small community,
  that its people took the course is the sensitive fact. Staff publish them; the report says how many wait.
- A row of a person erased at their request (matched by the keyed hash of their e-mail address or roster id, see
  `alumni.erasure`) creates and changes nothing, and is reported as such.
- A claimed profile belongs to its owner: the import only adds the cohort (a fact staff keep), never touches the
  name, e-mail, region, sector, organisations or topics the person manages.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext

from core.importing import (
    ImportResult,
    Outcome,
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

from .erasure import was_erased
from .models import AuditLog, Cohort, Membership, Organisation, Profile, Sector

COLUMNS = (
    "external_id",
    "full_name",
    "email",
    "cohort",
    "year",
    "regency",
    "province",
    "sector",
    "organisation",
    "topics",
)
REQUIRED_COLUMNS = ("external_id", "full_name")
MAX_BYTES = 2 * 1024 * 1024
FIRST_COHORT_YEAR = 2000
# "Kab. Lebak", "KAB LEBAK", "Kota. Serang", "Provinsi Banten": the first word as people abbreviate it.
REGION_ABBREVIATIONS = {"kab.": "kabupaten", "kab": "kabupaten", "kota.": "kota", "prov.": "", "provinsi": ""}


@dataclass
class RosterRow:
    """A checked row, ready to be imported."""

    line: int
    external_id: str
    full_name: str
    email: str
    cohort: tuple[str, int] | None  # (name, year)
    regency: object
    province: object
    sector: str
    organisation: str
    topics: list[str]


def import_roster_file(path, **kwargs):
    """`import_roster` of a file on disk (the management command)."""
    return import_roster(read_table_file(path, COLUMNS, REQUIRED_COLUMNS, max_bytes=MAX_BYTES), str(path), **kwargs)


def import_roster_data(data, name, **kwargs):
    """`import_roster` of an uploaded file's bytes (the admin)."""
    return import_roster(read_table(data, name, COLUMNS, REQUIRED_COLUMNS, max_bytes=MAX_BYTES), name, **kwargs)


def import_roster(records, source, *, dry_run=False, user=None):
    """Check every record of a roster, then import the good ones; see the module docstring.

    Reading the file raises `core.importing.TableError` when it cannot be read as a whole.
    """
    rows, errors = RowChecker().check_all(records)
    result = ImportResult(dry_run=dry_run, errors=errors)
    importer = _Importer(dry_run=dry_run)
    with dry_run_guard(dry_run):
        import_rows(rows, importer.import_row, result)
    if importer.new_organisations:
        count = len(importer.new_organisations)
        result.notes.append(
            ngettext(
                "%(count)d new organisation, unpublished until staff publish it.",
                "%(count)d new organisations, unpublished until staff publish them.",
                count,
            )
            % {"count": count}
        )
    if not dry_run:
        detail = (
            f"{source}: {result.created} created, {result.updated} updated, {result.unchanged} unchanged, "
            f"{result.rejected} rejected"
        )
        if result.count(Outcome.ERASED):
            detail += f", {result.count(Outcome.ERASED)} erased"
        if importer.new_organisations:
            detail += f", {len(importer.new_organisations)} new organisations unpublished"
        # A long file name is cut at the front: the counts matter more.
        limit = AuditLog._meta.get_field("detail").max_length
        AuditLog.objects.create(user=user, action=AuditLog.Action.IMPORT, detail=detail[-limit:])
    return result


# --- Checking ------------------------------------------------------------------------------------


class RowChecker:
    """Turns records into RosterRows, or into RowErrors listing every problem of the row."""

    def __init__(self):
        self.full_region_names, self.short_region_names = region_lookups()
        self.sectors = _sector_lookup()
        self.topic_names = TopicNames()
        field_length = {
            name: Profile._meta.get_field(name).max_length for name in ("external_id", "full_name", "email")
        }
        self.max_length = field_length | {
            "cohort": Cohort._meta.get_field("name").max_length,
            "organisation": Organisation._meta.get_field("name").max_length,
        }

    def check_all(self, records):
        problems = {record.line: list(record.problems) for record in records}
        checked, lines_by_id = {}, defaultdict(list)
        for record in records:
            if record.values is None:  # a JSON Lines line that is not an object: its problem is recorded
                continue
            row = self.check(record, problems[record.line])
            checked[record.line] = row
            if row.external_id:
                lines_by_id[row.external_id].append(record.line)
        flag_repeated_ids(lines_by_id, problems)
        return rows_and_errors(checked, problems)

    def check(self, record, problems):
        """The record as a RosterRow; its problems, in column order, are added to `problems`."""
        values = record.values
        external_id = self._required(values, "external_id", problems)
        full_name = " ".join(self._required(values, "full_name", problems).split())
        email = self._email(values, problems)
        cohort = self._cohort(values, problems)
        regency = self._region(cell_text(values, "regency", problems), "regency", {"regency", "city"}, problems)
        province = self._region(cell_text(values, "province", problems), "province", {"province"}, problems)
        if regency and province and regency.province_id != province.pk:
            problems.append(
                gettext('regency "%(regency)s" is not in province "%(province)s"')
                % {"regency": regency, "province": province}
            )
        return RosterRow(
            line=record.line,
            external_id=external_id,
            full_name=full_name,
            email=email,
            cohort=cohort,
            regency=regency,
            province=province or (regency.province if regency else None),
            sector=self._sector(cell_text(values, "sector", problems), problems),
            organisation=" ".join(self._limited(values, "organisation", problems).split()),
            topics=self.topic_names.check(cell_items(values, "topics", problems), problems),
        )

    def _limited(self, values, name, problems):
        return limited_text(values, name, self.max_length[name], problems)

    def _required(self, values, name, problems):
        return required_text(values, name, self.max_length[name], problems)

    def _email(self, values, problems):
        email = self._limited(values, "email", problems)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(gettext('email "%(value)s" is not a valid e-mail address') % {"value": email})
        return email

    def _cohort(self, values, problems):
        name = " ".join(self._limited(values, "cohort", problems).split())
        year = cell_text(values, "year", problems)
        if not name and not year:
            return None
        if not name:
            problems.append(gettext("year is given without a cohort"))
            return None
        last_year = timezone.localdate().year + 1
        if not (year.isascii() and year.isdigit()) or not FIRST_COHORT_YEAR <= int(year) <= last_year:
            problems.append(
                gettext('year "%(value)s" is not a year between %(first)d and %(last)d')
                % {"value": year, "first": FIRST_COHORT_YEAR, "last": last_year}
            )
            return None
        return name, int(year)

    def _region(self, value, column, kinds, problems):
        if not value:
            return None
        words = " ".join(value.replace(".", ". ").split()).casefold().split(" ")
        words[0] = REGION_ABBREVIATIONS.get(words[0], words[0])
        key = " ".join(word for word in words if word)
        region = self.full_region_names.get(key)
        candidates = [] if region else [r for r in self.short_region_names.get(key, []) if r.kind in kinds]
        if region is None and len(candidates) == 1:
            region = candidates[0]
        if region is not None and region.kind in kinds:
            return region
        if len(candidates) > 1:
            problems.append(
                gettext('%(field)s "%(value)s" is ambiguous (%(candidates)s)')
                % {"field": column, "value": value, "candidates": ", ".join(sorted(str(r) for r in candidates))}
            )
        else:
            problems.append(gettext('%(field)s "%(value)s" is unknown') % {"field": column, "value": value})
        return None

    def _sector(self, value, problems):
        if not value:
            return ""
        sector = self.sectors.get(" ".join(value.split()).casefold())
        if sector is None:
            problems.append(
                gettext('sector "%(value)s" is unknown (known: %(known)s)')
                % {"value": value, "known": ", ".join(Sector.values)}
            )
            return ""
        return sector


def _sector_lookup():
    """Sectors by value and by their English and Indonesian labels, case-insensitively."""
    lookup = {}
    for language in ("en", "id"):
        with translation.override(language):
            lookup |= {str(label).casefold(): value for value, label in Sector.choices}
    return lookup | {value.casefold(): value for value in Sector.values}


# --- Importing -----------------------------------------------------------------------------------


class _Importer:
    """Creates or updates the profile of each checked row; in a dry run only works out what it would do."""

    def __init__(self, *, dry_run):
        self.dry_run = dry_run
        self.new_organisations = set()  # names, case-folded

    def import_row(self, row):
        if was_erased(row.email, row.external_id):
            return Outcome.ERASED
        profile = Profile.objects.filter(external_id=row.external_id).select_related("user").first()
        if profile is None:
            self._note_new_organisation(row.organisation)
            if not self.dry_run:
                self._create(row)
            return Outcome.CREATED
        cohort = self._cohort(row.cohort)
        changes = self._owned_changes(profile, row) if not profile.is_claimed else {}
        new_cohort = bool(row.cohort) and (cohort is None or not profile.cohorts.filter(pk=cohort.pk).exists())
        new_membership = (
            bool(row.organisation) and not profile.is_claimed and not self._member(profile, row.organisation)
        )
        if not (changes or new_cohort or new_membership):
            return Outcome.UNCHANGED
        if new_membership:
            self._note_new_organisation(row.organisation)
        if not self.dry_run:
            topics = changes.pop("topics", None)
            for name, value in changes.items():
                setattr(profile, name, value)
            if topics is not None:
                profile.topics.set(topics)
            if new_cohort:
                profile.cohorts.add(cohort or self._create_cohort(*row.cohort))
            profile.save()
            if new_membership:
                self._add_membership(profile, row.organisation)
        return Outcome.UPDATED

    def _create(self, row):
        profile = Profile(
            external_id=row.external_id,
            full_name=row.full_name,
            display_name=row.full_name,
            email=row.email,
            regency=row.regency,
            province=row.province,
            sector=row.sector,
        )
        # Topics and cohorts are cluster relations: kept in memory, written with the profile by save().
        profile.topics.set(row.topics)
        if row.cohort:
            profile.cohorts = [self._cohort(row.cohort) or self._create_cohort(*row.cohort)]
        profile.save()
        if row.organisation:
            self._add_membership(profile, row.organisation)

    @staticmethod
    def _owned_changes(profile, row):
        """The roster's values that differ from an unclaimed profile's; empty cells change nothing."""
        wanted = {
            "full_name": row.full_name,
            "email": row.email,
            "regency_id": row.regency.pk if row.regency else None,
            "province_id": row.province.pk if row.province else None,
            "sector": row.sector,
        }
        if profile.display_name == profile.full_name:
            wanted["display_name"] = row.full_name
        changes = {name: value for name, value in wanted.items() if value and getattr(profile, name) != value}
        current_topics = {tag.name.casefold() for tag in profile.topics.all()}
        if row.topics and current_topics != {topic.casefold() for topic in row.topics}:
            changes["topics"] = row.topics
        return changes

    @staticmethod
    def _cohort(cohort):
        if not cohort:
            return None
        name, year = cohort
        return Cohort.objects.filter(name__iexact=name, year=year).order_by("pk").first()

    @staticmethod
    def _create_cohort(name, year):
        base = slugify(name)[:140] or "angkatan"
        slug = base if not Cohort.objects.filter(slug=base).exists() else f"{base}-{year}"
        number = 2
        while Cohort.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{year}-{number}", number + 1
        return Cohort.objects.create(name=name, year=year, slug=slug)

    @staticmethod
    def _member(profile, organisation_name):
        return profile.memberships.filter(organisation__name__iexact=organisation_name).exists()

    def _note_new_organisation(self, name):
        if name and not Organisation.objects.filter(name__iexact=name).exists():
            self.new_organisations.add(name.casefold())

    @staticmethod
    def _add_membership(profile, organisation_name):
        organisation = Organisation.objects.filter(name__iexact=organisation_name).order_by("pk").first()
        if organisation is None:
            organisation = Organisation.objects.create(name=organisation_name, published=False)
        Membership.objects.create(profile=profile, organisation=organisation)
