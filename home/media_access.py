"""Who reaches which Wagtail document or image.

A document is downloadable (`/dokumen/<id>/<file>`) by a superuser, or by a user when both hold:
- it lies in their instansi's collection, or in no instansi's collection (shared files, e.g. uploaded before
  the collections existed) and is referenced from at least one page;
- when pages reference it (Wagtail's reference index), the user may view at least one of those pages: a file
  attached only to a restricted page is as private as the page.
Anything else answers 404, like a missing document.

In the admin (the admin API's documents and images), a non-superuser sees only files of their instansi's
collection on which they hold a collection permission.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from portal.scoping import pegawai_of

from .collections import instansi_collection_paths, owned_collection_paths
from .models import filter_visible


def _under(paths, prefix="collection__"):
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def _referencing_page_ids(document):
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    return {int(object_id) for object_id in references.values_list("object_id", flat=True)}


def can_download(user, document) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    me = pegawai_of(user)
    if me is None:
        return False
    path = document.collection.path
    own = any(path.startswith(prefix) for prefix in instansi_collection_paths(me.instansi_id))
    shared = not any(path.startswith(prefix) for prefix in owned_collection_paths())
    page_ids = _referencing_page_ids(document)
    if not (own or (shared and page_ids)):
        return False
    return not page_ids or filter_visible(Page.objects.filter(pk__in=page_ids), user).exists()


def in_own_collection(user, collection) -> bool:
    """Whether `collection` is (under) the user's instansi collection; always for superusers."""
    if getattr(user, "is_superuser", False):
        return True
    me = pegawai_of(user)
    paths = instansi_collection_paths(me.instansi_id) if me is not None else []
    return any(collection.path.startswith(path) for path in paths)


def admin_media(model, user):
    """Documents or images of `model` that `user` may list in the admin."""
    policy = policy_registry.get_by_type(model)
    queryset = policy.instances_user_has_any_permission_for(user, ["choose", "change"])
    if getattr(user, "is_superuser", False):
        return queryset
    me = pegawai_of(user)
    paths = instansi_collection_paths(me.instansi_id) if me is not None else []
    return queryset.filter(_under(paths))
