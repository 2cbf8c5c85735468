"""Wagtail's starter 'Editors' and 'Moderators' groups hold page permissions on the whole tree and the
'Moderators approval' workflow sits on the root: on a multi-instansi intranet both would cross instansi
boundaries. Lentera's roles get permissions per instansi subtree instead (home.services)."""

from django.db import migrations

STARTER_GROUPS = ["Editors", "Moderators"]


def remove_starter_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    starter = Workflow.objects.filter(name="Moderators approval")
    WorkflowPage.objects.filter(workflow__in=starter).delete()
    starter.update(active=False)
    Group.objects.filter(name__in=STARTER_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_load_pangkat"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]
    operations = [migrations.RunPython(remove_starter_editors, migrations.RunPython.noop)]
