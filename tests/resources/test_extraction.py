import logging
import random
import re
import zipfile
from io import BytesIO

import docx
import pytest
from django.utils import translation
from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError

from resources.extraction import ExtractionStatus, extract_text
from resources.sample_files import encrypt_pdf, make_docx, make_image_only_pdf, make_pdf


@pytest.fixture(autouse=True)
def _english():
    """The notes are asserted on in English, whatever the site's default language and its translations."""
    with translation.override("en"):
        yield


def numbered_paragraphs(count):
    """Paragraphs that each carry a word of their own, kata0 … kataN, to tell where the text stops."""
    return [f"kata{n} " + "musyawarah warga desa membahas anggaran sekolah bersama " * 4 for n in range(count)]


def pdf_text(data):
    reader = PdfReader(BytesIO(data), strict=True)
    return [page.extract_text() for page in reader.pages]


# --- the generated documents --------------------------------------------------------------------------------


def test_generated_pdf_gives_back_its_title_and_words():
    data = make_pdf("Laporan Kegiatan", ["Diskusi publik tentang pemilu di Serang."])

    (text,) = pdf_text(data)

    assert "Laporan Kegiatan" in text
    assert "Diskusi publik tentang pemilu di Serang." in text
    assert PdfReader(BytesIO(data)).metadata.title == "Laporan Kegiatan"


