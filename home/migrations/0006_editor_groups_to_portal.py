"""home.EditorGroup rows become portal.InstansiGroup rows: the same groups, memberships, page permissions and workflow
tasks, now kept by the one role mechanism."""

from django.db import migrations


def forwards(apps, schema_editor):
    EditorGroup = apps.get_model("home", "EditorGroup")
    InstansiGroup = apps.get_model("portal", "InstansiGroup")
    for link in EditorGroup.objects.all():
        InstansiGroup.objects.get_or_create(
            instansi_id=link.instansi_id, role=link.role, defaults={"group_id": link.group_id}
        )


def backwards(apps, schema_editor):
    EditorGroup = apps.get_model("home", "EditorGroup")
    InstansiGroup = apps.get_model("portal", "InstansiGroup")
    for link in InstansiGroup.objects.filter(role__in=["Admin Konten", "Pimpinan"]):
        EditorGroup.objects.get_or_create(group_id=link.group_id, defaults={"instansi_id": link.instansi_id, "role": link.role})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_collections_for_existing_instansi"),
        ("portal", "0004_instansi_groups"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="EditorGroup"),
    ]
