from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import panels  # noqa: F401  (registers the portal's dashboard panels)

        # for every app, not only portal: the permissions of later apps (wagtailadmin.access_admin) and even
        # portal's own are created by receivers that may run after ours for the same sender
        post_migrate.connect(_ensure_groups, dispatch_uid="lentera-ensure-groups")

        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        m2m_changed.connect(_forget_cached_roles, sender=get_user_model().groups.through, dispatch_uid="lentera-roles")


def _ensure_groups(sender, **kwargs):
    # after every migrate, so the groups exist on a fresh database and pick up new permissions
    from .services import ensure_groups

    ensure_groups()


def _forget_cached_roles(sender, instance, reverse, **kwargs):
    # scoping caches a user's roles on the user object; a change of groups must not leave it stale
    if not reverse:
        instance.__dict__.pop("_lentera_groups", None)  # portal.scoping.forget_identity, without its import
