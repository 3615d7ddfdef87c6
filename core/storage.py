"""Uploaded files on a disk that can fill up.

`MediaStorage` (the site's default storage) never leaves a truncated or empty file behind: when a write fails for
lack of space it removes what it wrote and raises `StorageFull`. Forms check the free space first
(`check_free_space`), so in the usual case an editor or member gets a translated form error and keeps what they
typed; a write that fails anyway (or a large upload spooled to a full temporary folder) gets a translated 507 page
from the site's error handler (core.errors). A rendition that cannot be
written makes `{% image %}` draw an empty image (StorageFull is a SourceImageIOError for that reason): the page is
served all the same.
"""

import contextlib
import errno
import os
import shutil

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import SourceImageIOError

NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class StorageFull(SourceImageIOError):
    """A file could not be written whole for lack of space; nothing of it was kept."""


def is_disk_full(error):
    """StorageFull, or any write that failed for lack of space (e.g. Django spooling a large upload to a temp file)."""
    return isinstance(error, StorageFull) or (isinstance(error, OSError) and error.errno in NO_SPACE)


def storage_full_response():
    """The translated 507 page; static, so it renders whatever else is failing."""
    from django.http import HttpResponse
    from django.template import loader

    return HttpResponse(loader.get_template("core/storage_full.html").render(), status=507)


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.exists(path)  # then FileSystemStorage writes under another name: never touch this one
        try:
            return super()._save(name, content)
        except OSError as error:
            if error.errno not in NO_SPACE:
                raise
            # FileSystemStorage creates the file exclusively: what is there now is our partial write.
            if not existed:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)
            raise StorageFull(f"No space left to store {name}") from error


class TemporaryUploadHandler(TemporaryFileUploadHandler):
    """Django's handler for large uploads (spooled to FILE_UPLOAD_TEMP_DIR), deleting its half-written temporary file
    at once when the disk fills, instead of whenever the failed request is garbage-collected."""

    def receive_data_chunk(self, raw_data, start):
        try:
            return super().receive_data_chunk(raw_data, start)
        except OSError:
            self.file.close()  # a NamedTemporaryFile: closing deletes it
            raise


class RefusesFilesTheDiskCannotHold:
    """For upload forms with a `file` field (Wagtail's image and document forms): `check_free_space` on it."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        check_free_space(file)
        return file


def free_bytes(path=None):
    """Free space where media files go (or None when that cannot be told, e.g. object storage)."""
    if path is None:
        if not isinstance(storages["default"], FileSystemStorage):
            return None  # object storage does not fill up
        path = settings.MEDIA_ROOT
    while path and not os.path.exists(path):
        path = os.path.dirname(path)
    try:
        return shutil.disk_usage(path).free
    except (OSError, TypeError):
        return None


def check_free_space(upload):
    """Form validation: refuse an upload the disk cannot hold, with room to spare (MEDIA_RESERVE_MB) for image
    sizes and the database."""
    if not upload:
        return
    free = free_bytes()
    reserve = settings.MEDIA_RESERVE_MB * 1024 * 1024
    if free is not None and free < getattr(upload, "size", 0) + reserve:
        raise ValidationError(
            _(
                "The server has no room for this file just now: the disk is full. Nothing was saved. Please tell "
                "the site's team; you can send the file again once they have made room."
            ),
            code="storage_full",
        )
