"""Profile photos: checked by content, re-encoded without metadata, served only to the audience the owner chose.

A photo never has a public media URL: files live under media/alumni-photos/, which the web server does not serve,
and reach browsers only through the view `alumni.views.directory.photo`, which asks `alumni.policy.photo_visible_to`
first.
"""

import io
import logging
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .models import Profile

logger = logging.getLogger(__name__)

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"


def process_photo(upload):
    """Validate an uploaded photo and return it as a resized JPEG without EXIF/GPS, or raise ValidationError."""
    max_mb = settings.ALUMNI_PHOTO_MAX_UPLOAD_MB
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(_("The photo is too large: at most %(mb)s MB."), code="too_large", params={"mb": max_mb})
    too_many_pixels = ValidationError(
        _("The photo has too many pixels: at most %(megapixels)s megapixels."),
        code="too_many_pixels",
        params={"megapixels": settings.ALUMNI_PHOTO_MAX_PIXELS // 1_000_000},
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as image:
                if image.format not in ACCEPTED_FORMATS:
                    raise ValidationError(_("Upload a JPEG, PNG or WebP photo."), code="format")
                # The header gives the size before any pixel is decoded: a decompression bomb stops here.
                if image.width * image.height > settings.ALUMNI_PHOTO_MAX_PIXELS:
                    raise too_many_pixels
                image.load()
                photo = _flatten(ImageOps.exif_transpose(image))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("This file is not a photo we can read. Upload a JPEG, PNG or WebP photo."), code="invalid"
        ) from None
    size = settings.ALUMNI_PHOTO_SIZE
    photo.thumbnail((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=85, optimize=True)  # no exif= and no icc_profile=: metadata is dropped
    return ContentFile(buffer.getvalue(), name="photo.jpg")


def _flatten(image):
    """An RGB copy with transparency painted white; the copy carries no metadata of the upload."""
    if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    flat = Image.new("RGB", image.size)
    flat.paste(image.convert("RGB"))
    return flat


def replace_photo(profile, content):
    """Store a processed photo under a new random name; returns the old file name for the caller to delete."""
    old_name = profile.photo.name
    profile.photo.save("photo.jpg", content, save=False)
    return old_name


def remove_photo(profile):
    old_name = profile.photo.name
    profile.photo = ""
    return old_name


def delete_file(name):
    """Delete a photo file; a storage that fails just now is logged (the file is then an orphan to clean up), never
    raised: the profile change that made the file unneeded is already saved."""
    if not name:
        return
    try:
        Profile._meta.get_field("photo").storage.delete(name)
    except OSError:
        logger.exception("The old photo file %s could not be deleted", name)
