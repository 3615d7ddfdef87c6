"""Uploaded images: Wagtail's image form for the site (WAGTAILIMAGES_IMAGE_FORM_BASE), and `strip_metadata`, which
the alumni photo form uses too. Apart from core.storage, which Wagtail's image models load while they are defined,
before forms can be.

Photos from phones carry where and when they were taken (GPS EXIF), the camera and its owner's name: every uploaded
image is re-encoded without that metadata, with its orientation applied and its colour profile kept, before it is
stored. Renditions are made from the stored original, so they carry none either. For images uploaded before this,
`manage.py strip_image_metadata`.
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

# Formats re-encoded without their metadata; GIFs (animated, no EXIF) are only checked to be readable.
REENCODED = {"JPEG", "PNG", "WEBP", "TIFF"}
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
    and format; a vector image (SVG) is returned as it is. An image Pillow cannot read raises a translated
    ValidationError."""
    name = PurePosixPath(getattr(file, "name", "") or "image").name
    if name.lower().endswith(".svg"):
        return file
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image.load()
                image_format = image.format
                if image_format not in REENCODED:
                    file.seek(0)
                    return file
                icc_profile = image.info.get("icc_profile")
                upright = ImageOps.exif_transpose(image)
                clean = upright.copy()
                # Pillow writes only what it is given (and `info` for a few formats): keep nothing but transparency.
                clean.info = {key: value for key, value in upright.info.items() if key == "transparency"}
    except READ_ERRORS as error:
        raise ValidationError(UNREADABLE, code="unreadable_image") from error
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        options.update(quality=92, optimize=True)
    elif image_format == "WEBP":
        options.update(quality=90)
    if "transparency" in clean.info:
        options["transparency"] = clean.info["transparency"]
    output = io.BytesIO()
    clean.save(output, image_format, **options)
    content_type = getattr(file, "content_type", None) or Image.MIME.get(image_format, "application/octet-stream")
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


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
