"""Uploaded images keep no metadata (audit finding 6) and unreadable ones are refused with a form error (finding 4);
only image sizes are served, never the originals."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_renditions_from_other_tests():
    """Wagtail caches renditions by image id, which the next test's image reuses."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo_with_gps(width=60, height=30):
    """A JPEG as a phone writes it: GPS position, camera make, and 'rotate 90°' in its EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "KameraPonsel"
    exif[ORIENTATION] = 6
    exif[GPS_IFD] = {1: "S", 2: (6.0, 17.0, 32.0), 3: "E", 4: (106.0, 7.0, 12.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def metadata_of(data):
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return {"gps": dict(exif.get_ifd(GPS_IFD)), "exif": dict(exif), "size": image.size}


@pytest.fixture
def editor_client(admin_user, root_collection):
    client = Client()
    client.force_login(admin_user)
    return client


def upload(client, name, content, content_type="image/jpeg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Foto kegiatan", "file": SimpleUploadedFile(name, content, content_type)},
    )


def test_an_uploaded_photo_keeps_no_gps_or_camera_metadata_in_the_original_or_any_image_size(editor_client):
    assert metadata_of(photo_with_gps())["gps"]  # the test photo does carry a position

    response = upload(editor_client, "lokakarya.jpg", photo_with_gps())

    assert response.status_code == 302
    image = get_image_model().objects.get()
    with default_storage.open(image.file.name) as stored:
        original = metadata_of(stored.read())
    assert original["gps"] == {} and original["exif"] == {}
    assert original["size"] == (30, 60)  # the rotation is applied, not lost
    assert (image.width, image.height) == (30, 60)
    for spec in ["fill-20x20", "width-25|format-jpeg", "original", "width-25|format-webp"]:
        rendition = image.get_rendition(spec)
        with default_storage.open(rendition.file.name) as stored:
            assert metadata_of(stored.read())["gps"] == {}


def avif_with_gps():
    """An AVIF as a phone may write it, with its GPS position and camera in EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "KameraPonsel"
    exif[GPS_IFD] = {1: "S", 2: (6.0, 17.0, 32.0), 3: "E", 4: (106.0, 7.0, 12.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(buffer, "AVIF", exif=exif.tobytes())
    return buffer.getvalue()


def test_an_uploaded_avif_keeps_no_gps_in_the_original_or_its_jpeg_sizes(editor_client):
    assert metadata_of(avif_with_gps())["gps"]  # the test photo does carry a position

    response = upload(editor_client, "lokakarya.avif", avif_with_gps(), "image/avif")

    assert response.status_code == 302
    image = get_image_model().objects.get()
    with default_storage.open(image.file.name) as stored:
        data = stored.read()
    assert metadata_of(data)["gps"] == {} and metadata_of(data)["exif"] == {}
    assert b"KameraPonsel" not in data
    for spec in ["original", "width-25|format-jpeg", "fill-20x20|format-jpeg"]:
        rendition = image.get_rendition(spec)
        with default_storage.open(rendition.file.name) as stored:
            data = stored.read()
        assert metadata_of(data)["gps"] == {}, spec
        assert b"KameraPonsel" not in data, spec


def test_an_uploaded_gif_keeps_its_frames_but_not_its_comment(editor_client):
    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], comment=b"Rumah Ibu Sari", duration=100)
    assert b"Rumah Ibu Sari" in buffer.getvalue()

    response = upload(editor_client, "animasi.gif", buffer.getvalue(), "image/gif")

    assert response.status_code == 302
    with default_storage.open(get_image_model().objects.get().file.name) as stored:
        data = stored.read()
    assert b"Rumah Ibu Sari" not in data
    with Image.open(io.BytesIO(data)) as stored_image:
        assert stored_image.n_frames == 3


def test_an_image_with_gif_magic_bytes_that_cannot_be_read_gets_a_form_error(editor_client):
    response = upload(editor_client, "rusak.gif", b"GIF89a" + b"\x00\xff" * 40, "image/gif")

    assert response.status_code == 200
    assert "bukan gambar yang dapat dibaca" in response.content.decode()  # the form's error, in the admin's language
    assert not get_image_model().objects.exists()


def test_originals_are_never_served_only_image_sizes(client, editor_client):
    upload(editor_client, "lokakarya.jpg", photo_with_gps())
    image = get_image_model().objects.get()
    rendition = image.get_rendition("width-20")

    assert image.file.name.startswith("original_images/")
    assert client.get(f"/media/{image.file.name}").status_code == 404
    served = client.get(rendition.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"


def test_a_media_path_of_ten_thousand_characters_is_not_found(client):
    assert client.get("/media/images/" + "a" * 10_000 + ".jpg").status_code == 404
    assert client.get("/media/" + "b" * 10_000, follow=True).status_code == 404


def test_strip_image_metadata_cleans_images_uploaded_before(root_collection):
    image = get_image_model().objects.create(
        title="Foto lama", file=ContentFile(photo_with_gps(), name="lama.jpg"), width=60, height=30
    )
    old_rendition = image.get_rendition("width-20")
    with default_storage.open(image.file.name) as stored:
        assert metadata_of(stored.read())["gps"]

    call_command("strip_image_metadata", stdout=io.StringIO())

    image.refresh_from_db()
    with default_storage.open(image.file.name) as stored:
        assert metadata_of(stored.read())["gps"] == {}
    assert not image.renditions.filter(pk=old_rendition.pk).exists()
    with default_storage.open(image.get_rendition("width-20").file.name) as stored:
        assert metadata_of(stored.read())["gps"] == {}
