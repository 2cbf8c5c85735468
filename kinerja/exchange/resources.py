"""django-import-export resources of the exchange with SIASN / e-Kinerja BKN (column names: `columns`).

- Exports, written out by `portal.exporting` (formulas neutralised): the annual results of a period, the SKP plan
  (one row per IKI) and the training history (one row per entry of the JP ledger). Each column is read by one
  getter, looked up by its header, so a header without its getter fails at import time rather than in a file.
- Import: the annual results of the years before Lentera, from the national system's riwayat SKP, through the
  platform's import view (upload -> dry-run preview -> confirm, all-or-nothing). Every row goes through
  `services.record_imported_result`, so the same checks apply as to any other writer.
"""

import zoneinfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources
from import_export.instance_loaders import BaseInstanceLoader

from kompetensi.models import JPEntry
from portal.importing.base import ChoiceWidget, InstansiResource, IntegerWidget, LookupWidget, TextWidget, text
from portal.models import Pegawai

from ..career.models import ImportedAnnualResult
from . import columns, rules, services
from .columns import key

# --- exports ------------------------------------------------------------------------------------------------------


class ColumnsResource(resources.Resource):
    """An export whose columns are `headers`, each read from an object by `getters[header]`."""

    headers: tuple = ()
    getters: dict = {}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fields = {
            f"column_{index}": fields.Field(column_name=column, dehydrate_method=self.getters[column])
            for index, column in enumerate(self.headers)
        }


def _evaluator(evaluation):
    return evaluation.skp.evaluator if evaluation.skp.evaluator_id else None


def _boss(evaluation):
    """The Atasan Pejabat Penilai: the pejabat penilai's own superior (as the evaluation document names them)."""
    evaluator = _evaluator(evaluation)
    return evaluator.atasan if evaluator is not None and evaluator.atasan_id else None


def _of(person, read):
    return read(person) if person is not None else ""


def _status_penilai(evaluation):
    if evaluation.skp.evaluator_id:
        return "ASN"
    return "NON ASN" if evaluation.skp.evaluator_name else ""


class AnnualResultResource(ColumnsResource):
    headers = columns.RESULT_COLUMNS
    getters = {
        columns.NIP: lambda e: e.skp.pegawai.nip,
        columns.NAME: lambda e: e.skp.pegawai.full_name,
        "tahun": lambda e: e.skp.period.year,
        "bulanMulaiPenilaian": lambda e: e.skp.valid_from.month,
        "bulanSelesaiPenilaian": lambda e: e.skp.valid_to.month,
        "hasilKinerja": lambda e: rules.siasn_label(e.rating_hasil_kerja),
        "hasilKinerjaNilai": lambda e: rules.siasn_number(e.rating_hasil_kerja),
        "perilakuKerja": lambda e: rules.siasn_label(e.rating_perilaku_kerja),
        "perilakuKerjaNilai": lambda e: rules.siasn_number(e.rating_perilaku_kerja),
        "kuadranKinerja": lambda e: rules.siasn_label(e.predikat),
        "kuadranKinerjaNilai": lambda e: rules.siasn_number(e.predikat),
        "penilaiNipNrp": lambda e: _of(_evaluator(e), lambda p: p.nip),
        "penilaiNama": lambda e: e.skp.evaluator_name or _of(_evaluator(e), lambda p: p.full_name),
        "penilaiJabatan": lambda e: e.skp.evaluator_position,
        "penilaiUnorNama": lambda e: _of(_evaluator(e), lambda p: p.unit.name),
        "statusPenilai": _status_penilai,
        "atasanPenilaiNipNrp": lambda e: _of(_boss(e), lambda p: p.nip),
        "atasanPenilaiNama": lambda e: _of(_boss(e), lambda p: p.full_name),
        "atasanPenilaiJabatan": lambda e: _of(_boss(e), lambda p: p.jabatan.name if p.jabatan_id else ""),
        "atasanPenilaiUnorNama": lambda e: _of(_boss(e), lambda p: p.unit.name),
        "statusEvaluasi": lambda e: e.get_status_display(),
    }


def _period_of(skp):
    return f"{rules.siasn_date(skp.valid_from)} s.d. {rules.siasn_date(skp.valid_to)}"


