"""Uploaded images: Wagtail's image form for the site (WAGTAILIMAGES_IMAGE_FORM_BASE), and `strip_metadata`, which
the alumni photo form uses too. Apart from core.storage, which Wagtail's image models load while they are defined,
before forms can be.

Photos from phones carry where and when they were taken (GPS EXIF), the camera and its owner's name: every uploaded
raster image (JPEG, PNG, GIF, WebP, AVIF...) is re-encoded without that metadata, with its orientation applied and its
colour profile kept, before it is stored. Renditions are made from the stored original, so they carry none either.
For images uploaded before this, `manage.py strip_image_metadata`.
"""

import io
import warnings
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.models import AbstractImage

from .storage import RefusesFilesTheDiskCannotHold

# Kept from an image's own information when it is re-encoded: how it looks and moves, nothing about who made it.
KEPT_INFO = {"transparency", "duration", "loop", "background"}
UNREADABLE = _("This file is not an image that can be read. Please upload a JPEG, PNG, GIF or WebP image.")
# What Pillow raises for a file it cannot read, whatever its first bytes claim.
READ_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)


def strip_metadata(file):
    """`file` (an uploaded image) re-encoded without EXIF, XMP or comments, as a new uploaded file of the same name
    and format; a vector image (SVG) is returned as it is. Every raster format is re-encoded (JPEG, PNG, GIF, WebP,
    AVIF, TIFF, and HEIF where Pillow can write it), an animated GIF with all its frames. An image Pillow cannot read,
    or could read but not write again, raises a translated ValidationError."""
    name = PurePosixPath(getattr(file, "name", "") or "image").name
    if name.lower().endswith(".svg"):
        return file
    file.seek(0)
    output = io.BytesIO()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image.load()
                image_format = image.format
                if image_format not in Image.SAVE:
                    raise ValidationError(UNREADABLE, code="unreadable_image")
                _save_without_metadata(image, image_format, output)
    except READ_ERRORS as error:
        raise ValidationError(UNREADABLE, code="unreadable_image") from error
    content_type = getattr(file, "content_type", None) or Image.MIME.get(image_format, "application/octet-stream")
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


def _save_without_metadata(image, image_format, output):
    # Pillow writes only what it is given (and `info` for a few formats): keep nothing but KEPT_INFO.
    kept = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    if image_format == "GIF":
        # The GIF writer reads every frame from the open image; comments and XMP are not written back.
        image.info = kept
        image.save(output, "GIF", save_all=True)
        return
    icc_profile = image.info.get("icc_profile")
    clean = ImageOps.exif_transpose(image).copy()
    clean.info = {key: value for key, value in kept.items() if key == "transparency"}
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        options.update(quality=92, optimize=True)
    elif image_format in ("WEBP", "AVIF", "HEIF"):
        if image_format != "WEBP" and clean.mode not in ("RGB", "RGBA"):
            clean = clean.convert("RGBA" if "A" in clean.getbands() or "transparency" in clean.info else "RGB")
        options.update(quality=90)
    if "transparency" in clean.info:
        options["transparency"] = clean.info["transparency"]
    clean.save(output, image_format, **options)


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, answering a file whose first bytes claim an image Pillow cannot read (e.g. "GIF89a"
    and garbage) with a form error instead of a server error."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except READ_ERRORS as error:
            raise ValidationError(UNREADABLE, code="unreadable_image") from error


class ImageForm(RefusesFilesTheDiskCannotHold, BaseImageForm):
    """Refuses a file the disk has no room for or that is not a readable image, with a form error the editor can
    read, and stores the image without its metadata."""

    file = ReadableImageField(label=capfirst(AbstractImage._meta.get_field("file").verbose_name))

    def clean_file(self):
        file = super().clean_file()
        if not file or not hasattr(file, "read"):
            return file
        return strip_metadata(file)
