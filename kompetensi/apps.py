from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KompetensiConfig(AppConfig):
    name = "kompetensi"
    verbose_name = _("Kompetensi dan Pelatihan")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
        from .plans import receivers  # noqa: F401
