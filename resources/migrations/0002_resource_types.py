from django.db import migrations

TYPES = [
    ("modul", "Modul pelatihan", "Training module", 10),
    ("sop-pedoman", "SOP / pedoman", "SOP / guideline", 20),
    ("regulasi", "Regulasi (Perwal/Pergub/Kepgub/UU)", "Regulation (Perwal/Pergub/Kepgub/law)", 30),
    ("policy-brief", "Policy brief", "Policy brief", 40),
    ("laporan-riset", "Laporan riset / survei", "Research or survey report", 50),
    ("materi-kampanye", "Materi kampanye", "Campaign material", 60),
    ("toolkit", "Toolkit", "Toolkit", 70),
    ("video", "Video", "Video", 80),
    ("infografis", "Infografis", "Infographic", 90),
]


def add_types(apps, schema_editor):
    ResourceType = apps.get_model("resources", "ResourceType")
    for slug, name, name_en, order in TYPES:
        ResourceType.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
