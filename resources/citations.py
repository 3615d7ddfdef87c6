"""Citation downloads (RIS and BibTeX) for a resource."""

import re

from django.http import HttpResponse
from django.utils.text import slugify

RIS_TYPES = {"regulasi": "LEGAL", "laporan-riset": "RPRT", "policy-brief": "RPRT", "video": "VIDEO"}


def _attachment(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def ris_response(resource, request):
    lines = [
        f"TY  - {RIS_TYPES.get(resource.resource_type.slug, 'GEN')}",
        f"TI  - {resource.title}",
        f"AU  - {resource.authors_text()}",
    ]
    if resource.published_year:
        lines.append(f"PY  - {resource.published_year}")
    if resource.publisher:
        lines.append(f"PB  - {resource.publisher}")
    lines += [f"KW  - {tag.name}" for tag in resource.tags.all()]
    lines += [
        f"LA  - {resource.language}",
        f"AB  - {resource.summary}",
        f"UR  - {resource.get_full_url(request)}",
        "ER  - ",
    ]
    return _attachment(
        "\r\n".join(lines) + "\r\n",
        f"{slugify(resource.title)[:60] or 'resource'}.ris",
        "application/x-research-info-systems; charset=utf-8",
    )


def _bibtex_escape(value):
    return re.sub(r"([{}\\\\&%$#_])", r"\\\1", str(value))


def bibtex_response(resource, request):
    author_word = slugify(resource.authors_text()).split("-")[0] or "jsd"
    key = f"{author_word}{resource.published_year or ''}{slugify(resource.title).split('-')[0]}"
    fields = {
        "title": resource.title,
        "author": resource.authors_text(),
        "year": resource.published_year or "",
        "publisher": resource.publisher,
        "url": resource.get_full_url(request),
        "language": resource.get_language_display(),
        "keywords": ", ".join(tag.name for tag in resource.tags.all()),
    }
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields.items() if value)
    entry = f"@misc{{{key},\n{body}\n}}\n"
    return _attachment(
        entry, f"{slugify(resource.title)[:60] or 'resource'}.bib", "application/x-bibtex; charset=utf-8"
    )
