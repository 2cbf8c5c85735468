from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from portal import roles

from . import services


@receiver(m2m_changed, sender=get_user_model().groups.through)
def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    role = Group.objects.filter(name=roles.PENYELENGGARA).values_list("pk", flat=True).first()
    if reverse or role is None or (pk_set is not None and role not in pk_set):
        return  # only a change of the organiser role itself moves the per-instansi group
    services.sync_organiser_group(instance)


@receiver(page_published)
@receiver(page_unpublished)
def on_course_changed(sender, instance, **kwargs):
    from .models import CoursePage
    from .queries import facets_cache_key

    if isinstance(instance, CoursePage) or getattr(instance, "specific_class", None) is CoursePage:
        cache.delete(facets_cache_key(instance.get_parent().pk))
