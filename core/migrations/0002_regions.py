from django.db import migrations
from django.utils.text import slugify

PROVINCES = [
    ("11", "Aceh"), ("12", "Sumatera Utara"), ("13", "Sumatera Barat"), ("14", "Riau"), ("15", "Jambi"),
    ("16", "Sumatera Selatan"), ("17", "Bengkulu"), ("18", "Lampung"), ("19", "Kepulauan Bangka Belitung"),
    ("21", "Kepulauan Riau"), ("31", "DKI Jakarta"), ("32", "Jawa Barat"), ("33", "Jawa Tengah"),
    ("34", "DI Yogyakarta"), ("35", "Jawa Timur"), ("36", "Banten"), ("51", "Bali"),
    ("52", "Nusa Tenggara Barat"), ("53", "Nusa Tenggara Timur"), ("61", "Kalimantan Barat"),
    ("62", "Kalimantan Tengah"), ("63", "Kalimantan Selatan"), ("64", "Kalimantan Timur"),
    ("65", "Kalimantan Utara"), ("71", "Sulawesi Utara"), ("72", "Sulawesi Tengah"), ("73", "Sulawesi Selatan"),
    ("74", "Sulawesi Tenggara"), ("75", "Gorontalo"), ("76", "Sulawesi Barat"), ("81", "Maluku"),
    ("82", "Maluku Utara"), ("91", "Papua"), ("92", "Papua Barat"), ("93", "Papua Selatan"),
    ("94", "Papua Tengah"), ("95", "Papua Pegunungan"), ("96", "Papua Barat Daya"),
]

BANTEN = [
    ("36.01", "Kabupaten Pandeglang", "regency"),
    ("36.02", "Kabupaten Lebak", "regency"),
    ("36.03", "Kabupaten Tangerang", "regency"),
    ("36.04", "Kabupaten Serang", "regency"),
    ("36.71", "Kota Tangerang", "city"),
    ("36.72", "Kota Cilegon", "city"),
    ("36.73", "Kota Serang", "city"),
    ("36.74", "Kota Tangerang Selatan", "city"),
]


def add_regions(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    provinces = {}
    for code, name in PROVINCES:
        provinces[code], _ = Region.objects.update_or_create(
            code=code, defaults={"name": name, "slug": slugify(name), "kind": "province"}
        )
    for code, name, kind in BANTEN:
        Region.objects.update_or_create(
            code=code,
            defaults={"name": name, "slug": slugify(name), "kind": kind, "province": provinces["36"]},
        )


def remove_regions(apps, schema_editor):
    apps.get_model("core", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(add_regions, remove_regions)]
