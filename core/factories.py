"""Test data of the kernel (see each app's factories.py for theirs)."""

from django.utils.text import slugify

from .models import Region


def region(name="Kabupaten Pandeglang"):
    """A Banten region by name; created when a live-server flush has removed the migration's rows."""
    existing = Region.objects.filter(name=name).first()
    if existing:
        return existing
    banten = Region.objects.get_or_create(code="36", defaults={"name": "Banten", "slug": "banten", "kind": "province"})[
        0
    ]
    return Region.objects.create(
        name=name,
        slug=slugify(name),
        kind="city" if name.startswith("Kota") else "regency",
        code=f"36.{Region.objects.count() + 90}",
        province=banten,
    )
