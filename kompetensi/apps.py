from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KompetensiConfig(AppConfig):
    name = "kompetensi"
    verbose_name = _("Kompetensi dan Pelatihan")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import panels, signals  # noqa: F401  (dashboard panel, organiser-group sync)

        post_migrate.connect(_grant_permissions, sender=self)


def _grant_permissions(sender, **kwargs):
    from django.contrib.auth.management import create_permissions

    from .services import grant_role_permissions

    # this receiver may run before auth's own for this app: make sure our permissions exist first
    create_permissions(sender, verbosity=0, using=kwargs.get("using", "default"))
    grant_role_permissions()
