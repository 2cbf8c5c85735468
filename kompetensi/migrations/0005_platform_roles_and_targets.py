"""Onto the platform: the organiser groups named "Penyelenggara Pelatihan (<slug>)" become portal.InstansiGroup
rows (same groups, members and page permissions), and the PPPK JP target moves from the Instansi row into the JP
target rule table: a default row with the regulation's 24 JP, and an override for every instansi that had set
another value (copied before portal drops the old field)."""

from django.db import migrations

ORGANISER = "Penyelenggara Pelatihan"
PPPK_DEFAULT = 24


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Instansi = apps.get_model("portal", "Instansi")
    InstansiGroup = apps.get_model("portal", "InstansiGroup")
    TargetJP = apps.get_model("kompetensi", "TargetJP")
    by_slug = {instansi.slug: instansi for instansi in Instansi.objects.all()}
    for group in Group.objects.filter(name__startswith=f"{ORGANISER} ("):
        instansi = by_slug.get(group.name[len(ORGANISER) + 2 : -1])
        if instansi is not None:
            InstansiGroup.objects.get_or_create(instansi=instansi, role=ORGANISER, defaults={"group": group})
    TargetJP.objects.get_or_create(status="PPPK", instansi=None, defaults={"target": PPPK_DEFAULT})
    for instansi in by_slug.values():
        if instansi.jp_target_pppk != PPPK_DEFAULT:
            TargetJP.objects.update_or_create(
                status="PPPK", instansi=instansi, defaults={"target": instansi.jp_target_pppk}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("kompetensi", "0004_evidence_private_names"),
        ("portal", "0004_instansi_groups"),
    ]
    run_before = [("portal", "0005_remove_instansi_jp_target_pppk")]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
