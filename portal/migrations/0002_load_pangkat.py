"""Rank reference of PP 99/2000: I/a Juru Muda .. IV/e Pembina Utama."""

from django.db import migrations

PANGKAT = [
    ("I/a", "Juru Muda"), ("I/b", "Juru Muda Tingkat I"), ("I/c", "Juru"), ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"), ("II/b", "Pengatur Muda Tingkat I"), ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"), ("III/a", "Penata Muda"), ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"), ("III/d", "Penata Tingkat I"), ("IV/a", "Pembina"), ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"), ("IV/d", "Pembina Utama Madya"), ("IV/e", "Pembina Utama"),
]  # fmt: skip


def load(apps, schema_editor):
    Pangkat = apps.get_model("portal", "Pangkat")
    for order, (golongan, name) in enumerate(PANGKAT, start=1):
        Pangkat.objects.update_or_create(golongan_ruang=golongan, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
