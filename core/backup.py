"""Backups of the database and the uploaded files, their restore, and the check that a restored site serves.

A backup is a folder: the database (`database.dump` from pg_dump, or `database.sqlite3` through SQLite's online
backup), `media.tar.gz` (every uploaded file, image sizes included) and `manifest.json` (when, what, and the size
and SHA-256 of each file, so a restore can tell a damaged backup). It holds personal data (alumni photos, contact
details): encrypt it before it leaves the server (README, "Backups").

`verify_site` is the drill's proof: every live page answers, every document's file is there whole, every image
opens and can be resized.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import DatabaseError, connection
from django.utils import timezone

from . import content_version

DATABASE_DUMP = "database.dump"
DATABASE_SQLITE = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """What makes a backup or a restore impossible, said for the person running it."""


# --- Backup --------------------------------------------------------------------------------------------------


def _pg_environment(settings_dict):
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": settings_dict.get("HOST") or "",
            "PGPORT": str(settings_dict.get("PORT") or ""),
            "PGUSER": settings_dict.get("USER") or "",
            "PGPASSWORD": settings_dict.get("PASSWORD") or "",
            "PGDATABASE": settings_dict["NAME"],
        }
    )
    return {key: value for key, value in env.items() if value != ""}


def _run(command, env=None):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 (our own)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian: apt install postgresql-client)") from error
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
    return result


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(destination):
    """Write a backup of the database and the media folder into `destination` (a new or empty folder); a backup
    that fails leaves nothing behind."""
    destination = Path(destination)
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty: give a new folder")
    destination.mkdir(parents=True, exist_ok=True)
    os.chmod(destination, 0o700)  # personal data: the server's other users may not read it
    try:
        return _write_backup(destination)
    except BaseException:
        shutil.rmtree(destination, ignore_errors=True)
        raise


def rotate(folder, keep):
    """Delete all but the `keep` newest backups in `folder` (those `manage.py backup` named by date); returns them."""
    backups = sorted(
        path
        for path in Path(folder).iterdir()
        if path.is_dir() and (path / MANIFEST).exists() and path.name[:2] == "20"
    )
    removed = backups[: max(len(backups) - max(keep, 1), 0)]  # never the one just written
    for path in removed:
        shutil.rmtree(path)
    return removed


def _write_backup(destination):
    if connection.vendor == "postgresql":
        database = DATABASE_DUMP
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={destination / database}"],
            env=_pg_environment(connection.settings_dict),
        )
    elif connection.vendor == "sqlite":
        database = DATABASE_SQLITE
        connection.ensure_connection()
        target = sqlite3.connect(destination / database)
        with target:
            connection.connection.backup(target)
        target.close()
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported")

    media_files = 0
    media = "archive"
    if isinstance(storages["default"], FileSystemStorage):
        media_root = Path(settings.MEDIA_ROOT)
        with tarfile.open(destination / MEDIA_ARCHIVE, "w:gz") as archive:
            if media_root.is_dir():
                for path in sorted(media_root.rglob("*")):
                    if path.is_file():
                        archive.add(path, arcname=str(path.relative_to(media_root)))
                        media_files += 1
    else:
        # Object storage keeps the files: its own versioning or replication backs them up (README, "Backups").
        media = "object storage"
        with tarfile.open(destination / MEDIA_ARCHIVE, "w:gz"):
            pass

    manifest = {
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "media": media,
        "media_files": media_files,
        "files": {
            name: {"bytes": (destination / name).stat().st_size, "sha256": _sha256(destination / name)}
            for name in (database, MEDIA_ARCHIVE)
        },
    }
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2))
    for path in destination.iterdir():
        os.chmod(path, 0o600)
    return manifest


# --- Restore -------------------------------------------------------------------------------------------------


def read_manifest(source):
    """The backup's manifest, after checking that each file it lists is there, whole."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} holds no readable {MANIFEST}: is it a backup folder?") from error
    for name, expected in manifest.get("files", {}).items():
        path = source / name
        if not path.is_file() or path.stat().st_size != expected["bytes"] or _sha256(path) != expected["sha256"]:
            raise BackupError(f"{name} in {source} is missing or damaged (its size or checksum differs)")
    return manifest


