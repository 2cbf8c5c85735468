"""Import/export resources of the organisation core: unit kerja, jabatan and pegawai of one instansi.

Column names are the Indonesian headers of the downloadable templates (see `IMPORT_COLUMNS`).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields
from import_export.results import RowResult

from . import roles
from .importing.base import (
    ChoiceWidget,
    IndonesianDateWidget,
    InstansiResource,
    IntegerWidget,
    LookupWidget,
    SelfReference,
    TextWidget,
)
from .models import Jabatan, Pangkat, Pegawai, UnitKerja
from .services import sync_supervisor_group
from .task_queue import enqueue


def _field(attribute, column, widget=None):
    return fields.Field(attribute=attribute, column_name=column, widget=widget or TextWidget())


class UnitKerjaResource(InstansiResource):
    code = _field("code", "kode")
    name = _field("name", "nama")
    # read by SelfReference on import (rows may name a parent further down the file); written on export
    kode_induk = fields.Field(column_name="kode_induk", dehydrate_method="dehydrate_kode_induk")
    self_reference = SelfReference("parent", "kode_induk", gettext_lazy("Unit induk"))

    class Meta:
        model = UnitKerja
        fields = ("code", "name", "kode_induk")
        import_id_fields = ("code",)

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def dehydrate_kode_induk(self, unit):
        return unit.parent.code if unit.parent_id else ""


class JabatanResource(InstansiResource):
    code = _field("code", "kode")
    name = _field("name", "nama")
    kind = _field("kind", "jenis", ChoiceWidget(Jabatan.Kind.choices, gettext_lazy("Jenis jabatan"), required=True))
    jenjang = _field("jenjang", "jenjang")
    kelas_jabatan = _field(
        "kelas_jabatan", "kelas", IntegerWidget(gettext_lazy("Kelas jabatan"), minimum=1, maximum=17)
    )

    class Meta:
        model = Jabatan
        fields = ("code", "name", "kind", "jenjang", "kelas_jabatan")
        import_id_fields = ("code",)


class PegawaiResource(InstansiResource):
    key_field = "nip"
    text_columns = ("nip", "nip_atasan")
    nip = _field("nip", "nip")
    nama = _field("nama", "nama")
    gelar_depan = _field("gelar_depan", "gelar_depan")
    gelar_belakang = _field("gelar_belakang", "gelar_belakang")
    status = _field(
        "status",
        "status",
        ChoiceWidget(Pegawai.Status.choices, gettext_lazy("Status kepegawaian"), default=Pegawai.Status.PNS),
    )
    unit = _field("unit", "kode_unit", LookupWidget("unit_choices", "code", gettext_lazy("Kode unit"), required=True))
    jabatan = _field("jabatan", "kode_jabatan", LookupWidget("jabatan_choices", "code", gettext_lazy("Kode jabatan")))
    pangkat = _field(
        "pangkat",
        "golongan",
        LookupWidget(
            "pangkat_choices", "golongan_ruang", gettext_lazy("Golongan"), normalise=lambda v: v.strip().lower()
        ),
    )
    tmt_pangkat = _field("tmt_pangkat", "tmt_pangkat", IndonesianDateWidget())
    email = _field("email", "email")
    phone = _field("phone", "telepon")
    nip_atasan = fields.Field(column_name="nip_atasan", dehydrate_method="dehydrate_nip_atasan")
    self_reference = SelfReference("atasan", "nip_atasan", gettext_lazy("NIP atasan"))

    class Meta:
        model = Pegawai
        fields = (
            "nip", "nama", "gelar_depan", "gelar_belakang", "status", "unit", "jabatan", "pangkat",
            "tmt_pangkat", "nip_atasan", "email", "phone",
        )  # fmt: skip
        import_id_fields = ("nip",)

    def unit_choices(self):
        return UnitKerja.objects.filter(instansi=self.instansi)

    def jabatan_choices(self):
        return Jabatan.objects.filter(instansi=self.instansi)

    def pangkat_choices(self):
        return Pangkat.objects.all()

    def get_queryset(self):
        return super().get_queryset().select_related("user", "unit", "jabatan", "pangkat", "atasan")

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        User = get_user_model()
        self.taken_usernames = set(
            User.objects.filter(username__in=self.file_keys, pegawai__isnull=True).values_list("username", flat=True)
        )
        self.pegawai_group = Group.objects.get_or_create(name=roles.PEGAWAI)[0]
        # NIPs of this file held by other instansi: refused without saying who holds them, and never updated
        self.nips_elsewhere = set(
            Pegawai.objects.filter(nip__in=self.file_keys).exclude(instansi=self.instansi).values_list("nip", flat=True)
        )

    def validate_row(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.pk is None and instance.nip in self.nips_elsewhere:
            errors["nip"] = [
                _(
                    "NIP %(nip)s sudah terdaftar di instansi lain. Perpindahan pegawai antarinstansi dilakukan oleh "
                    "Admin SDM instansi tersebut atau superadmin, bukan lewat impor."
                )
                % {"nip": instance.nip}
            ]
        elif instance.pk is None and instance.nip in self.taken_usernames:
            errors.setdefault("nip", [_("Akun dengan nama pengguna %(login)s sudah ada.") % {"login": instance.nip}])
        try:
            # the login account is created on save, so it is not validated here
            instance.full_clean(exclude=[*errors.keys(), "user"], validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if instance.pk is None:
            user = get_user_model()(username=instance.nip, email=instance.email, first_name=instance.nama[:150])
            user.set_unusable_password()
            user.save()
            user.groups.add(self.pegawai_group)
            instance.user = user

    def finish_import(self, job, result):
        former = Group.objects.get_or_create(name=roles.ATASAN)[0].user_set.filter(pegawai__instansi=self.instansi)
        current = Pegawai.objects.filter(instansi=self.instansi, bawahan__isnull=False)
        sync_supervisor_group({*current.values_list("pk", flat=True), *former.values_list("pegawai__pk", flat=True)})
        # new accounts have no password: each gets an activation link, once the import is committed
        new_ids = [
            row.object_id for row in result.rows if row.import_type == RowResult.IMPORT_TYPE_NEW and row.object_id
        ]
        user_ids = list(Pegawai.objects.filter(pk__in=new_ids).values_list("user_id", flat=True))
        if user_ids:
            transaction.on_commit(lambda: enqueue("portal.tasks.send_activation_emails", user_ids))

    def dehydrate_nip_atasan(self, pegawai):
        return pegawai.atasan.nip if pegawai.atasan_id else ""


IMPORT_COLUMNS = {
    "unit_kerja": [("kode", "BKD-PK"), ("nama", "Bidang Pengembangan Kompetensi"), ("kode_induk", "BKD")],
    "jabatan": [
        ("kode", "ANALIS-SDM"),
        ("nama", "Analis Sumber Daya Manusia Aparatur"),
        ("jenis", "fungsional"),
        ("jenjang", "Ahli Pertama"),
        ("kelas", "8"),
    ],
    "pegawai": [
        ("nip", "199003152015032001"),
        ("nama", "Siti Aminah"),
        ("gelar_depan", ""),
        ("gelar_belakang", "S.E., M.M."),
        ("status", "PNS"),
        ("kode_unit", "BKD-PK"),
        ("kode_jabatan", "ANALIS-SDM"),
        ("golongan", "III/b"),
        ("tmt_pangkat", "2019-04-01"),
        ("nip_atasan", "197805122003121002"),
        ("email", "siti.aminah@contoh.go.id"),
        ("telepon", "081234567890"),
    ],
}
# the rows the first examples refer to, so that each template passes its own dry run when the templates are
# imported in order (unit kerja, jabatan, pegawai)
IMPORT_MORE_EXAMPLES = {
    "unit_kerja": [{"kode": "BKD", "nama": "Badan Kepegawaian Daerah"}],
    "jabatan": [],
    "pegawai": [
        {
            "nip": "197805122003121002", "nama": "Ahmad Hidayat", "status": "PNS", "kode_unit": "BKD-PK",
            "golongan": "IV/a", "tmt_pangkat": "2018-10-01",
        },
    ],
}  # fmt: skip
