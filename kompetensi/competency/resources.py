"""Import and export of the dictionary, the job standards and assessment results through the platform's import view
(upload -> dry-run preview -> confirm, all-or-nothing, row errors in Indonesian).

- Kamus kompetensi: one row per competency, its five levels side by side (`level_1` .. `level_5` for the
  description, `indikator_1` .. `indikator_5` for the behaviour indicators, one per line or separated by `;`), so
  that HR fills one line per competency; the export writes the same columns, so a downloaded dictionary re-imports.
- Standar kompetensi jabatan: one row per (kode_jabatan, kode_kompetensi) with the required level.
- Hasil asesmen: one row per result, each written by `services.record_evidence` (the ledger's only writer), so the
  same permission and dictionary checks apply as on the pages.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields
from import_export.instance_loaders import BaseInstanceLoader

from portal.importing.base import (
    ChoiceWidget,
    IndonesianDateWidget,
    InstansiResource,
    IntegerWidget,
    LookupWidget,
    TextWidget,
    text,
)
from portal.models import Jabatan, Pegawai

from . import services
from .models import LEVELS, Competency, CompetencyLevel, Evidence, JobStandard


def _field(attribute, column, widget=None, **kwargs):
    return fields.Field(attribute=attribute, column_name=column, widget=widget or TextWidget(), **kwargs)


def indicator_lines(value):
    """A cell of indicators as lines: one per line (Alt+Enter in Excel) or separated by semicolons."""
    return [part.strip(" -•\t") for part in re.split(r"[\n;]+", text(value)) if part.strip(" -•\t")]


# --- the dictionary ---------------------------------------------------------------------------------------------

LEVEL_COLUMNS = [(f"level_{n}", f"indikator_{n}") for n in LEVELS]


class CompetencyResource(InstansiResource):
    """The instansi's own technical competencies with their levels. National entries are read, never written:
    a row naming a national code is refused. A blank level cell leaves the level's text as it is."""

    code = _field("code", "kode")
    name = _field("name", "nama")
    group = _field(
        "group",
        "kelompok",
        ChoiceWidget([(Competency.Group.TEKNIS, "teknis")], gettext_lazy("Kelompok"), default=Competency.Group.TEKNIS),
    )
    jabatan = _field("jabatan", "kode_jabatan", LookupWidget("jabatan_choices", "code", gettext_lazy("Kode jabatan")))
    definition = _field("definition", "definisi")

    level_1, indikator_1 = fields.Field(column_name="level_1"), fields.Field(column_name="indikator_1")
    level_2, indikator_2 = fields.Field(column_name="level_2"), fields.Field(column_name="indikator_2")
    level_3, indikator_3 = fields.Field(column_name="level_3"), fields.Field(column_name="indikator_3")
    level_4, indikator_4 = fields.Field(column_name="level_4"), fields.Field(column_name="indikator_4")
    level_5, indikator_5 = fields.Field(column_name="level_5"), fields.Field(column_name="indikator_5")

    class Meta(InstansiResource.Meta):
        model = Competency
        fields = (
            "code", "name", "group", "jabatan", "definition", *(column for pair in LEVEL_COLUMNS for column in pair),
        )  # fmt: skip
        export_order = fields
        import_id_fields = ("code",)
        # levels are written after their competency, which needs its primary key: one row at a time
        use_bulk = False

    def jabatan_choices(self):
        return Jabatan.objects.filter(instansi=self.instansi)

    def get_queryset(self):
        return super().get_queryset().select_related("jabatan").prefetch_related("levels")

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.national_codes = {
            code.upper() for code in Competency.objects.filter(instansi__isnull=True).values_list("code", flat=True)
        }

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        instance.imported_levels = {}
        for number, (description, indicators) in enumerate(LEVEL_COLUMNS, start=1):
            lines = indicator_lines(row.get(indicators))
            if text(row.get(description)) or lines:
                instance.imported_levels[number] = (text(row.get(description)), "\n".join(lines))

    def validate_row(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.code.upper() in self.national_codes:
            errors["code"] = [
                _("Kode %(code)s milik kamus nasional; kompetensi nasional hanya diubah oleh superadmin.")
                % {"code": instance.code}
            ]
        try:
            # uniqueness: the instance loader already matched the code to this instansi's entry
            instance.full_clean(
                exclude=[*errors, "instansi", "jabatan"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        super().save_instance(instance, is_create, row, **kwargs)
        existing = {level.level: level for level in CompetencyLevel.objects.filter(competency=instance)}
        for number, (description, indicators) in instance.imported_levels.items():
            level = existing.get(number) or CompetencyLevel(competency=instance, level=number)
            level.description = description or level.description
            level.indicators = indicators or level.indicators
            level.save()

    def _level(self, competency, number):
        return next((level for level in competency.levels.all() if level.level == number), None)

    def export_field(self, field, instance, **kwargs):
        match = re.fullmatch(r"(level|indikator)_(\d)", field.column_name or "")
        if match is None:
            return super().export_field(field, instance, **kwargs)
        level = self._level(instance, int(match.group(2)))
        if level is None:
            return ""
        return level.description if match.group(1) == "level" else level.indicators


class DictionaryExportResource(CompetencyResource):
    """The dictionary in force for the instansi (its national entries too), in the import's columns."""

    def get_queryset(self):
        return (
            dictionary_lookup(self.instansi)
            .select_related("jabatan")
            .prefetch_related("levels")
            .order_by("group", "order", "code")
        )


DICTIONARY_COLUMNS = [
    ("kode", "T.SDM.01"),
    ("nama", "Manajemen Aparatur Sipil Negara"),
    ("kelompok", "teknis"),
    ("kode_jabatan", ""),
    ("definisi", "Kemampuan mengelola manajemen ASN sesuai peraturan perundang-undangan."),
    ("level_1", "Memahami dasar-dasar manajemen ASN."),
    ("indikator_1", "Menjelaskan jenis dan kedudukan ASN; Menyebutkan peraturan pokok manajemen ASN"),
    ("level_2", "Menerapkan ketentuan manajemen ASN dalam tugas rutin."),
    ("indikator_2", "Menyiapkan berkas layanan kepegawaian sesuai ketentuan; Memeriksa kelengkapan usulan"),
    ("level_3", "Menganalisis permasalahan manajemen ASN di unit kerja."),
    ("indikator_3", "Menganalisis kebutuhan pegawai; Menyusun rekomendasi penyelesaian masalah kepegawaian"),
    ("level_4", "Merumuskan kebijakan manajemen ASN tingkat instansi."),
    ("indikator_4", "Menyusun rancangan kebijakan kepegawaian; Mengevaluasi penerapan sistem merit"),
    ("level_5", "Menjadi rujukan manajemen ASN tingkat nasional."),
    ("indikator_5", "Menjadi narasumber kebijakan manajemen ASN; Mengembangkan model manajemen talenta"),
]


# --- job standards ----------------------------------------------------------------------------------------------


class PairLoader(BaseInstanceLoader):
    """Finds a standard by (jabatan, competency) among the instansi's standards, read once."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.by_pair = {(s.jabatan_id, s.competency_id): s for s in resource.get_queryset()}

    def get_instance(self, row):
        try:
            jabatan = self.resource.fields["jabatan"].clean(row)
            competency = self.resource.fields["competency"].clean(row)
        except ValueError:  # reported on the cell by import_instance
            return None
        if jabatan is None or competency is None:
            return None
        return self.by_pair.get((jabatan.pk, competency.pk))


def dictionary_lookup(instansi):
    """The dictionary of `instansi`: the national entries and its own, active or not."""
    return Competency.objects.filter(Q(instansi__isnull=True) | Q(instansi=instansi))


def competency_field():
    return _field(
        "competency",
        "kode_kompetensi",
        LookupWidget(
            "competency_choices",
            "code",
            gettext_lazy("Kode kompetensi"),
            required=True,
            normalise=lambda value: value.strip().upper(),
            missing=gettext_lazy("Kode kompetensi '%(value)s' tidak ada di kamus kompetensi instansi ini."),
        ),
    )


class DictionaryChoices:
    def competency_choices(self):
        # national first, so that the instansi's own active entry of the same code wins in the lookup
        active = dictionary_lookup(self.instansi).filter(is_active=True)
        return active.order_by(F("instansi_id").asc(nulls_first=True))


class JobStandardResource(DictionaryChoices, InstansiResource):
    instansi_path = "jabatan__instansi"
    key_field = "jabatan"
    key_columns = ("kode_jabatan", "kode_kompetensi")

    jabatan = _field(
        "jabatan", "kode_jabatan", LookupWidget("jabatan_choices", "code", gettext_lazy("Kode jabatan"), required=True)
    )
    competency = competency_field()
    required_level = _field("required_level", "level", IntegerWidget(gettext_lazy("Level"), minimum=1, maximum=5))

    class Meta(InstansiResource.Meta):
        model = JobStandard
        fields = ("jabatan", "competency", "required_level")
        import_id_fields = ("jabatan", "competency")
        instance_loader_class = PairLoader

    def get_queryset(self):
        return JobStandard.objects.filter(jabatan__instansi=self.instansi).select_related("jabatan", "competency")

    def jabatan_choices(self):
        return Jabatan.objects.filter(instansi=self.instansi)

    def instance_key(self, instance):
        if instance.jabatan_id is None or instance.competency_id is None:
            return ""
        return f"{instance.jabatan.code} / {instance.competency.code}"

    def validate_row(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if "required_level" not in errors and instance.required_level is None:
            errors["required_level"] = [_("Level wajib diisi.")]
        competency = instance.competency if instance.competency_id else None
        if competency is not None and competency.jabatan_id not in (None, instance.jabatan_id):
            errors["competency"] = [_("Kompetensi %(code)s khusus untuk jabatan lain.") % {"code": competency.code}]
        if errors:
            raise ValidationError(errors)


STANDARD_COLUMNS = [("kode_jabatan", "ANALIS-SDM"), ("kode_kompetensi", "M.01"), ("level", "3")]


# --- assessment results -----------------------------------------------------------------------------------------


class NewRowsOnly(BaseInstanceLoader):
    """Every row is a new entry of the ledger: nothing is looked up."""

    def get_instance(self, row):
        return None


RESULT_SOURCES = [
    (Evidence.Source.ASSESSMENT_CENTER, "assessment_center"),
    (Evidence.Source.UJI_KOMPETENSI, "uji_kompetensi"),
]


class AssessmentResultResource(DictionaryChoices, InstansiResource):
    """Results of an assessment center or a competency test, one ledger entry per row (never an update)."""

    instansi_path = "pegawai__instansi"
    key_field = "pegawai"
    key_columns = ("nip", "kode_kompetensi", "tanggal", "sumber")
    text_columns = ("nip",)

    pegawai = _field(
        "pegawai",
        "nip",
        LookupWidget(
            "pegawai_choices", "nip", gettext_lazy("NIP"), required=True,
            missing=gettext_lazy("NIP %(value)s tidak ditemukan di antara pegawai aktif instansi ini."),
        ),
    )  # fmt: skip
    competency = competency_field()
    level = _field("level", "level", IntegerWidget(gettext_lazy("Level"), minimum=1, maximum=5))
    observed_on = _field("observed_on", "tanggal", IndonesianDateWidget())
    source = _field("source", "sumber", ChoiceWidget(RESULT_SOURCES, gettext_lazy("Sumber"), required=True))
    note = _field("note", "catatan")

    class Meta(InstansiResource.Meta):
        model = Evidence
        fields = ("pegawai", "competency", "level", "observed_on", "source", "note")
        import_id_fields = ("pegawai",)  # unused: NewRowsOnly looks nothing up
        instance_loader_class = NewRowsOnly
        use_bulk = False

    def pegawai_choices(self):
        return Pegawai.objects.filter(instansi=self.instansi, is_active=True)

    def init_instance(self, row=None):
        return Evidence()

    def instance_key(self, instance):
        return ""  # the duplicate check reads the file's key columns (errors.duplicate_key_errors)

    def validate_row(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        for attribute, label in (("level", _("Level")), ("observed_on", _("Tanggal"))):
            if attribute not in errors and getattr(instance, attribute) is None:
                errors[attribute] = [_("%(label)s wajib diisi.") % {"label": label}]
        if len(instance.note) > 500:
            errors["note"] = [_("Catatan paling panjang 500 karakter.")]
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        # the ledger's one writer: it checks that the importer may record this source for this employee, that the
        # competency is in force for them, the level and the date; a refusal is this row's error
        try:
            entry = services.record_evidence(
                actor=self.user, pegawai=instance.pegawai, competency=instance.competency, source=instance.source,
                level=instance.level, observed_on=instance.observed_on, note=instance.note,
            )  # fmt: skip
        except PermissionDenied as error:
            raise ValidationError({"source": str(error)}) from None
        except ValidationError as error:
            raise ValidationError({"competency": " ".join(error.messages)}) from None
        instance.pk = entry.pk
        self.imported[entry.pk] = entry


RESULT_COLUMNS = [
    ("nip", "198501012010011001"),
    ("kode_kompetensi", "M.01"),
    ("level", "3"),
    ("tanggal", "2026-03-15"),
    ("sumber", "assessment_center"),
    ("catatan", "Assessment center BKD 2026"),
]
