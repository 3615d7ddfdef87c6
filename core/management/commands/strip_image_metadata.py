"""Re-encode the originals of images uploaded before metadata was stripped at upload (core.images)."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.utils.translation import gettext
from wagtail.images import get_image_model

from core.images import strip_metadata


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Remove EXIF/GPS and other metadata from the originals of all uploaded images, in place, and delete their "
            "image sizes (made again without metadata when next shown). Safe to run again."
        )

    def handle(self, *args, **options):
        stripped = failed = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                with image.open_file() as handle:
                    clean = strip_metadata(handle)
                    if clean is handle:  # SVG, GIF: nothing to strip
                        continue
                    content = clean.read()
            except (OSError, ValidationError) as error:
                failed += 1
                message = gettext("Image %(id)s could not be read: %(error)s") % {"id": image.pk, "error": error}
                self.stderr.write(message)
                continue
            storage = image.file.storage
            name = image.file.name
            for rendition in image.renditions.all():
                rendition.delete()  # its file too
            storage.delete(name)
            image.file.name = storage.save(name, ContentFile(content, name=name))
            image.file_size = len(content)
            image.file_hash = ""
            image._set_file_hash()
            image.save(update_fields=["file", "file_size", "file_hash"])
            stripped += 1
        summary = gettext("Stripped: %(stripped)d images; unreadable: %(failed)d.")
        self.stdout.write(summary % {"stripped": stripped, "failed": failed})
