"""Import of potential assessment results (hasil asesmen potensi), one row per employee and date, through the
platform's import view: each row goes through the service that HR's page uses; the placements of the employees
in the file are recomputed once at the end."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields
from import_export.instance_loaders import BaseInstanceLoader

from portal.importing.base import DecimalWidget, IndonesianDateWidget, InstansiResource, LookupWidget, TextWidget, text
from portal.models import Pegawai

from . import services
from .models import PotentialAssessment

COLUMNS = [
    ("nip", "198501012010011001"),
    ("tanggal", "2025-11-03"),
    ("nilai", "82.5"),
    ("lembaga", "UPT Penilaian Kompetensi BKD"),
    ("catatan", "Asesmen potensi calon pejabat administrator"),
]


def _field(attribute, column, widget=None):
    return fields.Field(attribute=attribute, column_name=column, widget=widget or TextWidget())


def _date(value):
    try:
        return IndonesianDateWidget().clean(value)
    except ValueError:
        return None


class AssessmentLoader(BaseInstanceLoader):
    """A result is found by the NIP and date of its row (read once by `before_import`): that row is corrected."""

    def get_instance(self, row):
        return self.resource.existing.get((text(row.get("nip")), _date(row.get("tanggal"))))


class PotentialAssessmentResource(InstansiResource):
    instansi_path = "pegawai__instansi"
    key_field = "pegawai"
    key_columns = ("nip", "tanggal")
    text_columns = ("nip",)

    pegawai = _field(
        "pegawai",
        "nip",
        LookupWidget(
            "pegawai_choices", "nip", gettext_lazy("NIP"), required=True,
            missing=gettext_lazy("NIP %(value)s tidak ditemukan di antara pegawai aktif instansi ini."),
        ),
    )  # fmt: skip
    assessed_on = _field("assessed_on", "tanggal", IndonesianDateWidget())
    score = _field("score", "nilai", DecimalWidget(gettext_lazy("Nilai")))
    lembaga = _field("lembaga", "lembaga")
    note = _field("note", "catatan")

    class Meta(InstansiResource.Meta):
        model = PotentialAssessment
        fields = ("pegawai", "assessed_on", "score", "lembaga", "note")
        import_id_fields = ("pegawai",)  # unused: the loader finds a row by NIP and date
        instance_loader_class = AssessmentLoader
        use_bulk = False

    @classmethod
    def template_rows(cls, instansi, rows):
        """The example's NIP where the instansi has that employee, else one of its own employees."""
        nips = set(Pegawai.objects.filter(instansi=instansi, is_active=True).values_list("nip", flat=True)[:1000])
        first = min(nips) if nips else ""
        for row in rows:
            if first and row.get("nip") not in nips:
                row["nip"] = first
        return rows

    def pegawai_choices(self):
        return Pegawai.objects.filter(instansi=self.instansi, is_active=True)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.touched = set()
        self.existing = {
            (row.pegawai.nip, row.assessed_on): row
            for row in PotentialAssessment.objects.filter(pegawai__instansi=self.instansi).select_related("pegawai")
        }

    def instance_key(self, instance):
        return ""  # the duplicate check reads the file's key columns

    def validate_row(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if "assessed_on" not in errors:
            if instance.assessed_on is None:
                errors["assessed_on"] = [_("Tanggal asesmen wajib diisi.")]
            elif instance.assessed_on > timezone.localdate():
                errors["assessed_on"] = [_("Tanggal asesmen tidak boleh di masa depan.")]
        if "score" not in errors and (instance.score is None or instance.score > 100):
            errors["score"] = [_("Nilai potensi wajib diisi, 0 sampai 100.")]
        if len(instance.lembaga or "") > 200:
            errors["lembaga"] = [_("Lembaga paling panjang 200 karakter.")]
        if len(instance.note or "") > services.NOTE_MAX:
            errors["note"] = [_("Catatan paling panjang 1.000 karakter.")]
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        try:
            saved = services.record_assessment(
                actor=self.user, pegawai=instance.pegawai, assessed_on=instance.assessed_on, score=instance.score,
                lembaga=instance.lembaga, note=instance.note, recompute=False,
            )  # fmt: skip
        except PermissionDenied as error:
            raise ValidationError({"pegawai": str(error)}) from None
        except ValidationError as error:
            raise ValidationError({"score": " ".join(error.messages)}) from None
        instance.pk = saved.pk
        self.touched.add(saved.pegawai_id)
        self.imported[saved.pk] = saved

    def finish_import(self, job, result):
        if self.touched:
            services.recompute_instansi(instansi=self.instansi, pegawai_ids=sorted(self.touched), notify_hr=False)