class PlanResource(ColumnsResource):
    headers = columns.PLAN_COLUMNS
    getters = {
        "NIP": lambda i: i.rhk.skp.pegawai.nip,
        "NAMA": lambda i: i.rhk.skp.pegawai.full_name,
        "TAHUN": lambda i: i.rhk.skp.period.year,
        "PERIODE": lambda i: _period_of(i.rhk.skp),
        "JENIS RHK": lambda i: i.rhk.get_kind_display(),
        "RENCANA HASIL KERJA": lambda i: i.rhk.text,
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI": lambda i: (
            i.rhk.intervened.text if i.rhk.intervened_id else ""
        ),
        "ASPEK": lambda i: i.get_aspek_display(),
        "INDIKATOR KINERJA INDIVIDU": lambda i: i.text,
        "TARGET": lambda i: i.target,
        "STATUS SKP": lambda i: i.rhk.skp.get_status_display(),
    }


def _session_days(session):
    """The first and last day of a session in the organising instansi's time zone."""
    zone = zoneinfo.ZoneInfo(session.instansi.time_zone)
    return timezone.localdate(session.start_at, zone), timezone.localdate(session.end_at, zone)


def _training(entry):
    """(jenis, penyelenggara, first day, last day, certificate number) of a ledger entry, whatever it rests on."""
    if entry.enrolment_id:
        session = entry.enrolment.session
        course = session.course
        first, last = _session_days(session)
        certificate = getattr(entry.enrolment, "certificate", None)
        number = certificate.code if certificate is not None and certificate.revoked_at is None else ""
        bentuk = course.bentuk.name if course.bentuk_id else ""
        return bentuk, course.provider or session.instansi.name, first, last, number
    if entry.external_id:
        external = entry.external
        return external.bentuk.name, external.organiser, external.start_date, external.end_date, ""
    instansi = entry.mentoring_session.pair.programme.instansi if entry.mentoring_session_id else None
    return str(JPEntry.Source.MENTORING.label), instansi.name if instansi else "", entry.day, entry.day, ""


class TrainingResource(ColumnsResource):
    headers = columns.TRAINING_COLUMNS
    getters = {
        columns.NIP: lambda j: j.pegawai.nip,
        columns.NAME: lambda j: j.pegawai.full_name,
        "jenisDiklat": lambda j: _training(j)[0],
        "namaKursus": lambda j: j.title,
        "institusiPenyelenggara": lambda j: _training(j)[1],
        "tanggalKursus": lambda j: rules.siasn_date(_training(j)[2]),
        "tanggalSelesaiKursus": lambda j: rules.siasn_date(_training(j)[3]),
        "jumlahJam": lambda j: j.jp,
        "nomorSertipikat": lambda j: _training(j)[4],
        "tahunKursus": lambda j: j.year,
    }


# --- import of the years before Lentera ---------------------------------------------------------------------------


class CodeWidget(TextWidget):
    """A rating or predikat read by `rules` from a code, a label or SIASN's number."""

    def __init__(self, read, label):
        super().__init__()
        self.read = read
        self.label = label

    def clean(self, value, row=None, **kwargs):
        return self.read(super().clean(value, row, **kwargs), self.label)


class ExistingResultLoader(BaseInstanceLoader):
    """A row's earlier import is found by NIP and year (all read once by `before_import`), so a file imported again
    updates, and the preview says so."""

    def get_instance(self, row):
        return self.resource.existing.get((text(row.get(key(columns.NIP))), text(row.get(key("tahun")))))


def _field(attribute, column, widget=None):
    return fields.Field(attribute=attribute, column_name=key(column), widget=widget or TextWidget())


def _rating(attribute, column, label):
    return _field(attribute, column, CodeWidget(rules.read_rating, label))


def _predikat(attribute, column, label):
    return _field(attribute, column, CodeWidget(rules.read_predikat, label))


# each result may come as its label, as SIASN's number, or both: (model field, attribute of the number column)
PAIRS = (
    ("rating_hasil_kerja", "hasil_nilai"),
    ("rating_perilaku_kerja", "perilaku_nilai"),
    ("predikat", "predikat_nilai"),
)


