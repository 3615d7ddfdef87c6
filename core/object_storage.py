"""Media on S3-compatible object storage (AWS S3, MinIO, Wasabi, DigitalOcean Spaces...), when
AWS_STORAGE_BUCKET_NAME is set. Apart from core.storage so that boto3 is loaded only by sites that use it.

Nothing in the bucket is meant to be public: objects are written with no ACL (the bucket's own, private, setting
applies; keep its Block Public Access on), and the browser never gets a bucket URL. Image sizes (`images/`, never
the originals in `original_images/`) are streamed by the site's media view (core.media) under MEDIA_URL, documents by
Wagtail's serve view and alumni photos by the directory's photo view, each after its own access check.

A storage that cannot be reached raises OSError (`StorageUnavailable`), as a full or missing disk would: Wagtail then
draws an empty image, and the views answer 404 or 503 instead of failing the page.
"""

import functools

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class StorageUnavailable(OSError):
    """The object storage did not answer, or refused for another reason than a missing file."""


def _as_os_errors(method):
    @functools.wraps(method)
    def wrapper(self, name, *args, **kwargs):
        try:
            return method(self, name, *args, **kwargs)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                raise FileNotFoundError(name) from error
            raise StorageUnavailable(f"Object storage refused {name}: {error}") from error
        except BotoCoreError as error:
            raise StorageUnavailable(f"Object storage unreachable for {name}: {error}") from error

    return wrapper


class ObjectStorage(S3Storage):
    default_acl = None
    querystring_auth = False
    file_overwrite = False

    _open = _as_os_errors(S3Storage._open)
    _save = _as_os_errors(S3Storage._save)
    delete = _as_os_errors(S3Storage.delete)
    exists = _as_os_errors(S3Storage.exists)
    size = _as_os_errors(S3Storage.size)

    def url(self, name, parameters=None, expire=None, http_method=None):
        """The site's own address of the file (served by a view that checks access), never the bucket's."""
        return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"
