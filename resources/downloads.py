"""How downloaded files are named: after their title ("modul-1-deteksi-dini.pdf"), not after the name the storage
gave the upload ("demo-module-1-handout-01fbbc73d4.pdf")."""

from urllib.parse import quote

from django.utils.text import slugify
from wagtail.coreutils import string_to_ascii

MAX_STEM_LENGTH = 100


def human_file_name(title, extension, fallback="file"):
    """`title` as a file name, in the letters it has (Indonesian titles are ASCII; names of people and places may not
    be), with `extension`; `fallback` when the title has no letter or digit."""
    stem = slugify(title, allow_unicode=True)[:MAX_STEM_LENGTH].strip("-_") or fallback
    return f"{stem}.{extension.lower()}" if extension else stem


def content_disposition(name, disposition="attachment"):
    """A Content-Disposition header naming the file `name` (RFC 6266): in ASCII for every client, and in UTF-8 as
    well (filename*) when the name has other letters."""
    ascii_name = string_to_ascii(name).replace('"', "").replace("\\", "")
    header = f'{disposition}; filename="{ascii_name}"'
    if ascii_name != name:
        header += f"; filename*=UTF-8''{quote(name)}"
    return header
