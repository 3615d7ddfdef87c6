"""Uploaded images served by the site itself (SERVE_MEDIA): from the media folder and from object storage alike, so
no bucket is ever public. Only image sizes (renditions, `images/`): originals (`original_images/`) are the editors'
uploads at full size and are never served; documents go through Wagtail's serve view and alumni photos through the
directory's photo view, which check who may see them."""

from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.http import require_safe

IMAGE_FOLDERS = ("images",)
MAX_NAME_LENGTH = 255  # no stored file has a longer name; a longer one is answered 404 without asking the storage
# The image formats Wagtail writes and accepts (not left to the machine's mime.types, which may lack webp or avif).
CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".heic": "image/heic",
}


@require_safe
def serve_image(request, path):
    content_type = CONTENT_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type is None or path.split("/", 1)[0] not in IMAGE_FOLDERS or len(path) > MAX_NAME_LENGTH:
        raise Http404
    try:
        file = default_storage.open(path, "rb")
    except FileNotFoundError:
        raise Http404 from None
    except OSError:  # the storage cannot be reached just now
        return HttpResponse(status=503, headers={"Retry-After": "30"})
    response = FileResponse(file, content_type=content_type)
    # Image sizes keep their name for as long as they exist: browsers and CDNs may keep them a day.
    response["Cache-Control"] = "public, max-age=86400"
    return response
