"""Per-instansi role groups become one portal model (InstansiGroup). The apps that kept their own link them in
their own migrations (home: EditorGroup; kompetensi: the organiser groups)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('portal', '0003_remove_wagtail_default_editors'),
    ]

    operations = [
        migrations.CreateModel(
            name='InstansiGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(max_length=60, verbose_name='peran')),
                ('group', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='instansi_group', to='auth.group')),
                ('instansi', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='role_groups', to='portal.instansi', verbose_name='instansi')),
            ],
            options={
                'verbose_name': 'grup peran instansi',
                'verbose_name_plural': 'grup peran instansi',
                'constraints': [models.UniqueConstraint(fields=('instansi', 'role'), name='instansigroup_unique_role')],
            },
        ),
    ]
