"""Text of uploaded resource files, for search.

`extract_text` never raises: whatever is wrong with a file (damaged, encrypted, scanned, of a type we do not read)
comes back as a status and a short note for the editors, so that one bad upload cannot break saving or indexing.
"""

import codecs
import logging
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import docx
from django.conf import settings
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from docx.opc.exceptions import OpcError
from docx.table import Table
from lxml import etree
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

logger = logging.getLogger(__name__)

# What damaged or fake files make the parsers raise (python-docx raises ValueError for a zip that is not a Word
# document). Anything else is logged with its traceback, as it may be a bug.
EXPECTED_ERRORS = (PyPdfError, OpcError, zipfile.BadZipFile, etree.LxmlError, KeyError, ValueError, OSError)
_ENCRYPTION_ERRORS = (DependencyError, FileNotDecryptedError)


class ExtractionStatus(models.TextChoices):
    """How reading the text of a file for search went."""

    PENDING = "pending", _("Not read yet")
    OK = "ok", _("Text extracted")
    EMPTY = "empty", _("No text found (scanned or image-only?)")
    ENCRYPTED = "encrypted", _("Encrypted: text cannot be read")
    FAILED = "failed", _("Could not be read (damaged file?)")
    UNSUPPORTED = "unsupported", _("File type not searched")


@dataclass(frozen=True)
class ExtractionResult:
    """The text of a file (empty unless the status is OK) and a note for the editors on what went wrong."""

    status: str
    text: str = ""
    note: str = ""


def extract_text(file, filename: str) -> ExtractionResult:
    """The text of file, read according to the extension of filename; never raises.

    file is a binary file-like object (a Django File must be open) or a filesystem path. The text is capped at
    settings.RESOURCES_MAX_EXTRACTED_CHARS characters and, for a PDF, RESOURCES_MAX_EXTRACTED_PAGES pages.
    """
    extension = Path(filename).suffix.lower()
    reader = _READERS.get(extension)
    if reader is None:
        return ExtractionResult(
            ExtractionStatus.UNSUPPORTED, note=gettext("Only PDF, Word (.docx), TXT and CSV files are searched.")
        )
    max_chars = getattr(settings, "RESOURCES_MAX_EXTRACTED_CHARS", 200_000)
    try:
        if isinstance(file, (str, os.PathLike)):
            with open(file, "rb") as stream:
                return reader(stream, max_chars, filename)
        return reader(_rewound(file), max_chars, filename)
    except EXPECTED_ERRORS as error:
        logger.warning("Could not extract text from %s: %s: %s", filename, type(error).__name__, error)
    except Exception:
        logger.warning("Could not extract text from %s", filename, exc_info=True)
    return ExtractionResult(ExtractionStatus.FAILED, note=_failed_note(extension))


def normalise_whitespace(text: str) -> str:
    """Text with single spaces inside lines and at most one empty line between paragraphs.

    NFKC turns ligatures (the "ﬁ" of many PDFs) and no-break spaces into the plain characters people search for.
    Control characters go: PostgreSQL cannot store a NUL.
    """
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(" " if char != "\n" and unicodedata.category(char) == "Cc" else char for char in text)
    text = re.sub(r"[^\S\n]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _rewound(file):
    """The file from its start; the parsers jump around, so an unseekable stream is read into memory."""
    if getattr(file, "seekable", lambda: False)():
        file.seek(0)
        return file
    return BytesIO(file.read())


def _failed_note(extension):
    if extension == ".pdf":
        return gettext("The file is damaged or is not really a PDF.")
    if extension == ".docx":
        return gettext("The file is damaged or is not really a Word (.docx) document.")
    return gettext("The file could not be read.")


def _result(parts, max_chars, notes=(), more=False):
    """The result for the parts of text read; more says that the file holds text beyond them."""
    text = normalise_whitespace("\n\n".join(parts))
    notes = list(notes)
    if not text:
        return ExtractionResult(ExtractionStatus.EMPTY, note=" ".join(notes) or gettext("The file holds no text."))
    if more or len(text) > max_chars:
        text = text[:max_chars].rstrip()
        count = number_format(max_chars, force_grouping=True)
        notes.append(gettext("Only the first %(count)s characters are searched.") % {"count": count})
    return ExtractionResult(ExtractionStatus.OK, text=text, note=" ".join(notes))


def _read_pdf(stream, max_chars, filename):
    max_pages = getattr(settings, "RESOURCES_MAX_EXTRACTED_PAGES", 500)
    parts, length, read, failed = [], 0, 0, 0
    try:
        reader = PdfReader(stream)
        # Many PDFs are encrypted only to restrict printing or copying, with an empty password to open them.
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            return ExtractionResult(ExtractionStatus.ENCRYPTED, note=gettext("The PDF is protected by a password."))
        page_count = len(reader.pages)
        for page in reader.pages:
            if read == max_pages or length > max_chars:
                break
            read += 1
            try:
                page_text = normalise_whitespace(page.extract_text())
            except _ENCRYPTION_ERRORS:
                raise
            except Exception as error:
                # One broken page should not cost the text of the others.
                failed += 1
                logger.warning(
                    "Could not extract text from page %s of %s: %s: %s",
                    read,
                    filename,
                    type(error).__name__,
                    error,
                    exc_info=not isinstance(error, EXPECTED_ERRORS),
                )
                continue
            if page_text:
                parts.append(page_text)
                length += len(page_text) + 2
    except _ENCRYPTION_ERRORS as error:
        # AES needs the optional "cryptography" package, even to open a PDF with an empty password.
        logger.warning("Could not decrypt %s: %s: %s", filename, type(error).__name__, error)
        return ExtractionResult(
            ExtractionStatus.ENCRYPTED, note=gettext("The PDF uses an encryption this site cannot read.")
        )

    if read and failed == read:
        return ExtractionResult(ExtractionStatus.FAILED, note=gettext("No page of the PDF could be read."))
    notes = []
    if failed:
        notes.append(
            ngettext("%(count)s page could not be read.", "%(count)s pages could not be read.", failed)
            % {"count": failed}
        )
    if read == max_pages and page_count > max_pages:
        notes.append(
            ngettext("Only the first page is searched.", "Only the first %(count)s pages are searched.", max_pages)
            % {"count": max_pages}
        )
    if not parts:
        notes.append(gettext("The PDF has no text layer, so it is probably a scan. Upload a version with text (OCR)."))
    return _result(parts, max_chars, notes)


def _docx_blocks(container):
    """The text of paragraphs and table rows in document order, with the tables inside table cells."""
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    # A merged cell appears once for each grid column it spans.
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(" ".join(_docx_blocks(cell)))
                yield " | ".join(cells)
        else:
            yield block.text


def _read_docx(stream, max_chars, filename):
    parts, length = [], 0
    for block in _docx_blocks(docx.Document(stream)):
        block = normalise_whitespace(block)
        if block:
            parts.append(block)
            length += len(block) + 2
        if length > max_chars:
            break
    return _result(parts, max_chars)


def _read_plain_text(stream, max_chars, filename):
    # UTF-8 takes at most four bytes a character; the incremental decoder drops a character cut off at the end.
    limit = max_chars * 4
    raw = stream.read(limit + 1)
    text = codecs.getincrementaldecoder("utf-8-sig")(errors="replace").decode(raw[:limit])
    return _result([text], max_chars, more=len(raw) > limit)


_READERS = {".pdf": _read_pdf, ".docx": _read_docx, ".txt": _read_plain_text, ".csv": _read_plain_text}
