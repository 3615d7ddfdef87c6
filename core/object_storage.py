"""Media on S3-compatible object storage (AWS S3, MinIO, Wasabi, DigitalOcean Spaces...), when
AWS_STORAGE_BUCKET_NAME is set. Apart from core.storage so that boto3 is loaded only by sites that use it.

Nothing in the bucket is public: every object is written private, and the browser never gets a bucket URL. Images
(`images/`, `original_images/`) are streamed by the site's media view (core.media) under MEDIA_URL, documents by
Wagtail's serve view and alumni photos by the directory's photo view, each after its own access check.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class ObjectStorage(S3Storage):
    default_acl = "private"
    querystring_auth = False
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        """The site's own address of the file (served by a view that checks access), never the bucket's."""
        return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"
