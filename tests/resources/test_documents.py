"""Uploading documents: text is extracted in the background, bad files are kept and flagged, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resources.models import ResourceDocument
from resources.sample_files import encrypt_pdf, make_docx, make_pdf

pytestmark = pytest.mark.django_db


def upload(client, name, content, title="Berkas"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def test_uploaded_pdf_text_is_extracted_and_searchable(editor):
    response = upload(editor, "sop.pdf", make_pdf("SOP", ["Prosedur musyawarah warga kelurahan."]))
    assert response.status_code == 302
    document = ResourceDocument.objects.get()
    assert document.extraction_status == "ok"
    assert "musyawarah" in document.extracted_text
    assert list(ResourceDocument.objects.search("musyawarah")) == [document]


def test_uploaded_docx_text_is_extracted(editor):
    upload(editor, "lembar.docx", make_docx("Lembar kerja", ["Peta aktor kearifan lokal."]))
    assert "kearifan lokal" in ResourceDocument.objects.get().extracted_text


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("rusak.pdf", b"%PDF-1.4 ini bukan pdf yang utuh", "failed"),
        ("terkunci.pdf", encrypt_pdf(make_pdf("Rahasia", ["isi"]), "kunci"), "encrypted"),
    ],
)
def test_broken_and_encrypted_pdfs_are_kept_and_flagged(editor, name, content, status):
    response = upload(editor, name, content)
    assert response.status_code == 302
    document = ResourceDocument.objects.get()
    assert document.extraction_status == status
    assert document.extraction_note
    assert document.file.storage.exists(document.file.name)


def test_replacing_the_file_extracts_the_text_again(editor):
    upload(editor, "a.pdf", make_pdf("A", ["kata pertama"]))
    document = ResourceDocument.objects.get()
    editor.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {"title": "A", "file": SimpleUploadedFile("b.pdf", make_pdf("B", ["kata kedua"])), "collection": 1},
    )
    document.refresh_from_db()
    assert "kedua" in document.extracted_text and "pertama" not in document.extracted_text


def test_wrong_extension_is_refused_with_a_clear_message(editor):
    response = upload(editor, "skrip.exe", b"MZ")
    assert response.status_code == 200
    assert "Not a supported document format" in response.content.decode() or "format" in response.content.decode()
    assert ResourceDocument.objects.count() == 0


def test_oversize_file_is_refused_with_a_clear_message(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    response = upload(editor, "besar.pdf", make_pdf("Besar", ["kata " * 2000]))
    assert response.status_code == 200
    assert ResourceDocument.objects.count() == 0
    assert "too large" in response.content.decode().lower() or "terlalu besar" in response.content.decode().lower()


def test_editors_see_the_extraction_status_on_the_document_form(editor):
    upload(editor, "terkunci.pdf", encrypt_pdf(make_pdf("Rahasia", ["isi"]), "kunci"))
    document = ResourceDocument.objects.get()
    html = editor.get(reverse("wagtaildocs:edit", args=(document.pk,))).content.decode()
    assert document.get_extraction_status_display() in html
