"""One Wagtail collection per instansi for its documents and images, with collection permissions for the
instansi's own editor groups only: Wagtail's listings, choosers and upload forms then show each editor their own
instansi's files, and `home.media_access` decides who may download a document."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission

from portal import roles
from portal.models import InstansiGroup

from .models import InstansiCollection

# what each per-instansi group may do in its instansi's collection ("app_label.codename")
COLLECTION_PERMISSIONS = {
    roles.ADMIN_KONTEN: [
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
    ],
    roles.PIMPINAN: ["wagtaildocs.choose_document", "wagtailimages.choose_image"],
    roles.PENYELENGGARA: ["wagtaildocs.add_document", "wagtaildocs.choose_document", "wagtailimages.choose_image"],
}  # fmt: skip


def _instansi_groups(instansi) -> dict[str, Group]:
    """The instansi's own groups by role name (portal's one role mechanism)."""
    return {link.role: link.group for link in InstansiGroup.objects.filter(instansi=instansi).select_related("group")}


def _permissions(dotted_names):
    q = Permission.objects.none()
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        q |= Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return list(q)


@transaction.atomic
def ensure_instansi_collection(instansi) -> Collection:
    """The instansi's collection (a child of the root collection, named after it) with its groups' permissions.
    Idempotent: run again when the instansi gets a new group."""
    link = InstansiCollection.objects.select_related("collection").filter(instansi=instansi).first()
    if link is None:
        collection = Collection.get_first_root_node().add_child(name=instansi.name)
        link = InstansiCollection.objects.create(instansi=instansi, collection=collection)
    for role, group in _instansi_groups(instansi).items():
        for permission in _permissions(COLLECTION_PERMISSIONS.get(role, [])):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=link.collection, permission=permission
            )
    return link.collection


def instansi_collection_paths(instansi_id) -> list[str]:
    """Tree path of the instansi's collection (its sub-collections share the prefix); empty when it has none."""
    return list(InstansiCollection.objects.filter(instansi_id=instansi_id).values_list("collection__path", flat=True))


def owned_collection_paths() -> list[str]:
    """Tree paths of every instansi's collection."""
    return list(InstansiCollection.objects.values_list("collection__path", flat=True))
