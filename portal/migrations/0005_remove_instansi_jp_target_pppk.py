"""The PPPK JP target moves into the JP target rule table (kompetensi.TargetJP), whose data migration copies it
first (it declares run_before on this migration)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_instansi_groups"),
    ]

    operations = [
        migrations.RemoveField(model_name="instansi", name="jp_target_pppk"),
    ]
