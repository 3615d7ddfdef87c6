"""Build the bilingual demo site: pages, news, authors, images, footer, site settings and an admin account.

Idempotent: objects are found again by stable keys (page slugs under their parent, image titles, author names,
the footer's locale), and a page gets a new revision only when its content differs from the demo content. A second
run therefore changes nothing. The texts live in `website.demo.content`, the illustrations in `website.demo.images`.
"""

import hashlib
import logging
import os
import re
import secrets
import time
from collections import Counter
from contextlib import contextmanager
from datetime import datetime
from datetime import time as dtime
from io import BytesIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ForeignKey
from django.utils import timezone
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from website.demo import content
from website.demo import images as demo_images
from website.models import Author, Footer, HomePage, NewsPageRelatedPage, SiteSettings

# The demo site answers where `make run` serves it, so full URLs (feeds, sitemap, og:url) point there.
SITE_HOST, SITE_PORT = "127.0.0.1", 8000
SITE_URL = f"http://{SITE_HOST}:{SITE_PORT}/"
ADMIN_URL = "http://127.0.0.1:8000/admin/"
PASSWORD_FILE = settings.BASE_DIR / ".demo-admin-password"
ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@example.org"
WELCOME_TITLE = "Welcome to your new Wagtail site!"
QUIET_LOGGERS = ("wagtail", "django_tasks", "modelsearch")

# Keys of a page spec that are not plain model fields.
SPECIAL_KEYS = {"slug", "authors", "tags", "related"}
REF_RE = re.compile(r"^@(page|image):([\w-]+)$")
INLINE_PAGE_REF_RE = re.compile(r'id="@page:([\w-]+)"')


def strip_block_ids(data):
    """StreamField JSON without the generated block ids, for comparing content."""
    if isinstance(data, list):
        return [strip_block_ids(item) for item in data]
    if isinstance(data, dict):
        is_block = "type" in data and "value" in data
        return {key: strip_block_ids(value) for key, value in data.items() if not (is_block and key == "id")}
    return data


def canonical_stream(stream_block, raw):
    """A StreamValue whose every block has been converted, so its JSON has one canonical form."""
    value = stream_block.to_python(raw)
    for _child in value:  # converting each child makes get_prep_value() go through the blocks
        pass
    return value


def comparable(stream_block, value):
    """The canonical JSON of a StreamField value (StreamValue or raw list) without block ids."""
    raw = value.get_prep_value() if hasattr(value, "get_prep_value") else value
    return strip_block_ids(canonical_stream(stream_block, raw).get_prep_value())


