"""django-import-export resources: the HR compliance export and the results import of a session."""

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from portal.models import Pegawai


class ComplianceResource(resources.ModelResource):
    """Employees with their JP for the year against their target (formulas escaped by IMPORT_EXPORT settings)."""

    nip = fields.Field(attribute="nip", column_name="NIP")
    nama = fields.Field(attribute="full_name", column_name=_("Nama"))
    unit = fields.Field(attribute="unit__name", column_name=_("Unit kerja"))
    status = fields.Field(attribute="status", column_name=_("Status"))
    jp = fields.Field(attribute="jp", column_name="JP")
    target = fields.Field(attribute="target", column_name=_("Target"))
    kurang = fields.Field(column_name=_("Kekurangan"))

    class Meta:
        model = Pegawai
        fields = ("nip", "nama", "unit", "status", "jp", "target", "kurang")
        export_order = fields

    def __init__(self, year=None, **kwargs):
        super().__init__(**kwargs)
        self.year = year

    def dehydrate_kurang(self, pegawai):
        return max(0, pegawai.shortfall)
