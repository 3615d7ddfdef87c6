"""What the account tests share (their fixtures, an alumna with a profile, are in tests/conftest.py)."""

from django.urls import reverse
from django.utils import translation

PASSWORD = "sandi-rahasia-123"  # UserFactory's


def english(name, *args):
    """The URL of a page under /en/: for tests that read what the page says."""
    with translation.override("en"):
        return reverse(name, args=args)
