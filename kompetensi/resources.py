"""django-import-export resources: the HR compliance export and the results import of a session."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from portal.importing.base import ChoiceWidget, InstansiResource, IntegerWidget, TextWidget, text
from portal.models import Pegawai

from . import rules
from .models import Enrolment


class ComplianceResource(resources.ModelResource):
    """Employees with their JP for the year against their target (written out by portal.exporting)."""

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


class ParticipantResource(resources.ModelResource):
    """A session's participants, in the columns the results import reads back (hasil and nilai left to fill)."""

    id_pendaftaran = fields.Field(attribute="pk", column_name="id_pendaftaran")
    nip = fields.Field(attribute="pegawai__nip", column_name="nip")
    nama = fields.Field(attribute="pegawai__nama", column_name="nama")
    status = fields.Field(attribute="get_status_display", column_name="status")
    hasil = fields.Field(column_name="hasil")
    nilai = fields.Field(attribute="score", column_name="nilai")

    class Meta:
        model = Enrolment
        fields = ("id_pendaftaran", "nip", "nama", "status", "hasil", "nilai")
        export_order = fields

    def dehydrate_hasil(self, enrolment):
        return {"completed": "lulus", "not_completed": "tidak"}.get(enrolment.status, "")


class TrainingResultResource(InstansiResource):
    """Results of sessions imported through the portal's import view (upload -> preview -> confirm).

    One row per enrolment, keyed by `id_pendaftaran` as exported from the session page. Each row goes through
    `services.record_results`, so the same rules (organiser of the instansi, allowed transitions) apply as on the
    page, completion writes the JP ledger and the certificate, and the dry-run preview shows every refusal.
    """

    instansi_path = "session__instansi"
    key_field = "id_pendaftaran"

    id_pendaftaran = fields.Field(
        attribute="pk", column_name="id_pendaftaran", widget=IntegerWidget(gettext_lazy("ID pendaftaran"), minimum=1)
    )
    nip = fields.Field(attribute="pegawai__nip", column_name="nip", readonly=True)
    hasil = fields.Field(
        column_name="hasil",
        widget=ChoiceWidget([("lulus", "lulus"), ("tidak", "tidak")], gettext_lazy("Hasil"), required=True),
    )
    nilai = fields.Field(column_name="nilai", widget=TextWidget())

    class Meta(InstansiResource.Meta):
        model = Enrolment
        fields = ("id_pendaftaran", "nip", "hasil", "nilai")
        import_id_fields = ("id_pendaftaran",)

    def get_queryset(self):
        return Enrolment.objects.filter(session__instansi=self.instansi).select_related("pegawai", "session")

    def init_instance(self, row=None):
        raise ValidationError(
            {
                "id_pendaftaran": gettext(
                    "Pendaftaran tidak ditemukan di instansi ini; unduh daftar peserta dari halaman angkatan."
                )
            }
        )

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            instance.import_completed = self.fields["hasil"].clean(row) == "lulus"
        except ValueError as error:
            errors["hasil"] = str(error)
        instance.import_score = None
        try:
            instance.import_score = rules.parse_score(text(row.get("nilai")))
        except ValueError as error:
            errors["nilai"] = str(error)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if import_validation_errors:
            raise ValidationError(import_validation_errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        from . import services

        try:
            services.record_results(
                self.user, instance.session_id, {instance.pk: (instance.import_completed, instance.import_score)}
            )
        except PermissionDenied as error:
            raise ValidationError({"id_pendaftaran": str(error)}) from None
        except ValidationError as error:
            raise ValidationError({"hasil": " ".join(error.messages)}) from None
        self.imported[instance.pk] = instance


RESULT_COLUMNS = [("id_pendaftaran", "1201"), ("nip", "198501012010011001"), ("hasil", "lulus"), ("nilai", "87,5")]
