"""Import/export resources of the organisation core: unit kerja, jabatan and pegawai of one instansi.

Column names are the Indonesian headers of the downloadable templates (see `IMPORT_COLUMNS`).
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields
from import_export.instance_loaders import BaseInstanceLoader
from import_export.results import RowResult

from . import roles
from .importing.base import (
    ChoiceWidget,
    DecimalWidget,
    IndonesianDateWidget,
    InstansiResource,
    IntegerWidget,
    LookupWidget,
    SelfReference,
    TextWidget,
    text,
)
from .models import HukumanDisiplin, Jabatan, Pangkat, Pegawai, UnitKerja
from .services import sync_supervisor_group
from .task_queue import enqueue


def _field(attribute, column, widget=None):
    return fields.Field(attribute=attribute, column_name=column, widget=widget or TextWidget())


def free_nip(nip):
    """`nip`, or the first NIP with the same birth date, TMT and sex whose sequence number nobody holds (as a NIP
    or a login name)."""
    candidates = [f"{nip[:15]}{sequence:03d}" for sequence in range(int(nip[15:]), 1000)]
    taken = set(Pegawai.objects.filter(nip__in=candidates).values_list("nip", flat=True))
    taken |= set(get_user_model().objects.filter(username__in=candidates).values_list("username", flat=True))
    return next((candidate for candidate in candidates if candidate not in taken), nip)


class UnitKerjaResource(InstansiResource):
    code = _field("code", "kode")
    name = _field("name", "nama")
    # read by SelfReference on import (rows may name a parent further down the file); written on export
    kode_induk = fields.Field(column_name="kode_induk", dehydrate_method="dehydrate_kode_induk")
    self_reference = SelfReference(
        "parent",
        "kode_induk",
        gettext_lazy("Unit induk"),
        gettext_lazy("Unit induk tidak boleh unit ini sendiri atau bawahannya."),
    )

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


RESOLVED_RELATIONS = ("user", "instansi", "unit", "jabatan", "pangkat", "atasan")


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
            "pangkat_choices",
            "golongan_ruang",
            gettext_lazy("Golongan"),
            normalise=lambda v: v.strip().lower(),
            # PNS and PPPK golongan are one reference table; which kind fits the row's status is the model's rule
            missing=gettext_lazy(
                "Golongan '%(value)s' tidak dikenal; PNS memakai golongan I/a sampai IV/e, PPPK memakai golongan I "
                "sampai XVII."
            ),
        ),
    )
    tmt_pangkat = _field("tmt_pangkat", "tmt_pangkat", IndonesianDateWidget())
    pendidikan = _field(
        "pendidikan", "pendidikan", ChoiceWidget(Pegawai.Pendidikan.choices, gettext_lazy("Pendidikan terakhir"))
    )
    angka_kredit = _field("angka_kredit", "angka_kredit", DecimalWidget(gettext_lazy("Angka kredit")))
    email = _field("email", "email")
    phone = _field("phone", "telepon")
    nip_atasan = fields.Field(column_name="nip_atasan", dehydrate_method="dehydrate_nip_atasan")
    self_reference = SelfReference(
        "atasan", "nip_atasan", gettext_lazy("NIP atasan"), gettext_lazy("Rantai atasan tidak boleh melingkar.")
    )

    class Meta:
        model = Pegawai
        fields = (
            "nip", "nama", "gelar_depan", "gelar_belakang", "status", "unit", "jabatan", "pangkat",
            "tmt_pangkat", "pendidikan", "angka_kredit", "nip_atasan", "email", "phone",
        )  # fmt: skip
        import_id_fields = ("nip",)

    @classmethod
    def template_rows(cls, instansi, rows):
        """Unit and jabatan codes of the instansi where the examples' codes are not there (the examples assume
        the unit and jabatan templates were imported first), and NIPs that nobody holds yet."""
        units = sorted(UnitKerja.objects.filter(instansi=instansi).values_list("code", flat=True))
        jabatan = sorted(Jabatan.objects.filter(instansi=instansi).values_list("code", flat=True))
        nips = {row["nip"]: free_nip(row["nip"]) for row in rows if row.get("nip")}
        for row in rows:
            if units and row.get("kode_unit") not in units:
                row["kode_unit"] = units[0]
            if jabatan and row.get("kode_jabatan") and row["kode_jabatan"] not in jabatan:
                row["kode_jabatan"] = jabatan[0]
            elif not jabatan and units:
                row["kode_jabatan"] = ""
            for column in ("nip", "nip_atasan"):
                if row.get(column):
                    row[column] = nips.get(row[column], row[column])
        return rows

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
            # the login account is created on save, so it is not validated here. Uniqueness needs no query per row:
            # a NIP is new (not in any instansi), this instansi's own (an update) or another's (refused above), and
            # twice in the file is refused by validate_instance; the check constraint (not one's own atasan) is
            # the model's clean(). The related objects come from the lookups of this instansi (or are the
            # instansi), so they are not looked up again one query each
            instance.full_clean(
                exclude=[*errors.keys(), *RESOLVED_RELATIONS], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """Each batch of new pegawai with their login accounts: one INSERT of accounts (no password: each gets an
        activation link), one of pegawai, and, on a real run, their groups."""
        new = list(self.create_instances)
        if not new or (dry_run and not using_transactions):
            return super().bulk_create(using_transactions, dry_run, raise_errors, batch_size, result)
        User = get_user_model()
        accounts = []
        for pegawai in new:
            # what set_unusable_password() stores (a marker and a random suffix, no hashing), without its
            # character-by-character random string, which is a measurable part of 20,000 rows
            password = UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)
            accounts.append(
                User(username=pegawai.nip, email=pegawai.email, first_name=pegawai.nama[:150], password=password)
            )
        try:
            User.objects.bulk_create(accounts, batch_size=batch_size)
        except Exception as error:
            self.create_instances.clear()
            self.handle_import_error(result, error, raise_errors)
            return None
        for pegawai, user in zip(new, accounts, strict=True):
            pegawai.user = user
        super().bulk_create(using_transactions, dry_run, raise_errors, batch_size, result)
        if not dry_run and all(pegawai.pk for pegawai in new):
            Through = User.groups.through
            Through.objects.bulk_create(
                [Through(user_id=user.pk, group_id=self.pegawai_group.pk) for user in accounts], batch_size=batch_size
            )
            roles.sync_memberships_bulk(new)
        return None

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


class SanctionLoader(BaseInstanceLoader):
    """A sanction is found by the NIP and SK number of its row (read once by `before_import`)."""

    def get_instance(self, row):
        return self.resource.existing.get((text(row.get("nip")), text(row.get("nomor_sk"))))


class HukumanDisiplinResource(InstansiResource):
    """Disciplinary sanctions, one per row, identified by the employee's NIP and the SK number: a row whose NIP and
    SK number are already recorded changes that sanction."""

    instansi_path = "pegawai__instansi"
    key_field = "pegawai"
    key_columns = ("nip", "nomor_sk")
    text_columns = ("nip",)

    pegawai = _field(
        "pegawai",
        "nip",
        LookupWidget(
            "pegawai_choices", "nip", gettext_lazy("NIP"), required=True,
            missing=gettext_lazy("NIP %(value)s tidak ditemukan di antara pegawai instansi ini."),
        ),
    )  # fmt: skip
    level = _field(
        "level", "tingkat", ChoiceWidget(HukumanDisiplin.Level.choices, gettext_lazy("Tingkat hukuman"), required=True)
    )
    kind = _field(
        "kind", "jenis", ChoiceWidget(HukumanDisiplin.Kind.choices, gettext_lazy("Jenis hukuman"), required=True)
    )
    starts_on = _field("starts_on", "mulai", IndonesianDateWidget())
    ends_on = _field("ends_on", "sampai", IndonesianDateWidget())
    sk_number = _field("sk_number", "nomor_sk")

    class Meta:
        model = HukumanDisiplin
        fields = ("pegawai", "level", "kind", "starts_on", "ends_on", "sk_number")
        import_id_fields = ("pegawai",)  # unused: the loader below finds a row by NIP and SK number
        instance_loader_class = SanctionLoader
        use_bulk = False

    @classmethod
    def template_rows(cls, instansi, rows):
        """The example's NIP where the instansi has that employee, else one of its own employees."""
        nips = set(Pegawai.objects.filter(instansi=instansi).values_list("nip", flat=True)[:1000])
        first = min(nips) if nips else ""
        for row in rows:
            if first and row.get("nip") not in nips:
                row["nip"] = first
        return rows

    def pegawai_choices(self):
        return Pegawai.objects.filter(instansi=self.instansi)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.existing = {
            (row.pegawai.nip, row.sk_number): row
            for row in HukumanDisiplin.objects.filter(pegawai__instansi=self.instansi).select_related("pegawai")
        }

    def instance_key(self, instance):
        return ""  # the duplicate check reads the file's key columns

    def validate_row(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if "starts_on" not in errors and instance.starts_on is None:
            errors["starts_on"] = [_("Tanggal mulai wajib diisi.")]
        if "sk_number" not in errors and not instance.sk_number:
            errors["sk_number"] = [_("Nomor SK wajib diisi.")]
        try:
            instance.full_clean(exclude=[*errors.keys(), "pegawai"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


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
        ("pendidikan", "S1"),
        ("angka_kredit", "62.5"),
        ("nip_atasan", "197805122003121002"),
        ("email", "siti.aminah@contoh.go.id"),
        ("telepon", "081234567890"),
    ],
    "hukuman_disiplin": [
        ("nip", "199003152015032001"),
        ("tingkat", "sedang"),
        ("jenis", "potong_tukin_6"),
        ("mulai", "2025-07-01"),
        ("sampai", "2025-12-31"),
        ("nomor_sk", "800/BKD/123/2025"),
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
        # PPPK hold golongan I .. XVII (Perpres 11/2024), not a PNS rank
        {
            "nip": "199207242022032003", "nama": "Dewi Lestari", "status": "PPPK", "kode_unit": "BKD-PK",
            "golongan": "IX", "nip_atasan": "197805122003121002",
        },
    ],
}  # fmt: skip
