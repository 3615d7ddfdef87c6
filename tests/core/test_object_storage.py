"""Media on S3-compatible object storage, against a real S3 server started for the tests (moto in server mode, over
HTTP): every object private, images, documents and alumni photos served through the site's views after their access
checks, and no bucket address ever given to a browser."""

import io
import secrets
import socket

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import CollectionViewRestriction

from alumni.models import Audience
from alumni.photos import replace_photo
from resources.extraction import ExtractionStatus
from resources.factories import ResourceDocumentFactory
from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

moto_server = pytest.importorskip("moto.server")

BUCKET = "jejaring-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings, monkeypatch):
    """The site's settings as a deployer sets them (AWS_STORAGE_BUCKET_NAME and friends), on a fresh bucket."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "core.object_storage.ObjectStorage"}}
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_endpoint
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_LOCATION = "media"
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def objects(client):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def public_grants(client, key):
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return [grant for grant in grants if grant["Grantee"].get("URI", "").endswith(("AllUsers", "AuthenticatedUsers"))]


def jpeg(size=(640, 360)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#2a6f97").save(buffer, "JPEG")
    return buffer


def test_images_live_privately_in_the_bucket_and_are_served_by_the_site(s3, client, news_index, root_collection):
    image = Image.objects.create(title="Lokakarya", file=ImageFile(jpeg(), name="lokakarya.jpg"))
    NewsPageFactory(parent=news_index, title="Lokakarya deteksi dini", listing_image=image)
    page = client.get(news_index.url).content.decode()
    assert "127.0.0.1:" not in page and "/media/images/" in page  # the browser is given the site's address only
    rendition_keys = [key for key in objects(s3) if key.startswith("media/images/")]
    assert rendition_keys and "media/original_images/lokakarya.jpg" in objects(s3)
    assert all(public_grants(s3, key) == [] for key in objects(s3))
    jpeg_key = next(key for key in rendition_keys if key.endswith(".jpg"))
    response = client.get("/" + jpeg_key)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert client.get("/media/images/none.jpg").status_code == 404


def test_documents_are_read_for_search_and_served_only_to_who_may_see_them(s3, client, root_collection):
    public = ResourceDocumentFactory(title="Modul terbuka", text="materi pencegahan ekstremisme")
    members_only = root_collection.add_child(name="Khusus anggota")
    CollectionViewRestriction.objects.create(collection=members_only, restriction_type=CollectionViewRestriction.LOGIN)
    private = ResourceDocumentFactory(title="Catatan internal", text="catatan tertutup", collection=members_only)
    public.refresh_from_db()
    assert public.extraction_status == ExtractionStatus.OK and "pencegahan" in public.extracted_text  # read from S3
    assert public.file.name in [key.removeprefix("media/") for key in objects(s3)]
    assert all(public_grants(s3, key) == [] for key in objects(s3))
    response = client.get(public.url)
    assert response.status_code == 200 and b"pencegahan" in b"".join(response.streaming_content)
    assert client.get(private.url).status_code in (302, 403)
    assert client.get(f"/media/{public.file.name}").status_code == 404  # documents never through the media view


def test_an_alumnus_photo_is_private_in_the_bucket_and_shown_only_to_its_audience(s3, client, profile, logged_in):
    profile.photo_audience = Audience.MEMBERS
    replace_photo(profile, ContentFile(jpeg((300, 300)).getvalue(), name="photo.jpg"))
    profile.save()
    key = f"media/{profile.photo.name}"
    assert key in objects(s3) and public_grants(s3, key) == []
    photo_url = f"/alumni/foto/{profile.public_id}/"
    assert client.get(photo_url).status_code == 404  # strangers get nothing
    response = logged_in.get(photo_url)  # a member does
    assert response.status_code == 200 and b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_naming_a_bucket_in_the_environment_moves_media_to_object_storage():
    import os
    import subprocess
    import sys
    from pathlib import Path

    printed = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])"],
        cwd=Path(__file__).resolve().parents[2],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert printed.strip() == "core.object_storage.ObjectStorage"


def test_with_the_object_storage_unreachable_pages_still_serve_and_images_say_try_later(
    s3, client, settings, news_index, root_collection
):
    image = Image.objects.create(title="Lokakarya", file=ImageFile(jpeg(), name="lokakarya.jpg"))
    NewsPageFactory(parent=news_index, title="Lokakarya deteksi dini", listing_image=image)
    settings.AWS_S3_ENDPOINT_URL = "http://127.0.0.1:9"  # the storage goes away: nothing listens there
    settings.STORAGES = {**settings.STORAGES}  # storages are made again from the settings
    response = client.get(news_index.url)
    assert response.status_code == 200 and "Lokakarya deteksi dini" in response.content.decode()
    response = client.get(f"/media/images/{image.file.name.rsplit('/', 1)[-1]}")  # originals are never served
    assert response.status_code == 503 and response["Retry-After"] == "30"
