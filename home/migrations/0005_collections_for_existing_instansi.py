"""Give every existing instansi its media collection and its groups their permissions there. Written against
the historical models (the collection tree's path computed as treebeard does), so it keeps working as the code
moves on; new instansi get theirs from home.collections.ensure_instansi_collection."""

from django.db import migrations

# home.collections.COLLECTION_PERMISSIONS as it stood when this migration was written (migrations are history)
COLLECTION_PERMISSIONS = {
    "Admin Konten": [
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
    ],
    "Pimpinan": ["wagtaildocs.choose_document", "wagtailimages.choose_image"],
    "Penyelenggara Pelatihan": ["wagtaildocs.add_document", "wagtaildocs.choose_document", "wagtailimages.choose_image"],
}  # fmt: skip

STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _encode(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _add_child(Collection, root, name):
    last = Collection.objects.filter(depth=root.depth + 1, path__startswith=root.path).order_by("-path").first()
    number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    child = Collection.objects.create(name=name, depth=root.depth + 1, path=root.path + _encode(number), numchild=0)
    Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    root.numchild += 1
    return child


def forwards(apps, schema_editor):
    Instansi = apps.get_model("portal", "Instansi")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    InstansiCollection = apps.get_model("home", "InstansiCollection")
    EditorGroup = apps.get_model("home", "EditorGroup")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for instansi in Instansi.objects.order_by("pk"):
        link = InstansiCollection.objects.filter(instansi=instansi).first()
        if link is None:
            link = InstansiCollection.objects.create(
                instansi=instansi, collection=_add_child(Collection, root, instansi.name)
            )
        groups = {row.role: row.group for row in EditorGroup.objects.filter(instansi=instansi)}
        organiser = Group.objects.filter(name=f"Penyelenggara Pelatihan ({instansi.slug})").first()
        if organiser is not None:
            groups["Penyelenggara Pelatihan"] = organiser
        for role, group in groups.items():
            for dotted in COLLECTION_PERMISSIONS.get(role, []):
                app_label, codename = dotted.split(".")
                # on a fresh database permissions appear only after migrate; there is no instansi yet either
                for permission in Permission.objects.filter(content_type__app_label=app_label, codename=codename):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=link.collection, permission=permission
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_instansi_collection"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0001_initial"),
        ("wagtailimages", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
