"""Workflow and task names are for people: the set-up used to name them after the instansi's slug
("Persetujuan kebijakan (gorontalo)"), and some were typed as bare slugs ("persetujuan-kebijakan-dinkes"). They
become "Persetujuan Kebijakan – Pemerintah Provinsi Gorontalo", and each instansi's two set-up workflows are linked
through EditorialWorkflow so that nothing finds them by name any more."""

import re

from django.db import migrations

# the names home.editorial gave before (workflow or task; kind of workflow or None for a task)
OLD_FORMS = {
    "tinjauan konten": ("Tinjauan Konten", "content"),
    "persetujuan kebijakan": ("Persetujuan Kebijakan", "policy"),
    "tinjauan admin konten": ("Tinjauan Admin Konten", None),
    "persetujuan pimpinan": ("Persetujuan Pimpinan", None),
}
SET_UP = re.compile(r"^(?P<words>.+?) \((?P<slug>[a-z0-9-]+)\)$")
BARE_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")


def readable(name, instansi_by_slug):
    """(new name, instansi, kind) for a slug-like name, None for a name people wrote."""
    match = SET_UP.match(name)
    if match and match["slug"] in instansi_by_slug:
        words, kind = OLD_FORMS.get(match["words"].lower(), (match["words"], None))
        instansi = instansi_by_slug[match["slug"]]
        return f"{words} – {instansi.name}", instansi, kind
    if BARE_SLUG.match(name):
        parts = re.split(r"[-_]", name)
        # the longest tail that is an instansi's slug ("...-dinkes", "...-kota-bukittinggi")
        for cut in range(1, len(parts)):
            slug = "-".join(parts[cut:])
            if slug in instansi_by_slug:
                words = " ".join(parts[:cut])
                titled = OLD_FORMS.get(words, (words.title(), None))
                return f"{titled[0]} – {instansi_by_slug[slug].name}", instansi_by_slug[slug], titled[1]
        return " ".join(parts).capitalize(), None, None
    return None


def forwards(apps, schema_editor):
    Instansi = apps.get_model("portal", "Instansi")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    EditorialWorkflow = apps.get_model("home", "EditorialWorkflow")
    instansi_by_slug = {instansi.slug: instansi for instansi in Instansi.objects.all()}
    for workflow in Workflow.objects.all():
        found = readable(workflow.name, instansi_by_slug)
        if found is None:
            continue
        workflow.name, instansi, kind = found
        workflow.save(update_fields=["name"])
        if instansi is not None and kind is not None:
            if not EditorialWorkflow.objects.filter(instansi=instansi, kind=kind).exists():
                EditorialWorkflow.objects.get_or_create(workflow=workflow, defaults={"instansi": instansi, "kind": kind})
    for task in Task.objects.all():
        found = readable(task.name, instansi_by_slug)
        if found is not None:
            task.name = found[0]
            task.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_editorial_workflows"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
