"""PPPK golongan I .. XVII (Perpres 11/2024): rows of their own kind next to the PNS ranks, which have a rank name
and these have not."""

from django.db import migrations, models

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]
PPPK_ORDER_FROM = 101  # after the 17 PNS ranks, so that the two kinds never share an order


def load(apps, schema_editor):
    Pangkat = apps.get_model("portal", "Pangkat")
    for offset, golongan in enumerate(ROMAN):
        Pangkat.objects.update_or_create(
            golongan_ruang=golongan,
            defaults={"name": f"Golongan {golongan}", "order": PPPK_ORDER_FROM + offset, "kind": "PPPK"},
        )


def unload(apps, schema_editor):
    apps.get_model("portal", "Pangkat").objects.filter(kind="PPPK").delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0010_instansi_certificate_signatory")]
    operations = [
        migrations.AddField(
            model_name="pangkat",
            name="kind",
            field=models.CharField(
                choices=[("PNS", "PNS"), ("PPPK", "PPPK")], default="PNS", max_length=4, verbose_name="untuk"
            ),
        ),
        migrations.RunPython(load, unload),
    ]
