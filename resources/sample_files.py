"""Real documents for the demo resources and the tests, made locally (no downloads, no PDF library).

`make_pdf` writes PDF 1.4 by hand: the standard Helvetica fonts need no embedding, so a few objects, uncompressed
content streams and an xref table are a complete, valid file that any reader (and pypdf) can take the text from.
The output is deterministic: the same title and paragraphs always give the same bytes.
"""

import unicodedata
import zlib
from io import BytesIO

import docx
from pypdf import PdfReader, PdfWriter

A4_WIDTH, A4_HEIGHT = 595.28, 841.89
MARGIN = 56.7  # 2 cm
TITLE_SIZE, TITLE_LEADING = 16, 21
BODY_SIZE, BODY_LEADING = 11, 15
PARAGRAPH_GAP = 7
# Helvetica is about half an em wide per character on average, the bold a little more. An estimate is enough for
# demo documents: a line that runs slightly long stays on the page.
BODY_CHARS_PER_LINE = int((A4_WIDTH - 2 * MARGIN) / (BODY_SIZE * 0.5))
TITLE_CHARS_PER_LINE = int((A4_WIDTH - 2 * MARGIN) / (TITLE_SIZE * 0.55))

# Characters that WinAnsiEncoding (cp1252) lacks but that have an obvious stand-in. Typographic quotes, en and em
# dashes, the ellipsis and the euro sign are in cp1252, so they are kept as they are.
_STAND_INS = {
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u201b": "'",  # reversed single quotation mark
    "\u201f": '"',  # reversed double quotation mark
    "\u2032": "'",  # prime
    "\u2033": '"',  # double prime
    "\u2043": "-",  # hyphen bullet
    "\u2192": "->",
    "\u2190": "<-",
}


def _winansi(text):
    """Text as cp1252 bytes: unknown characters become a stand-in, their unaccented letter, or "?"."""
    out = bytearray()
    for char in text:
        if unicodedata.category(char) == "Cc":
            continue
        try:
            out += char.encode("cp1252")
            continue
        except UnicodeEncodeError:
            pass
        if char in _STAND_INS:
            out += _STAND_INS[char].encode("cp1252")
            continue
        # "ă" decomposes to "a" and a combining breve; the base letter is the best a WinAnsi font can show.
        base = unicodedata.normalize("NFKD", char).encode("cp1252", errors="ignore")
        out += base if base.strip() else b"?"
    return bytes(out)


def _pdf_string(text):
    """A PDF literal string, with the characters that are special in string syntax escaped."""
    raw = _winansi(text).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def _pdf_text_string(text):
    """A PDF text string for the document information, as UTF-16BE so that any character survives."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _wrap(text, width):
    """Words of text in lines of at most width characters; a word longer than a line is cut."""
    lines, line = [], ""
    for word in text.split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _stream(content, extra=b""):
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), extra, content)


def _assemble(objects, info=None):
    """A complete PDF file from object bodies: objects[0] is object 1 and must be the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")  # the binary comment tells tools the file is not plain text
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_offset = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"/Size %d /Root 1 0 R" % (len(objects) + 1)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref_offset)
    return bytes(out)


def _layout(title, paragraphs):
    """The content stream of each page: the title in bold on the first page, then the wrapped paragraphs."""
    top, bottom = A4_HEIGHT - MARGIN, MARGIN
    pages, current, y = [], [], top

    def put(line, font, size, leading):
        nonlocal current, y
        if y - leading < bottom:
            pages.append(current)
            current, y = [], top
        y -= leading
        current.append(b"BT /%s %d Tf %.2f %.2f Td %s Tj ET" % (font, size, MARGIN, y, _pdf_string(line)))

    for line in _wrap(title, TITLE_CHARS_PER_LINE):
        put(line, b"F2", TITLE_SIZE, TITLE_LEADING)
    y -= PARAGRAPH_GAP
    for paragraph in paragraphs:
        for line in _wrap(paragraph, BODY_CHARS_PER_LINE):
            put(line, b"F1", BODY_SIZE, BODY_LEADING)
        y -= PARAGRAPH_GAP
    pages.append(current)
    return [b"\n".join(lines) for lines in pages]


def make_pdf(title: str, paragraphs: list[str]) -> bytes:
    """An A4 PDF with the title in bold and the paragraphs word-wrapped, on as many pages as they need."""
    contents = _layout(title, paragraphs)
    first_page = 6
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(len(contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title %s >>" % _pdf_text_string(title),
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (A4_WIDTH, A4_HEIGHT, first_page + 2 * i + 1)
        )
        objects.append(_stream(content))
    return _assemble(objects, info=5)


def make_image_only_pdf() -> bytes:
    """A one-page PDF holding only a picture of a page, as a scanner makes it: there is no text to extract."""
    width, height = 210, 297  # one pixel per millimetre
    rows = []
    for y in range(height):
        # Grey bars where the lines of text were, on a slightly off-white sheet.
        in_line = 40 <= y < 260 and y % 9 < 4
        rows.append(bytes(90 if in_line and 20 <= x < 190 - (y * 7) % 40 else 235 for x in range(width)))
    pixels = zlib.compress(b"".join(rows))
    image = _stream(
        pixels,
        b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8"
        b" /Filter /FlateDecode" % (width, height),
    )
    content = b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q" % (A4_WIDTH, A4_HEIGHT)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im1 5 0 R >> >>"
        b" /Contents 4 0 R >>" % (A4_WIDTH, A4_HEIGHT),
        _stream(content),
        image,
    ]
    return _assemble(objects)


def encrypt_pdf(data: bytes, password: str, *, owner_password: str | None = None) -> bytes:
    """The PDF encrypted so that it opens only with password (an empty password opens it without asking).

    RC4 needs no extra dependency in pypdf, unlike AES.
    """
    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=owner_password, algorithm="RC4-128")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(title: str, paragraphs: list[str], table_rows: list[list[str]] | None = None) -> bytes:
    """A Word document with the title as its heading, the paragraphs and, if given, a table (first row as header)."""
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=max(len(row) for row in table_rows))
        table.style = "Table Grid"
        for row, values in zip(table.rows, table_rows, strict=False):
            for cell, value in zip(row.cells, values, strict=False):
                cell.text = value
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    out = BytesIO()
    document.save(out)
    return out.getvalue()
