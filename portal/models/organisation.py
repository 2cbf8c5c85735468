from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ..rules import format_name, time_zone_label
from ..validators import validate_nip


class Instansi(models.Model):
    class Kind(models.TextChoices):
        KEMENTERIAN = "kementerian", _("Kementerian")
        LEMBAGA = "lembaga", _("Lembaga")
        PROVINSI = "provinsi", _("Pemerintah Provinsi")
        KABUPATEN = "kabupaten", _("Pemerintah Kabupaten")
        KOTA = "kota", _("Pemerintah Kota")
        KECAMATAN = "kecamatan", _("Kecamatan")

    class TimeZone(models.TextChoices):
        WIB = "Asia/Jakarta", _("WIB (Asia/Jakarta)")
        WITA = "Asia/Makassar", _("WITA (Asia/Makassar)")
        WIT = "Asia/Jayapura", _("WIT (Asia/Jayapura)")

    name = models.CharField(_("nama"), max_length=200, unique=True)
    slug = models.SlugField(_("kode singkat"), max_length=60, unique=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    region = models.CharField(_("wilayah"), max_length=200, blank=True)
    time_zone = models.CharField(_("zona waktu"), max_length=40, choices=TimeZone.choices, default=TimeZone.WIB)
    # what a training certificate of this instansi carries below its text: where it is issued and who signs it
    certificate_place = models.CharField(
        _("tempat penerbitan sertifikat"),
        max_length=100,
        blank=True,
        help_text=_("Kota tempat sertifikat diterbitkan, misalnya Gorontalo. Kosongkan untuk memakai wilayah."),
    )
    signatory_position = models.CharField(
        _("jabatan penanda tangan"),
        max_length=200,
        blank=True,
        help_text=_("Misalnya Kepala Badan Kepegawaian Daerah Provinsi Gorontalo."),
    )
    signatory_name = models.CharField(
        _("nama penanda tangan"), max_length=150, blank=True, help_text=_("Lengkap dengan gelar.")
    )
    signatory_nip = models.CharField(_("NIP penanda tangan"), max_length=18, blank=True, validators=[validate_nip])

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def time_zone_label(self):
        return time_zone_label(self.time_zone)

    @property
    def issuing_place(self):
        """The town printed before the date of issue: the one set for certificates, else the first part of the
        region ("Kota Padang, Sumatera Barat" gives "Kota Padang")."""
        return self.certificate_place.strip() or self.region.split(",")[0].strip()


class UnitKerja(models.Model):
    """A unit in the organisation tree of one instansi (Sekretariat, Bidang, Subbagian, ...)."""

    instansi = models.ForeignKey(Instansi, verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="units")
    parent = models.ForeignKey(
        "self", verbose_name=_("unit induk"), on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    code = models.CharField(_("kode unit"), max_length=40)
    name = models.CharField(_("nama unit"), max_length=200)

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["instansi__name", "code"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "code"], name="unitkerja_unique_code_per_instansi"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id:
            if self.parent.instansi_id != self.instansi_id:
                raise ValidationError({"parent": _("Unit induk harus berada di instansi yang sama.")})
            node = self.parent
            while node is not None:
                if node.pk == self.pk:
                    raise ValidationError({"parent": _("Unit induk tidak boleh unit ini sendiri atau bawahannya.")})
                node = node.parent


class Jabatan(models.Model):
    class Kind(models.TextChoices):
        JPT = "jpt", _("Jabatan Pimpinan Tinggi")
        ADMINISTRATOR = "administrator", _("Administrator")
        PENGAWAS = "pengawas", _("Pengawas")
        PELAKSANA = "pelaksana", _("Pelaksana")
        FUNGSIONAL = "fungsional", _("Fungsional")

    instansi = models.ForeignKey(Instansi, verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="jabatan")
    code = models.CharField(_("kode jabatan"), max_length=40)
    name = models.CharField(_("nama jabatan"), max_length=200)
    kind = models.CharField(_("jenis jabatan"), max_length=20, choices=Kind.choices)
    jenjang = models.CharField(
        _("jenjang"), max_length=60, blank=True, help_text=_("Misalnya Pratama, Madya, Ahli Muda, Terampil.")
    )
    kelas_jabatan = models.PositiveSmallIntegerField(_("kelas jabatan"), null=True, blank=True)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["instansi__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "code"], name="jabatan_unique_code_per_instansi"),
            models.CheckConstraint(
                condition=models.Q(kelas_jabatan__isnull=True) | models.Q(kelas_jabatan__gte=1, kelas_jabatan__lte=17),
                name="jabatan_kelas_1_17",
            ),
        ]

    def __str__(self):
        return self.name


class Pangkat(models.Model):
    """Golongan reference, loaded by data migrations: PNS ranks I/a .. IV/e (PP 99/2000) and PPPK golongan I .. XVII
    (Perpres 11/2024), which have no rank name. An employee holds only a golongan of their own kind."""

    class Kind(models.TextChoices):
        # the same values as Pegawai.Status
        PNS = "PNS", _("PNS")
        PPPK = "PPPK", _("PPPK")

    golongan_ruang = models.CharField(_("golongan/ruang"), max_length=6, unique=True)
    name = models.CharField(_("pangkat"), max_length=60)
    order = models.PositiveSmallIntegerField(_("urutan"), unique=True)
    kind = models.CharField(_("untuk"), max_length=4, choices=Kind.choices, default=Kind.PNS)

    class Meta:
        verbose_name = _("pangkat")
        verbose_name_plural = _("pangkat")
        ordering = ["order"]

    def __str__(self):
        if self.kind == self.Kind.PPPK:
            return self.name
        return f"{self.name} ({self.golongan_ruang})"


def golongan_mismatch(status, golongan):
    """Why a golongan of the other kind is refused for an employee of `status`."""
    if status == Pangkat.Kind.PPPK:
        return _("Golongan %(golongan)s adalah golongan PNS; PPPK memakai golongan I sampai XVII.") % {
            "golongan": golongan
        }
    return _("Golongan %(golongan)s adalah golongan PPPK; PNS memakai golongan I/a sampai IV/e.") % {
        "golongan": golongan
    }


class PegawaiQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_org(self):
        return self.select_related("instansi", "unit", "jabatan", "pangkat", "atasan")


class Pegawai(models.Model):
    class Status(models.TextChoices):
        PNS = "PNS", _("PNS")
        PPPK = "PPPK", _("PPPK")

    class Pendidikan(models.TextChoices):
        # the levels of an ijazah/STTB as the promotion regulation groups them (PP 99/2000 jo PP 12/2002 art. 18)
        SD = "SD", _("SD")
        SMP = "SMP", _("SMP/SLTP")
        SMA = "SMA", _("SMA/SLTA/SMK")
        D1 = "D1", _("Diploma I")
        D2 = "D2", _("Diploma II")
        D3 = "D3", _("Diploma III/Sarjana Muda")
        D4 = "D4", _("Diploma IV")
        S1 = "S1", _("Sarjana (S1)")
        S2 = "S2", _("Magister (S2)")
        S3 = "S3", _("Doktor (S3)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("akun"), on_delete=models.CASCADE, related_name="pegawai"
    )
    nip = models.CharField(_("NIP"), max_length=18, unique=True, validators=[validate_nip])
    nama = models.CharField(_("nama"), max_length=150, help_text=_("Tanpa gelar."))
    gelar_depan = models.CharField(_("gelar depan"), max_length=40, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=80, blank=True)
    status = models.CharField(_("status kepegawaian"), max_length=4, choices=Status.choices, default=Status.PNS)
    instansi = models.ForeignKey(Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="pegawai")
    unit = models.ForeignKey(UnitKerja, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="pegawai")
    jabatan = models.ForeignKey(
        Jabatan, verbose_name=_("jabatan"), on_delete=models.PROTECT, null=True, blank=True, related_name="pegawai"
    )
    pangkat = models.ForeignKey(
        Pangkat, verbose_name=_("pangkat/golongan"), on_delete=models.PROTECT, null=True, blank=True
    )
    tmt_pangkat = models.DateField(_("TMT pangkat"), null=True, blank=True)
    pendidikan = models.CharField(_("pendidikan terakhir"), max_length=3, choices=Pendidikan.choices, blank=True)
    angka_kredit = models.DecimalField(
        _("angka kredit"), max_digits=7, decimal_places=3, null=True, blank=True,
        help_text=_("Angka kredit kumulatif pejabat fungsional untuk kenaikan pangkat."),
    )  # fmt: skip
    atasan = models.ForeignKey(
        "self",
        verbose_name=_("atasan langsung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bawahan",
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]
        indexes = [
            models.Index(fields=["instansi", "unit"]),
            models.Index(Lower("nama"), name="pegawai_nama_lower"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(atasan=models.F("pk")), name="pegawai_not_own_atasan"),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.nip})"

    @property
    def full_name(self):
        return format_name(self.nama, self.gelar_depan, self.gelar_belakang)

    @cached_property
    def has_reports(self):
        return self.bawahan.filter(is_active=True).exists()

    def clean(self):
        errors = {}
        if self.unit_id and self.instansi_id and self.unit.instansi_id != self.instansi_id:
            errors["unit"] = _("Unit kerja harus berada di instansi pegawai.")
        if self.jabatan_id and self.instansi_id and self.jabatan.instansi_id != self.instansi_id:
            errors["jabatan"] = _("Jabatan harus milik instansi pegawai.")
        if self.atasan_id:
            if self.pk and self.atasan_id == self.pk:
                errors["atasan"] = _("Pegawai tidak boleh menjadi atasan dirinya sendiri.")
            elif self.atasan.instansi_id != self.instansi_id:
                errors["atasan"] = _("Atasan langsung harus berada di instansi yang sama.")
            else:
                node, seen = self.atasan, set()
                while node is not None and node.pk not in seen:
                    if self.pk and node.pk == self.pk:
                        errors["atasan"] = _("Rantai atasan tidak boleh melingkar.")
                        break
                    seen.add(node.pk)
                    node = node.atasan
        if self.pangkat_id and self.pangkat.kind != self.status:
            errors["pangkat"] = golongan_mismatch(self.status, self.pangkat.golongan_ruang)
        if errors:
            raise ValidationError(errors)


class HukumanDisiplin(models.Model):
    """A disciplinary sanction of an employee (PP 94/2021): its level, kind, the dates it is in force and its SK."""

    class Level(models.TextChoices):
        RINGAN = "ringan", _("Ringan")
        SEDANG = "sedang", _("Sedang")
        BERAT = "berat", _("Berat")

    class Kind(models.TextChoices):
        # PP 94/2021 art. 8
        TEGURAN_LISAN = "teguran_lisan", _("Teguran lisan")
        TEGURAN_TERTULIS = "teguran_tertulis", _("Teguran tertulis")
        TIDAK_PUAS = "tidak_puas", _("Pernyataan tidak puas secara tertulis")
        POTONG_TUKIN_6 = "potong_tukin_6", _("Pemotongan tunjangan kinerja 25 persen selama 6 bulan")
        POTONG_TUKIN_9 = "potong_tukin_9", _("Pemotongan tunjangan kinerja 25 persen selama 9 bulan")
        POTONG_TUKIN_12 = "potong_tukin_12", _("Pemotongan tunjangan kinerja 25 persen selama 12 bulan")
        TURUN_JABATAN = "turun_jabatan", _("Penurunan jabatan setingkat lebih rendah selama 12 bulan")
        BEBAS_JABATAN = "bebas_jabatan", _("Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan")
        PTDH = "pemberhentian", _("Pemberhentian dengan hormat tidak atas permintaan sendiri")

    LEVEL_OF_KIND = {
        Kind.TEGURAN_LISAN: Level.RINGAN, Kind.TEGURAN_TERTULIS: Level.RINGAN, Kind.TIDAK_PUAS: Level.RINGAN,
        Kind.POTONG_TUKIN_6: Level.SEDANG, Kind.POTONG_TUKIN_9: Level.SEDANG, Kind.POTONG_TUKIN_12: Level.SEDANG,
        Kind.TURUN_JABATAN: Level.BERAT, Kind.BEBAS_JABATAN: Level.BERAT, Kind.PTDH: Level.BERAT,
    }  # fmt: skip

    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="hukuman_disiplin"
    )
    level = models.CharField(_("tingkat hukuman"), max_length=6, choices=Level.choices)
    kind = models.CharField(_("jenis hukuman"), max_length=20, choices=Kind.choices)
    starts_on = models.DateField(_("berlaku mulai"))
    ends_on = models.DateField(
        _("berlaku sampai"), null=True, blank=True, help_text=_("Kosongkan bila tidak ada tanggal berakhir.")
    )
    sk_number = models.CharField(_("nomor SK"), max_length=100)

    class Meta:
        verbose_name = _("hukuman disiplin")
        verbose_name_plural = _("hukuman disiplin")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="hukuman_disiplin_dates_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.sk_number})"

    def clean(self):
        if self.kind and self.level and self.LEVEL_OF_KIND.get(self.kind) != self.level:
            raise ValidationError({"kind": _("Jenis hukuman ini bukan hukuman disiplin tingkat %(level)s.") % {
                "level": self.get_level_display()}})  # fmt: skip
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Tanggal berakhir sebelum tanggal mulai.")})

    def in_force_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)
