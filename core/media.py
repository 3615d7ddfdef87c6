"""Uploaded images served by the site itself (SERVE_MEDIA): from the media folder and from object storage alike, so
no bucket is ever public. Only images: documents go through Wagtail's serve view and alumni photos through the
directory's photo view, which check who may see them."""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

IMAGE_FOLDERS = ("images", "original_images")


@require_safe
def serve_image(request, path):
    content_type = mimetypes.guess_type(path)[0] or ""
    if not content_type.startswith("image/") or path.split("/", 1)[0] not in IMAGE_FOLDERS:
        raise Http404
    try:
        file = default_storage.open(path, "rb")
    except OSError:  # missing (FileNotFoundError), or the storage cannot be reached
        raise Http404 from None
    response = FileResponse(file, content_type=content_type)
    # Image sizes keep their name for as long as they exist: browsers and CDNs may keep them a day.
    response["Cache-Control"] = "public, max-age=86400"
    return response