def test_generated_pdf_xref_offsets_point_at_their_objects():
    data = make_pdf("Judul", ["Isi."])

    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    entries = re.findall(rb"(\d{10}) 00000 n \n", data[start:])

    assert data[start:].startswith(b"xref\n0 ")
    assert len(entries) == 7
    for number, offset in enumerate(entries, start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj\n" % number)


def test_long_generated_pdf_continues_on_further_pages():
    data = make_pdf("Notulen", numbered_paragraphs(40))

    pages = pdf_text(data)

    assert len(pages) > 1
    assert "kata0 " in pages[0]
    assert "kata39 " in pages[-1]
    text = "\n".join(pages)
    assert all(f"kata{n} " in text for n in range(40))


def test_generated_pdf_lines_are_wrapped_within_the_page():
    data = make_pdf("Judul", ["kata " * 200])

    (text,) = pdf_text(data)

    body_lines = text.splitlines()[1:]
    assert len(body_lines) > 5
    assert max(len(line) for line in body_lines) <= 95


def test_generated_pdf_escapes_parentheses_and_backslashes():
    data = make_pdf("Catatan (draf)", [r"Lihat (lampiran) dan C:\data\laporan, tanda ) tunggal ( juga."])

    (text,) = pdf_text(data)

    assert "Catatan (draf)" in text
    assert r"Lihat (lampiran) dan C:\data\laporan, tanda ) tunggal ( juga." in text


def test_generated_pdf_replaces_characters_its_fonts_cannot_show():
    data = make_pdf("Judul", ["“Kutipan” – Ştefan x\u2212y 中"])

    (text,) = pdf_text(data)

    assert "“Kutipan” – Stefan x-y ?" in text


def test_image_only_pdf_has_a_page_but_no_text():
    reader = PdfReader(BytesIO(make_image_only_pdf()), strict=True)

    assert len(reader.pages) == 1
    assert reader.pages[0].extract_text() == ""
    assert "/Im1" in reader.pages[0]["/Resources"]["/XObject"]


def test_encrypted_pdf_opens_only_with_its_password():
    reader = PdfReader(BytesIO(encrypt_pdf(make_pdf("Rahasia", ["Isi rahasia."]), "sandi")))

    assert reader.is_encrypted
    assert not reader.decrypt("")
    assert reader.decrypt("sandi")
    assert "Isi rahasia." in reader.pages[0].extract_text()


def test_generated_docx_holds_heading_paragraphs_and_table():
    document = docx.Document(BytesIO(make_docx("Judul", ["Satu.", "Dua."], table_rows=[["Nama", "Kota"]])))

    assert [p.text for p in document.paragraphs] == ["Judul", "Satu.", "Dua."]
    assert document.paragraphs[0].style.name == "Heading 1"
    assert [cell.text for cell in document.tables[0].rows[0].cells] == ["Nama", "Kota"]


# --- PDF ------------------------------------------------------------------------------------------------------


def test_words_of_a_pdf_are_extracted():
    data = make_pdf("Panduan Relawan", ["Relawan pemantau pemilu bertugas di TPS."])

    result = extract_text(BytesIO(data), "panduan.pdf")

    assert result.status == ExtractionStatus.OK
    assert "Panduan Relawan" in result.text
    assert "Relawan pemantau pemilu bertugas di TPS." in result.text
    assert result.note == ""


def test_text_of_every_page_of_a_long_pdf_is_extracted():
    data = make_pdf("Notulen", numbered_paragraphs(40))

    result = extract_text(BytesIO(data), "notulen.pdf")

    assert len(PdfReader(BytesIO(data)).pages) > 1
    assert result.status == ExtractionStatus.OK
    assert all(f"kata{n} " in result.text for n in range(40))


def test_pdf_text_beyond_the_character_cap_is_cut_off(settings):
    settings.RESOURCES_MAX_EXTRACTED_CHARS = 1000

    result = extract_text(BytesIO(make_pdf("Notulen", numbered_paragraphs(40))), "notulen.pdf")

    assert result.status == ExtractionStatus.OK
    assert len(result.text) <= 1000
    assert "kata0 " in result.text
    assert "kata39" not in result.text
    assert "1,000" in result.note


def test_pdf_pages_are_no_longer_read_once_the_character_cap_is_reached(settings, monkeypatch):
    settings.RESOURCES_MAX_EXTRACTED_CHARS = 1000
    data = make_pdf("Notulen", numbered_paragraphs(120))
    assert len(PdfReader(BytesIO(data)).pages) >= 4

    calls = []
    original = PageObject.extract_text
    monkeypatch.setattr(PageObject, "extract_text", lambda page, *a, **kw: calls.append(1) or original(page, *a, **kw))

    extract_text(BytesIO(data), "notulen.pdf")

    assert len(calls) == 1


def test_pdf_page_that_cannot_be_read_does_not_cost_the_other_pages(monkeypatch):
    data = make_pdf("Notulen", numbered_paragraphs(40))
    original = PageObject.extract_text
    pages_read = []

    def extract_text_failing_on_first_page(page, *args, **kwargs):
        pages_read.append(page)
        if len(pages_read) == 1:
            raise ValueError("damaged content stream")
        return original(page, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", extract_text_failing_on_first_page)

    result = extract_text(BytesIO(data), "notulen.pdf")

    assert result.status == ExtractionStatus.OK
    assert "kata0 " not in result.text
    assert "kata39 " in result.text
    assert result.note == "1 page could not be read."


def test_pdf_of_which_no_page_can_be_read_fails(monkeypatch):
    def broken(page, *args, **kwargs):
        raise ValueError("damaged content stream")

    data = make_pdf("Notulen", ["Isi."])
    monkeypatch.setattr(PageObject, "extract_text", broken)

    assert extract_text(BytesIO(data), "notulen.pdf").status == ExtractionStatus.FAILED


def test_pdf_pages_beyond_the_page_cap_are_not_read(settings):
    settings.RESOURCES_MAX_EXTRACTED_PAGES = 1
    data = make_pdf("Notulen", numbered_paragraphs(40))

    result = extract_text(BytesIO(data), "notulen.pdf")

    assert result.status == ExtractionStatus.OK
    assert "kata0 " in result.text
    assert "kata39" not in result.text
    assert "first page" in result.note


def test_image_only_pdf_is_reported_as_having_no_text():
    result = extract_text(BytesIO(make_image_only_pdf()), "pindaian.pdf")

    assert result.status == ExtractionStatus.EMPTY
    assert result.text == ""
    assert "scan" in result.note


def test_pdf_with_a_password_is_reported_as_encrypted():
    data = encrypt_pdf(make_pdf("Rahasia", ["Daftar donatur."]), "sandi")

    result = extract_text(BytesIO(data), "rahasia.pdf")

    assert result.status == ExtractionStatus.ENCRYPTED
    assert result.text == ""
    assert "password" in result.note


def test_pdf_encrypted_with_an_empty_password_is_read():
    data = encrypt_pdf(make_pdf("Terbatas", ["Boleh dibaca, tidak boleh dicetak."]), "", owner_password="pemilik")
    assert PdfReader(BytesIO(data)).is_encrypted

    result = extract_text(BytesIO(data), "terbatas.pdf")

    assert result.status == ExtractionStatus.OK
    assert "Boleh dibaca, tidak boleh dicetak." in result.text


def test_pdf_whose_encryption_needs_a_missing_library_is_reported_as_encrypted(monkeypatch):
    data = encrypt_pdf(make_pdf("Terbatas", ["Isi."]), "", owner_password="pemilik")

    def decrypt(reader, password):
        raise DependencyError("cryptography is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", decrypt)

    result = extract_text(BytesIO(data), "terbatas.pdf")

    assert result.status == ExtractionStatus.ENCRYPTED
    assert "encryption" in result.note


def test_random_bytes_named_pdf_fail_with_a_warning_naming_the_file(caplog):
    junk = random.Random(1).randbytes(4096)

    with caplog.at_level(logging.WARNING, logger="resources.extraction"):
        result = extract_text(BytesIO(junk), "palsu.pdf")

    assert result.status == ExtractionStatus.FAILED
    assert result.text == ""
    assert "PDF" in result.note
    (record,) = [r for r in caplog.records if r.name == "resources.extraction"]
    assert "palsu.pdf" in record.getMessage()
    assert record.exc_info is None


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.5, 0.7, 0.9, 0.99])
def test_truncated_pdf_fails_or_gives_partial_text(fraction):
    data = make_pdf("Notulen", numbered_paragraphs(40))

    result = extract_text(BytesIO(data[: int(len(data) * fraction)]), "terpotong.pdf")

    assert result.status in {ExtractionStatus.FAILED, ExtractionStatus.OK}
    if result.status == ExtractionStatus.OK:
        assert "kata0 " in result.text
    else:
        assert result.text == ""


