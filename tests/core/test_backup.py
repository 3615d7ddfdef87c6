"""Backups, restore, and the restore drill, for real: pg_dump/pg_restore into a scratch PostgreSQL database (or
SQLite's online backup into a file), the media folder archived and unpacked, and fresh processes proving that every
page, document and image serves from the copy."""

import io
import stat

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Page

from core import backup
from resources.factories import ResourceDocumentFactory
from website.factories import NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=True)  # the drill reads the database from other processes


@pytest.fixture
def site_with_files(news_index, root_collection):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 360), "#2a6f97").save(buffer, "JPEG")
    image = Image.objects.create(title="Lokakarya", file=ImageFile(buffer, name="lokakarya.jpg"))
    NewsPageFactory(parent=news_index, title="Lokakarya deteksi dini", listing_image=image)
    document = ResourceDocumentFactory(title="Modul", text="materi sekolah demokrasi")
    return image, document


def test_the_restore_drill_proves_every_page_document_and_image_serves_from_the_copy(site_with_files):
    out = io.StringIO()
    call_command("restore_drill", stdout=out)
    report = out.getvalue()
    # In the site's language, Indonesian, like every management command.
    pages = Page.objects.live().filter(depth__gt=1).count()
    assert "Latihan pemulihan berhasil" in report
    assert f"{pages} halaman, 1 dokumen, 1 gambar diperiksa: semuanya tersaji" in report


def test_the_drill_fails_when_a_file_did_not_make_it_into_the_backup(site_with_files):
    _image, document = site_with_files
    document.file.storage.delete(document.file.name)
    with pytest.raises(CommandError, match=rf"document {document.pk} .*FileNotFoundError"):
        call_command("restore_drill", stdout=io.StringIO())


def test_a_backup_is_private_to_the_server_account_and_a_damaged_one_is_refused(site_with_files, tmp_path):
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=io.StringIO())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in folder.iterdir())
    with open(folder / backup.MEDIA_ARCHIVE, "ab") as archive:
        archive.write(b"damage")
    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("restore", str(folder), "--yes", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(folder), stdout=io.StringIO())
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(folder), stdout=io.StringIO())


def test_daily_backups_keep_the_newest_and_delete_the_rest(site_with_files, settings, tmp_path):
    settings.BACKUP_DIR, settings.BACKUP_KEEP = tmp_path / "backups", 2
    for day in ("2026-11-01-020000", "2026-11-02-020000", "2026-11-03-020000"):
        backup.backup(settings.BACKUP_DIR / day)
    (settings.BACKUP_DIR / "notes").mkdir()  # not a backup: left alone
    call_command("backup", stdout=io.StringIO())
    kept = sorted(path.name for path in settings.BACKUP_DIR.iterdir())
    assert len(kept) == 3 and kept[0] == "2026-11-03-020000" and kept[-1] == "notes"