class ImportedResultResource(InstansiResource):
    """Annual results of the years before Lentera, one row per employee and year."""

    instansi_path = "pegawai__instansi"
    key_field = "pegawai"
    key_columns = (key(columns.NIP), key("tahun"))  # the columns a file must have (the others may be absent)
    text_columns = (key(columns.NIP),)

    pegawai = _field(
        "pegawai", columns.NIP,
        LookupWidget(
            "pegawai_choices", "nip", gettext_lazy("NIP"), required=True,
            missing=gettext_lazy("NIP %(value)s tidak ditemukan di antara pegawai instansi ini."),
        ),
    )  # fmt: skip
    year = _field("year", "tahun", IntegerWidget(gettext_lazy("Tahun")))
    rating_hasil_kerja = _rating("rating_hasil_kerja", "hasilKinerja", gettext_lazy("Hasil kinerja"))
    hasil_nilai = _rating("hasil_nilai", "hasilKinerjaNilai", gettext_lazy("Nilai hasil kinerja"))
    rating_perilaku_kerja = _rating("rating_perilaku_kerja", "perilakuKerja", gettext_lazy("Perilaku kerja"))
    perilaku_nilai = _rating("perilaku_nilai", "perilakuKerjaNilai", gettext_lazy("Nilai perilaku kerja"))
    predikat = _predikat("predikat", "kuadranKinerja", gettext_lazy("Kuadran kinerja"))
    predikat_nilai = _predikat("predikat_nilai", "kuadranKinerjaNilai", gettext_lazy("Nilai kuadran kinerja"))
    evaluator_nip = _field("evaluator_nip", "penilaiNipNrp")
    evaluator_name = _field("evaluator_name", "penilaiNama")
    source = _field(
        "source", "sumber",
        ChoiceWidget(ImportedAnnualResult.Source.choices, gettext_lazy("Sumber"),
                     default=ImportedAnnualResult.Source.SIASN),
    )  # fmt: skip

    class Meta(InstansiResource.Meta):
        model = ImportedAnnualResult
        fields = (
            "pegawai", "year", "rating_hasil_kerja", "hasil_nilai", "rating_perilaku_kerja", "perilaku_nilai",
            "predikat", "predikat_nilai", "evaluator_nip", "evaluator_name", "source",
        )  # fmt: skip
        import_id_fields = ("pegawai",)  # unused: the loader finds a row by NIP and year
        instance_loader_class = ExistingResultLoader
        use_bulk = False  # every row through the service

    @classmethod
    def template_rows(cls, instansi, rows):
        """One of the instansi's own NIPs in the example, so the template as downloaded passes a dry run."""
        nip = Pegawai.objects.filter(instansi=instansi).order_by("nip").values_list("nip", flat=True).first()
        for row in rows:
            if nip:
                row[key(columns.NIP)] = nip
        return rows

    def pegawai_choices(self):
        return Pegawai.objects.filter(instansi=self.instansi)

    def get_queryset(self):
        return ImportedAnnualResult.objects.filter(pegawai__instansi=self.instansi).select_related("pegawai")

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.existing = {(row.pegawai.nip, str(row.year)): row for row in self.get_queryset()}

    def instance_key(self, instance):
        return ""  # the duplicate check reads the file's key columns (NIP and year)

    def validate_row(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if "year" not in errors and instance.year is None:
            errors["year"] = [_("Tahun wajib diisi.")]
        for attribute, number in PAIRS:
            if attribute in errors or number in errors:
                continue
            value, agreed = rules.one_of(getattr(instance, attribute, ""), getattr(instance, number, ""))
            if not agreed:
                errors[attribute] = [_("Kolom %(label)s dan %(number)s menyebut hasil yang berbeda.") % {
                    "label": self.column_for(attribute), "number": self.column_for(number)}]  # fmt: skip
            setattr(instance, attribute, value)
        if not {"predikat", "predikat_nilai"} & set(errors) and not instance.predikat:
            errors["predikat"] = [_("Predikat kinerja wajib diisi (kolom kuadrankinerja atau kuadrankinerjanilai).")]
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        try:
            result = services.record_imported_result(
                actor=self.user, pegawai=instance.pegawai, year=instance.year, predikat=instance.predikat,
                rating_hasil_kerja=instance.rating_hasil_kerja, rating_perilaku_kerja=instance.rating_perilaku_kerja,
                evaluator_nip=instance.evaluator_nip, evaluator_name=instance.evaluator_name, source=instance.source,
            )  # fmt: skip
        except PermissionDenied as error:
            raise ValidationError({"pegawai": str(error)}) from None
        instance.pk = result.pk


IMPORT_KIND = "riwayat_kinerja"
IMPORT_COLUMNS = [
    (key(columns.NIP), "198501012010011001"),
    (key("tahun"), "2024"),
    (key("hasilKinerja"), "SESUAI EKSPEKTASI"),
    (key("hasilKinerjaNilai"), "2"),
    (key("perilakuKerja"), "DIATAS EKSPEKTASI"),
    (key("perilakuKerjaNilai"), "1"),
    (key("kuadranKinerja"), "BAIK"),
    (key("kuadranKinerjaNilai"), "2"),
    (key("penilaiNipNrp"), "197001011995031001"),
    (key("penilaiNama"), "Kepala Bidang"),
    (key("sumber"), ImportedAnnualResult.Source.SIASN.value),
]
IMPORT_OPTIONAL = tuple(
    header for header, _example in IMPORT_COLUMNS if header not in ImportedResultResource.key_columns
)