def test_empty_pdf_file_fails():
    assert extract_text(BytesIO(b""), "kosong.pdf").status == ExtractionStatus.FAILED


# --- DOCX -----------------------------------------------------------------------------------------------------


def test_paragraphs_and_table_cells_of_a_docx_are_extracted():
    data = make_docx(
        "Daftar Peserta",
        ["Pelatihan kepemimpinan angkatan ketiga."],
        table_rows=[["Nama", "Kota"], ["Siti Aminah", "Pandeglang"]],
    )

    result = extract_text(BytesIO(data), "peserta.docx")

    assert result.status == ExtractionStatus.OK
    assert result.text == (
        "Daftar Peserta\n\nPelatihan kepemimpinan angkatan ketiga.\n\nNama | Kota\n\nSiti Aminah | Pandeglang"
    )


def test_merged_docx_table_cell_is_extracted_once():
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gabungan"
    table.cell(0, 2).text = "Sendiri"
    buffer = BytesIO()
    document.save(buffer)

    result = extract_text(buffer, "tabel.docx")

    assert result.text == "Gabungan | Sendiri"


def test_docx_text_beyond_the_character_cap_is_cut_off(settings):
    settings.RESOURCES_MAX_EXTRACTED_CHARS = 500

    result = extract_text(BytesIO(make_docx("Notulen", numbered_paragraphs(40))), "notulen.docx")

    assert result.status == ExtractionStatus.OK
    assert len(result.text) <= 500
    assert "kata0 " in result.text
    assert "kata39" not in result.text
    assert result.note


def test_docx_without_text_is_reported_as_empty():
    result = extract_text(BytesIO(make_docx("", [" ", ""])), "kosong.docx")

    assert result.status == ExtractionStatus.EMPTY


