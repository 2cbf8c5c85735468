from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import panels  # noqa: F401  (registers the portal's dashboard panels)

        post_migrate.connect(_ensure_groups, sender=self)


def _ensure_groups(sender, **kwargs):
    # after every migrate, so the groups exist on a fresh database and pick up new permissions
    from .services import ensure_groups

    ensure_groups()
