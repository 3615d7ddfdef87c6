"""What the site's public forms share: labels that read as sentences, and text cleaned of markup and controls."""

import re

from django.utils.html import strip_tags

# C0/C1 controls (but tab and newline), zero-width and bidirectional override characters.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def plain_text(value, multiline=False):
    """Text without HTML tags or control characters; single-line unless `multiline`."""
    value = strip_tags(value or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = CONTROL_CHARACTERS.sub("", value)
    if not multiline:
        return " ".join(value.split())
    lines = [" ".join(line.split()) for line in value.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class PlainLabels:
    """Labels without Django's trailing colon: they read as questions and sentences."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
