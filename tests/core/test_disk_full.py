"""A full disk, for real: media go to a tmpfs of a few hundred kilobytes, filled up. Uploads get a clear, translated
answer and leave no partial file; pages whose images cannot be resized are served all the same."""

import io
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from core.storage import MediaStorage, StorageFull, free_bytes
from members.factories import UserFactory
from resources.models import ResourceDocument
from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_disk(tmp_path, settings):
    """MEDIA_ROOT on a 512 KB tmpfs (mounting needs root, as CI has)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["/usr/bin/mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    settings.MEDIA_ROOT = disk
    settings.MEDIA_RESERVE_MB = 0
    try:
        yield disk
    finally:
        subprocess.run(["/usr/bin/umount", "-l", str(disk)], check=False)


def fill(disk, leave=0):
    """Fill the disk but `leave` bytes."""
    with open(disk / "filler", "wb") as filler:
        while (free_bytes(disk) or 0) > leave + 4096:
            filler.write(b"\0" * min(64 * 1024, free_bytes(disk) - leave - 4096))
            filler.flush()
    return disk


def files_in(disk):
    return sorted(path.name for path in disk.rglob("*") if path.is_file() and path.name != "filler")


def photo(size=(320, 240)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#2a6f97").save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_write_that_runs_out_of_space_leaves_nothing_behind(small_disk):
    fill(small_disk, leave=64 * 1024)
    with pytest.raises(StorageFull):
        MediaStorage().save("documents/laporan.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 200 * 1024))
    assert files_in(small_disk) == []
    assert MediaStorage().save("documents/kecil.txt", ContentFile(b"muat")) == "documents/kecil.txt"  # room for this


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.raise_request_exception = False  # a failing write reaches the site's error handler, as in production
    return client


def test_an_editor_uploading_to_a_full_disk_gets_a_form_error_and_keeps_the_title(
    small_disk, editor_client, root_collection
):
    fill(small_disk, leave=16 * 1024)
    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "Laporan pemantauan",
            "collection": root_collection.pk,
            "file": SimpleUploadedFile("laporan.txt", b"pemantauan " * 10_000),
        },
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert response.status_code == 200
    assert "disk penuh" in response.content.decode()  # the translated form error
    assert 'value="Laporan pemantauan"' in response.content.decode()
    assert not ResourceDocument.objects.exists() and files_in(small_disk) == []


def test_an_image_upload_to_a_full_disk_is_refused_with_a_form_error(small_disk, editor_client, root_collection):
    fill(small_disk, leave=4 * 1024)
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Lokakarya",
            "collection": root_collection.pk,
            "file": SimpleUploadedFile("lokakarya.jpg", photo((800, 600)), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 200 and "disk penuh" in response.content.decode()
    assert not Image.objects.exists() and files_in(small_disk) == []


def test_when_the_disk_fills_during_the_write_the_editor_gets_a_clear_507_and_no_partial_file(
    small_disk, editor_client, settings, root_collection
):
    fill(small_disk, leave=64 * 1024)
    settings.MEDIA_RESERVE_MB = -1  # the check passes, as when the disk fills between the check and the write
    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "Laporan pemantauan",
            "collection": root_collection.pk,
            "file": SimpleUploadedFile("laporan.txt", b"pemantauan " * 20_000),
        },
    )
    assert response.status_code == 507
    assert "Disk server penuh" in response.content.decode()  # the admin's language
    assert not ResourceDocument.objects.exists() and files_in(small_disk) == []


@pytest.mark.django_db(transaction=True)  # as in production: no test transaction around the request
def test_pages_are_served_while_image_sizes_cannot_be_written(small_disk, client, news_index, root_collection):
    image = Image.objects.create(title="Lokakarya", file=ImageFile(io.BytesIO(photo()), name="lokakarya.jpg"))
    NewsPageFactory(parent=news_index, title="Lokakarya deteksi dini", listing_image=image)
    fill(small_disk)
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert "Lokakarya deteksi dini" in response.content.decode()
    assert not image.renditions.exists()


def test_a_large_upload_spooled_to_a_full_temporary_folder_gets_the_507_page(small_disk, editor_client, settings):
    """Django writes uploads over 2.5 MB to a temporary file while reading the request, before any form runs."""
    settings.FILE_UPLOAD_TEMP_DIR = str(small_disk)
    fill(small_disk, leave=64 * 1024)
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "Laporan besar", "file": SimpleUploadedFile("besar.txt", b"x" * 3 * 1024 * 1024)},
    )
    assert response.status_code == 507 and "Disk server penuh" in response.content.decode()
    assert files_in(small_disk) == [] and not ResourceDocument.objects.exists()
