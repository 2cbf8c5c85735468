"""Admin list columns: a boolean field reads "Ya"/"Tidak" instead of Wagtail's raw True/False."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "—"
        return _("Ya") if value else _("Tidak")


def yes_no_column(model, field_name):
    """A sortable Ya/Tidak column headed by the field's own verbose name."""
    label = capfirst(model._meta.get_field(field_name).verbose_name)
    return YesNoColumn(field_name, label=label, sort_key=field_name)
