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


def _ensure_groups(sender, **kwargs):
    # after every migrate, so the groups exist on a fresh database and pick up new permissions
    from .services import ensure_groups

    ensure_groups()
