"""Evidence moves from the public media folder to the private storage (served only through the scope-checked
view, portal/files.py). Each file is copied, checked by size, and only then removed from the public folder; a file
missing on disk is skipped (its row keeps its name), and a file already present in the target is left as it is."""

from django.core.files.storage import storages
from django.db import migrations, models

import kompetensi.models.ledger
import portal.private_storage


def _move(apps, source, target):
    ExternalLearning = apps.get_model("kompetensi", "ExternalLearning")
    names = ExternalLearning.objects.exclude(evidence="").values_list("evidence", flat=True).iterator()
    for name in names:
        if not source.exists(name):
            continue
        if not target.exists(name):
            with source.open(name, "rb") as handle:
                saved = target.save(name, handle)
            if saved != name or target.size(name) != source.size(name):
                raise RuntimeError(f"copying {name} to the private storage failed")
        source.delete(name)


def to_private(apps, schema_editor):
    _move(apps, storages["default"], storages["private"])


def to_public(apps, schema_editor):
    _move(apps, storages["private"], storages["default"])


class Migration(migrations.Migration):
    dependencies = [
        ("kompetensi", "0006_transition_history"),
    ]

    operations = [
        migrations.AlterField(
            model_name="externallearning",
            name="evidence",
            field=models.FileField(
                storage=portal.private_storage.private_storage,
                upload_to=kompetensi.models.ledger.evidence_path,
                verbose_name="bukti",
            ),
        ),
        migrations.RunPython(to_private, to_public),
    ]
