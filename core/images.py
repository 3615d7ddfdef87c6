"""Wagtail's image form for the site (WAGTAILIMAGES_IMAGE_FORM_BASE). Apart from core.storage, which Wagtail's
image models load while they are defined, before forms can be."""

from wagtail.images.forms import BaseImageForm

from .storage import RefusesFilesTheDiskCannotHold


class ImageForm(RefusesFilesTheDiskCannotHold, BaseImageForm):
    """Refuses a file the disk has no room for, with a form error the editor can read."""