@contextmanager
def quiet_loggers(verbosity):
    """Hide the per-task and per-page INFO log lines of Wagtail and django-tasks unless -v 2 or more is given."""
    if verbosity > 1:
        yield
        return
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Create or update the bilingual demo site (Bahasa Indonesia and English). Safe to run more than once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only load the demo content when the database has no home page yet (used by make run).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        self.verbosity = options["verbosity"]
        self.stats = Counter()
        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("The database already has a site: demo content not loaded again.")
            password, password_note = self.ensure_admin()
            self.report_access(password, password_note)
            return
        with quiet_loggers(options["verbosity"]), transaction.atomic():
            self.locales = self.ensure_locales()
            self.images = self.ensure_images()
            self.authors = self.ensure_authors()
            self.pages = {}
            for spec in content.PAGES:
                self.ensure_page_exists(spec)
            for spec in content.PAGES:
                for language in ("id", "en"):
                    self.sync_page(spec, language)
            self.ensure_footers()
            self.ensure_site_settings()
        password, password_note = self.ensure_admin()
        self.report(password, password_note, time.monotonic() - started)

    # --- locales, images, authors --------------------------------------------------------------------------------

    def ensure_locales(self):
        locales = {}
        for language in (settings.LANGUAGE_CODE, "en"):
            locales[language], created = Locale.objects.get_or_create(language_code=language)
            if created:
                self.stats["locales created"] += 1
        if "id" not in locales:
            raise CommandError("The demo content expects LANGUAGE_CODE = 'id'.")
        return locales

    def ensure_images(self):
        image_model = get_image_model()
        found = {}
        for spec in content.IMAGES:
            image = image_model.objects.filter(title=spec["title"]).order_by("pk").first()
            if image is not None and image.file and image.file.storage.exists(image.file.name):
                if image.description != spec["description"]:
                    image.description = spec["description"]
                    image.save(update_fields=["description"])
                    self.stats["images updated"] += 1
                found[spec["key"]] = image
                continue
            data, extension = demo_images.render(spec)
            if image is None:
                image = image_model(title=spec["title"])
                self.stats["images created"] += 1
            else:
                # The database row survived but the file did not (e.g. a fresh MEDIA_ROOT): draw it again.
                image.renditions.all().delete()
                self.stats["image files restored"] += 1
            image.description = spec["description"]
            image.file = ImageFile(BytesIO(data), name=f"demo-{spec['key']}.{extension}")
            image.file_size = len(data)
            image.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
            image.save()
            found[spec["key"]] = image
        return found

    def ensure_authors(self):
        found = {}
        for spec in content.AUTHORS:
            wanted = {"role": spec["role"], "image": self.resolve(spec["image"], None)}
            author = Author.objects.filter(name=spec["name"]).order_by("pk").first()
            if author is None:
                author = Author.objects.create(name=spec["name"], **wanted)
                self.stats["authors created"] += 1
            elif author.role != wanted["role"] or author.image_id != wanted["image"].pk:
                author.role, author.image = wanted["role"], wanted["image"]
                author.save()
                self.stats["authors updated"] += 1
            found[spec["key"]] = author
        return found

    # --- references ----------------------------------------------------------------------------------------------

    def resolve(self, value, language, as_pk=False):
        """Replace "@page:key" / "@image:key" strings, recursively, by objects (or primary keys)."""
        if isinstance(value, list):
            return [self.resolve(item, language, as_pk) for item in value]
        if isinstance(value, tuple):
            return tuple(self.resolve(item, language, as_pk) for item in value)
        if isinstance(value, dict):
            return {key: self.resolve(item, language, as_pk) for key, item in value.items()}
        if not isinstance(value, str) or "@" not in value:
            return value
        match = REF_RE.match(value)
        if match:
            kind, key = match.groups()
            obj = self.pages[(key, language)] if kind == "page" else self.images[key]
            return obj.pk if as_pk else obj
        return INLINE_PAGE_REF_RE.sub(lambda m: f'id="{self.pages[(m.group(1), language)].pk}"', value)

    # --- pages: phase 1, make sure every page exists -----------------------------------------------------------

    def ensure_page_exists(self, spec):
        model = apps.get_model("website", spec["model"])
        original = spec["id"]
        if spec["parent"] is None:
            page = self.find_home_page()
            if page is None:
                root = Page.get_first_root_node()
                page = self.create_draft(root, model, spec)
            self.point_site_at(page)
            self.remove_welcome_page()
        else:
            parent = self.pages[(spec["parent"], "id")]
            existing = Page.objects.child_of(parent).filter(slug=original["slug"]).first()
            if existing is None:
                page = self.create_draft(parent, model, spec)
            elif existing.specific_class is not model:
                raise CommandError(
                    f"{parent.url_path}{original['slug']}/ exists but is a {existing.specific_class.__name__}, "
                    f"not a {model.__name__}; move or rename it and run the command again."
                )
            else:
                page = existing.specific
        self.pages[(spec["key"], "id")] = page

        translation = page.get_translation_or_none(self.locales["en"])
        if translation is None:
            # The parent's translation exists already (specs are in tree order), so the copy lands under it.
            translation = page.copy_for_translation(self.locales["en"]).specific
            self.give_translation_its_slug(translation, spec["en"]["slug"])
            self.stats["pages translated"] += 1
        self.pages[(spec["key"], "en")] = translation.specific

    def give_translation_its_slug(self, translation, slug):
        """Rename a fresh, unpublished, childless copy to its English slug before anything links to it.

        The copy starts with the Indonesian slug ("-en" appended at the top level). Changing it through save()
        would make wagtail.contrib.redirects create redirects from the never-published Indonesian-looking URL,
        so the row is updated directly; phase 2 then publishes a revision that carries the same slug.
        """
        slug = self.usable_slug(translation, slug)
        if translation.slug == slug:
            return
        translation.slug = slug
        translation.set_url_path(translation.get_parent())
        Page.objects.filter(pk=translation.pk).update(slug=translation.slug, url_path=translation.url_path)

    def create_draft(self, parent, model, spec):
        """An unpublished page with just enough fields to be valid; phase 2 fills in the rest and publishes it."""
        fields = {
            name: value
            for name, value in {**spec["shared"], **spec["id"]}.items()
            if name not in SPECIAL_KEYS and not self.is_reference_or_stream(model, name, value)
        }
        fields["slug"] = find_available_slug(parent, spec["id"]["slug"])
        page = model(locale=self.locales["id"], live=False, **fields)
        parent.add_child(instance=page)
        self.stats["pages created"] += 1
        return page

    @staticmethod
    def is_reference_or_stream(model, name, value):
        field = model._meta.get_field(name)
        return isinstance(field, (ForeignKey, StreamField)) or (isinstance(value, str) and value.startswith("@"))

    def find_home_page(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is not None:
            root = site.root_page.specific
            if isinstance(root, HomePage) and root.locale_id == self.locales["id"].pk:
                return root
        return HomePage.objects.filter(depth=2, locale=self.locales["id"]).order_by("path").first()

    def point_site_at(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.filter(hostname=SITE_HOST, port=SITE_PORT).first()
        if site is None:
            Site.objects.create(
                hostname=SITE_HOST, port=SITE_PORT, root_page=home, is_default_site=True, site_name=content.SITE_NAME
            )
            self.stats["sites created"] += 1
            return
        wanted = (home.pk, content.SITE_NAME, True, SITE_HOST, SITE_PORT)
        if (site.root_page_id, site.site_name, site.is_default_site, site.hostname, site.port) != wanted:
            site.root_page, site.site_name, site.is_default_site = home, content.SITE_NAME, True
            site.hostname, site.port = SITE_HOST, SITE_PORT
            site.save()
            self.stats["sites updated"] += 1

    def remove_welcome_page(self):
        """Delete Wagtail's initial "Welcome to your new Wagtail site!" page, if it is untouched."""
        plain_page = ContentType.objects.get_for_model(Page)
        for page in Page.objects.filter(depth=2, content_type=plain_page, title=WELCOME_TITLE):
            if page.get_children_count() == 0 and not Site.objects.filter(root_page=page).exists():
                page.delete()
                self.stats["welcome page removed"] += 1

    # --- pages: phase 2, bring the content up to date and publish -----------------------------------------------

    def sync_page(self, spec, language):
        page = self.pages[(spec["key"], language)]
        page = type(page).objects.get(pk=page.pk)  # fresh copy: phase 1 may have changed the tree
        model = type(page)
        wanted = {**spec["shared"], **spec[language]}
        changed = []

        slug = self.usable_slug(page, wanted["slug"])
        if page.slug != slug:
            page.slug = slug
            changed.append("slug")

        for name, value in wanted.items():
            if name in SPECIAL_KEYS:
                continue
            field = model._meta.get_field(name)
            if isinstance(field, StreamField):
                stream_block = field.stream_block
                new_value = canonical_stream(stream_block, self.resolve(value, language, as_pk=True))
                self.validate_stream(stream_block, new_value, spec, language, name)
                if comparable(stream_block, getattr(page, name)) != comparable(stream_block, new_value):
                    setattr(page, name, new_value)
                    changed.append(name)
            elif isinstance(field, ForeignKey):
                target = self.resolve(value, language)
                if getattr(page, field.attname) != (target.pk if target else None):
                    setattr(page, name, target)
                    changed.append(name)
            else:
                value = self.resolve(value, language)
                if getattr(page, name) != value:
                    setattr(page, name, value)
                    changed.append(name)

        if "authors" in wanted:
            authors = [self.authors[key] for key in wanted["authors"]]
            if {a.pk for a in page.authors.all()} != {a.pk for a in authors}:
                page.authors.set(authors)
                changed.append("authors")
        if "tags" in wanted and set(page.tags.names()) != set(wanted["tags"]):
            page.tags.set(wanted["tags"])
            changed.append("tags")
        if "related" in wanted:
            related_ids = [self.pages[(key, language)].pk for key in wanted["related"]]
            if [item.related_id for item in page.related_pages.all()] != related_ids:
                page.related_pages = [
                    NewsPageRelatedPage(related_id=pk, sort_order=index) for index, pk in enumerate(related_ids)
                ]
                changed.append("related pages")

        if not changed and page.live:
            self.pages[(spec["key"], language)] = page
            return

        if self.verbosity > 1:
            self.stdout.write(f"  {spec['key']} ({language}): {', '.join(changed) or 'not live yet'}")
        if page.first_published_at is None and "date" in wanted:
            # Back-date new articles, so feeds and "published" dates agree with the article date.
            page.first_published_at = timezone.make_aware(datetime.combine(wanted["date"], dtime(9, 0)))
        try:
            revision = page.save_revision(log_action=True)
        except ValidationError as error:
            raise CommandError(f"Demo page {spec['key']!r} ({language}) is invalid: {error}") from error
        revision.publish()
        self.stats["pages published" if not page.live else "pages updated"] += 1
        self.pages[(spec["key"], language)] = type(page).objects.get(pk=page.pk)

    def usable_slug(self, page, slug):
        """The wanted slug, unless another page under the same parent already has it."""
        parent = page.get_parent()
        if parent.get_children().filter(slug=slug).exclude(pk=page.pk).exists():
            return page.slug
        return slug

    @staticmethod
    def validate_stream(stream_block, value, spec, language, name):
        try:
            stream_block.clean(value)
        except ValidationError as error:
            raise CommandError(f"Demo page {spec['key']!r} ({language}): invalid {name}: {error}") from error

    # --- footer and settings -----------------------------------------------------------------------------------

    def ensure_footers(self):
        id_locale, en_locale = self.locales["id"], self.locales["en"]
        footer = Footer.objects.filter(locale=id_locale).order_by("pk").first()
        if footer is None:
            footer = Footer(locale=id_locale)
        self.save_footer(footer, "id")

        translation = (
            Footer.objects.filter(locale=en_locale, translation_key=footer.translation_key).first()
            or Footer.objects.filter(locale=en_locale).order_by("pk").first()
        )
        if translation is None:
            translation = footer.copy_for_translation(en_locale)  # unsaved, same translation_key
        self.save_footer(translation, "en")

    def save_footer(self, footer, language):
        wanted = content.FOOTER[language]
        stream_block = Footer._meta.get_field("links").stream_block
        links = canonical_stream(
            stream_block, [{"type": "link", "value": link} for link in self.resolve(wanted["links"], language, True)]
        )
        stream_block.clean(links)
        is_new = footer.pk is None
        same_links = comparable(stream_block, footer.links) == comparable(stream_block, links)
        if not is_new and footer.text == wanted["text"] and same_links:
            return
        footer.text = wanted["text"]
        footer.links = links
        footer.save()
        self.stats["footers created" if is_new else "footers updated"] += 1

    def ensure_site_settings(self):
        site = Site.objects.get(is_default_site=True)
        site_settings = SiteSettings.for_site(site)
        wanted = content.SITE_SETTINGS
        changed = False
        for name in ("contact_email", "contact_phone", "address"):
            if getattr(site_settings, name) != wanted[name]:
                setattr(site_settings, name, wanted[name])
                changed = True
        for name, block_type in (("social_links", "link"), ("partner_logos", "partner")):
            stream_block = SiteSettings._meta.get_field(name).stream_block
            value = canonical_stream(
                stream_block,
                [{"type": block_type, "value": item} for item in self.resolve(wanted[name], None, as_pk=True)],
            )
            stream_block.clean(value)
            if comparable(stream_block, getattr(site_settings, name)) != comparable(stream_block, value):
                setattr(site_settings, name, value)
                changed = True
        if changed:
            site_settings.save()
            self.stats["site settings updated"] += 1

    # --- admin account and report ------------------------------------------------------------------------------

    def ensure_admin(self):
        """Returns (password to show or None, note)."""
        user_model = get_user_model()
        from_env = os.environ.get("DEMO_ADMIN_PASSWORD") or None
        user = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            password = from_env or secrets.token_urlsafe(12)
            user_model.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, password)
            self.stats["admin user created"] += 1
            if not from_env:
                # Kept beside the development database (git-ignored) so later `make run`s can show it again.
                PASSWORD_FILE.write_text(password + "\n")
                PASSWORD_FILE.chmod(0o600)
            return password, "new account"
        if from_env:
            if not user.check_password(from_env):
                user.set_password(from_env)
                user.save(update_fields=["password"])
                self.stats["admin password reset"] += 1
                return from_env, "reset from DEMO_ADMIN_PASSWORD"
            return from_env, "from DEMO_ADMIN_PASSWORD"
        if PASSWORD_FILE.exists():
            saved = PASSWORD_FILE.read_text().strip()
            if user.check_password(saved):
                return saved, f"generated on first load, kept in {PASSWORD_FILE.name}"
        return None, "unchanged (set DEMO_ADMIN_PASSWORD and re-run to reset)"

    def report(self, password, password_note, seconds):
        id_home = self.pages[("home", "id")]
        if self.stats:
            for label, count in sorted(self.stats.items()):
                self.stdout.write(f"  {label}: {count}")
        else:
            self.stdout.write("  Nothing to change: the demo content is already up to date.")
        news_count = sum(1 for spec in content.PAGES if spec["model"] == "NewsPage")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo site ready in {seconds:.1f} s: {len(content.PAGES)} pages per language "
                f"({news_count} news articles), home page {id_home.title!r}."
            )
        )
        self.report_access(password, password_note)

    def report_access(self, password, password_note):
        self.stdout.write(f"Site:     {SITE_URL}")
        self.stdout.write(f"Admin:    {ADMIN_URL}")
        self.stdout.write(f"Username: {ADMIN_USERNAME}")
        if password:
            self.stdout.write(f"Password: {password} ({password_note})")
        else:
            self.stdout.write(f"Password: {password_note}")