def restore(source):
    """Replace the database and the media folder with the backup in `source`. Stop the site first."""
    source = Path(source)
    manifest = read_manifest(source)
    if manifest["database_vendor"] != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest['database_vendor']} database; DATABASE_URL points to {connection.vendor}"
        )
    unpack_media = manifest.get("media", "archive") == "archive"
    if unpack_media and not isinstance(storages["default"], FileSystemStorage):
        raise BackupError("The backup's files belong in a media folder, but media go to object storage here")

    if connection.vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source / DATABASE_DUMP),
            ],
            env=_pg_environment(connection.settings_dict),
        )
    else:
        connection.close()
        shutil.copyfile(source / DATABASE_SQLITE, connection.settings_dict["NAME"])
    # The restored rows were written outside Django's connection: pages and pieces kept before are out of date.
    content_version.bump()

    if unpack_media:
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / MEDIA_ARCHIVE, "r:gz") as archive:
            archive.extractall(media_root, filter="data")  # no absolute paths, links or ../ out of the folder
    return manifest


# --- The drill's proof ---------------------------------------------------------------------------------------


def verify_site():
    """Problems found serving the restored site: every live page, document and image. Returns (counts, problems)."""
    from django.test import Client
    from PIL import Image as PillowImage
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    host = next((host for host in settings.ALLOWED_HOSTS if host != "*" and not host.startswith(".")), "localhost")
    client = Client(HTTP_HOST=host, raise_request_exception=False)

    def get(url):
        return client.get(url, secure=settings.SECURE_SSL_REDIRECT)

    problems = []
    counts = {"pages": 0, "documents": 0, "images": 0}

    for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
        url = page.get_url()
        if not url:
            continue
        counts["pages"] += 1
        response = get(url)
        allowed = {200} | ({302, 403} if page.get_view_restrictions().exists() else set())
        if response.status_code not in allowed:
            problems.append(f"page {url}: HTTP {response.status_code}")

    for document in get_document_model().objects.all().iterator():
        counts["documents"] += 1
        try:
            with document.open_file() as stream:
                content = stream.read()
        except OSError as error:
            problems.append(f"document {document.pk} ({document.file.name}): {error.__class__.__name__}")
            continue
        if document.file_hash and hashlib.sha1(content).hexdigest() != document.file_hash:  # noqa: S324
            problems.append(f"document {document.pk} ({document.file.name}): the file differs from the one uploaded")

    for image in get_image_model().objects.all().iterator():
        counts["images"] += 1
        try:
            with image.open_file() as stream:
                PillowImage.open(io.BytesIO(stream.read())).verify()
            if not isinstance(storages["default"], FileSystemStorage):
                continue  # object storage may be the live site's: write no image sizes into it
            rendition = image.get_rendition("max-320x320")
        except Exception as error:  # a missing, damaged or unreadable image: reported, the check goes on
            problems.append(f"image {image.pk} ({image.file.name}): {error.__class__.__name__}: {error}")
            continue
        if settings.SERVE_MEDIA and get(rendition.url).status_code != 200:
            problems.append(f"image {image.pk}: {rendition.url} is not served")
    return counts, problems


# --- The drill -----------------------------------------------------------------------------------------------


def _database_url(settings_dict, name):
    from urllib.parse import quote

    user = quote(settings_dict.get("USER") or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{name}"


def _manage(*args, env):
    result = subprocess.run(  # noqa: S603 (manage.py of this checkout)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, (result.stdout + result.stderr).strip()


def drill(workdir):
    """Back up this site, restore the backup into a scratch database and media folder, and check there, in fresh
    processes, that every page, document and image serves. Returns (ok, report); the scratch copy is removed."""
    workdir = Path(workdir)
    backup(workdir / "backup")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE") or settings.SETTINGS_MODULE,
        "MEDIA_ROOT": str(workdir / "media"),
    }
    scratch = None
    if connection.vendor == "postgresql":
        scratch = f"{connection.settings_dict['NAME']}_drill"[:63]
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
                cursor.execute(f'CREATE DATABASE "{scratch}"')
        except DatabaseError as error:
            raise BackupError(
                f"The drill restores into a scratch database, {scratch}, which the database user may not create "
                f"({error}). Allow it once: ALTER ROLE {connection.settings_dict.get('USER') or 'your_user'} CREATEDB;"
            ) from error
        env["DATABASE_URL"] = _database_url(connection.settings_dict, scratch)
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'restored.sqlite3'}"
    try:
        code, restored = _manage("restore", str(workdir / "backup"), "--yes", env=env)
        if code:
            return False, f"restore failed: {restored}"
        code, verified = _manage("verify_site", env=env)
        return code == 0, verified
    finally:
        if scratch:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