def test_docx_that_is_a_zip_of_junk_fails():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", random.Random(2).randbytes(2048))
        archive.writestr("sampah.bin", random.Random(3).randbytes(2048))

    result = extract_text(buffer, "palsu.docx")

    assert result.status == ExtractionStatus.FAILED
    assert "Word" in result.note


def test_random_bytes_named_docx_fail():
    result = extract_text(BytesIO(random.Random(4).randbytes(4096)), "palsu.docx")

    assert result.status == ExtractionStatus.FAILED


def test_unexpected_parser_error_fails_and_is_logged_with_its_traceback(monkeypatch, caplog):
    def broken(stream):
        raise RuntimeError("bug in the parser")

    data = make_docx("Judul", ["Isi."])
    monkeypatch.setattr("resources.extraction.docx.Document", broken)

    with caplog.at_level(logging.WARNING, logger="resources.extraction"):
        result = extract_text(BytesIO(data), "laporan.docx")

    assert result.status == ExtractionStatus.FAILED
    (record,) = [r for r in caplog.records if r.name == "resources.extraction"]
    assert "laporan.docx" in record.getMessage()
    assert record.exc_info is not None


# --- plain text and other types -------------------------------------------------------------------------------


def test_text_file_is_read_as_utf8_with_bad_bytes_replaced_and_whitespace_tidied():
    data = "\ufeffJadwal   diskusi:\tSabtu\r\n\r\n\r\n\r\nTempat: Balai\x00 Desa Cibeber".encode() + b" \xff"

    result = extract_text(BytesIO(data), "jadwal.TXT")

    assert result.status == ExtractionStatus.OK
    assert result.text == "Jadwal diskusi: Sabtu\n\nTempat: Balai Desa Cibeber \ufffd"


def test_csv_file_is_read_as_text():
    result = extract_text(BytesIO(b"nama,kota\nSiti,Serang\n"), "peserta.csv")

    assert result.status == ExtractionStatus.OK
    assert result.text == "nama,kota\nSiti,Serang"


def test_text_file_beyond_the_character_cap_is_cut_off(settings):
    settings.RESOURCES_MAX_EXTRACTED_CHARS = 10

    result = extract_text(BytesIO(("ä" * 100).encode()), "panjang.txt")

    assert result.text == "ä" * 10
    assert result.note


def test_empty_text_file_is_reported_as_empty():
    assert extract_text(BytesIO(b" \n\t\n"), "kosong.txt").status == ExtractionStatus.EMPTY


@pytest.mark.parametrize("filename", ["tabel.xlsx", "lama.doc", "foto.jpg", "tanpa-ekstensi"])
def test_file_types_that_are_not_read_are_unsupported(filename):
    result = extract_text(BytesIO(b"PK\x03\x04 whatever"), filename)

    assert result.status == ExtractionStatus.UNSUPPORTED
    assert result.text == ""


def test_file_is_read_from_a_path(tmp_path):
    path = tmp_path / "panduan.pdf"
    path.write_bytes(make_pdf("Panduan", ["Isi panduan."]))

    result = extract_text(path, path.name)

    assert result.status == ExtractionStatus.OK
    assert "Isi panduan." in result.text


def test_missing_path_fails():
    assert extract_text("/nonexistent/panduan.pdf", "panduan.pdf").status == ExtractionStatus.FAILED


def test_file_is_read_from_its_start_even_if_already_read():
    stream = BytesIO(make_pdf("Panduan", ["Isi panduan."]))
    stream.read()

    assert "Isi panduan." in extract_text(stream, "panduan.pdf").text


def test_unseekable_stream_is_read():
    class Unseekable:
        def __init__(self, data):
            self._buffer = BytesIO(data)

        def read(self, size=-1):
            return self._buffer.read(size)

        def seekable(self):
            return False

    result = extract_text(Unseekable(make_pdf("Panduan", ["Isi panduan."])), "panduan.pdf")

    assert "Isi panduan." in result.text


def test_status_labels_are_translatable_strings():
    assert ExtractionStatus.EMPTY.label == "No text found (scanned or image-only?)"
    assert ExtractionStatus.UNSUPPORTED.label == "File type not searched"
