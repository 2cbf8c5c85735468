"""The five demo instansi (from the product's origin documents), their unit trees, positions and ~40
employees each, with supervisor chains and the demo accounts listed in the README."""

import random
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from .. import roles
from ..models import Instansi, Jabatan, Pangkat, Pegawai, UnitKerja
from ..rules import parse_nip
from ..services import sync_supervisor_group
from . import names, register_demo_step

DEMO_PASSWORD = "lentera-demo"

INSTANSI = [
    # slug, name, kind, region, time zone (instansi_demo.csv)
    ("pauh", "Kecamatan Pauh", "kecamatan", "Kota Padang, Sumatera Barat", "Asia/Jakarta"),
    ("rangkui", "Kecamatan Rangkui", "kecamatan", "Kota Pangkalpinang, Kepulauan Bangka Belitung", "Asia/Jakarta"),
    ("gorontalo", "Pemerintah Provinsi Gorontalo", "provinsi", "Gorontalo", "Asia/Makassar"),
    ("bukittinggi", "Pemerintah Kota Bukittinggi", "kota", "Sumatera Barat", "Asia/Jakarta"),
    ("malut", "Pemerintah Provinsi Maluku Utara", "provinsi", "Sofifi, Maluku Utara", "Asia/Jayapura"),
]

# Training certificates: the town each instansi issues them in, and the unit whose head signs them
CERTIFICATE_PLACE = {
    "pauh": "Padang", "rangkui": "Pangkalpinang", "gorontalo": "Gorontalo", "bukittinggi": "Bukittinggi",
    "malut": "Sofifi",
}  # fmt: skip
SIGNING_UNIT = {"provinsi": "BKD", "kota": "BKPSDM", "kecamatan": "KANTOR-CAMAT"}

# Position templates: (code, name, kind, jenjang, kelas jabatan, golongan range)
JPT_MADYA = ("JPT-MADYA", "Sekretaris Daerah", "jpt", "Madya", 15, ("IV/c", "IV/e"))
KEPALA_OPD = ("KEPALA-{u}", "Kepala {n}", "jpt", "Pratama", 14, ("IV/c", "IV/d"))
SEKRETARIS = ("SEKRETARIS-{u}", "Sekretaris {n}", "administrator", "", 12, ("IV/a", "IV/b"))
KABID = ("KABID-{u}", "Kepala {n}", "administrator", "", 12, ("IV/a", "IV/b"))
KASUBAG = ("KASUBAG-{u}", "Kepala {n}", "pengawas", "", 9, ("III/c", "III/d"))
CAMAT = ("CAMAT", "Camat", "administrator", "", 12, ("IV/a", "IV/b"))
SEKCAM = ("SEKCAM", "Sekretaris Kecamatan", "pengawas", "", 9, ("III/d", "IV/a"))
KASI = ("KASI-{u}", "Kepala {n}", "pengawas", "", 9, ("III/c", "III/d"))
LURAH = ("LURAH-{u}", "Lurah {n}", "pengawas", "", 9, ("III/c", "III/d"))

STAFF = {
    "analis": ("ANALIS-SDM", "Analis Sumber Daya Manusia Aparatur", "fungsional", "Ahli Muda", 9, ("III/c", "III/d")),
    "asdm": ("ASDM-PERTAMA", "Analis SDM Aparatur Ahli Pertama", "fungsional", "Ahli Pertama", 8, ("III/a", "III/b")),
    "widyaiswara": ("WIDYAISWARA", "Widyaiswara Ahli Muda", "fungsional", "Ahli Muda", 9, ("III/c", "IV/a")),
    "pranata": (
        "PRANATA-KOMPUTER",
        "Pranata Komputer Ahli Pertama",
        "fungsional",
        "Ahli Pertama",
        8,
        ("III/a", "III/b"),
    ),
    "pranata_humas": (
        "PRANATA-HUMAS",
        "Pranata Hubungan Masyarakat",
        "fungsional",
        "Ahli Pertama",
        8,
        ("III/a", "III/b"),
    ),
    "pengadministrasi": ("PENGADM-UMUM", "Pengadministrasi Perkantoran", "pelaksana", "", 5, ("II/b", "II/d")),
    "penata_laporan": ("PENATA-LAPORAN", "Penata Laporan Keuangan", "pelaksana", "", 7, ("III/a", "III/b")),
    "pengelola_data": ("PENGELOLA-DATA", "Pengolah Data dan Informasi", "pelaksana", "", 6, ("II/c", "III/a")),
    "perencana": ("PERENCANA", "Perencana Ahli Pertama", "fungsional", "Ahli Pertama", 8, ("III/a", "III/b")),
    "guru": ("GURU-AHLI", "Guru Ahli Muda", "fungsional", "Ahli Muda", 9, ("III/c", "IV/a")),
    "pengawas_sekolah": (
        "PENGAWAS-SEKOLAH",
        "Pengawas Sekolah Ahli Madya",
        "fungsional",
        "Ahli Madya",
        11,
        ("IV/a", "IV/b"),
    ),
    "dokter": ("DOKTER", "Dokter Ahli Muda", "fungsional", "Ahli Muda", 11, ("III/c", "IV/a")),
    "perawat": ("PERAWAT", "Perawat Terampil", "fungsional", "Terampil", 7, ("II/c", "III/b")),
    "epidemiolog": (
        "EPIDEMIOLOG",
        "Epidemiolog Kesehatan Ahli Pertama",
        "fungsional",
        "Ahli Pertama",
        8,
        ("III/a", "III/b"),
    ),
    "pamong": ("PAMONG", "Pengadministrasi Pemerintahan", "pelaksana", "", 5, ("II/a", "II/d")),
    "pelayanan": ("PELAYANAN", "Pengelola Layanan Masyarakat", "pelaksana", "", 6, ("II/b", "III/a")),
}

# unit code, name, parent code, head template, [(staff key, count)]
PROVINSI_UNITS = [
    ("SETDA", "Sekretariat Daerah", None, JPT_MADYA, [("pengadministrasi", 1)]),
    ("BKD", "Badan Kepegawaian Daerah", "SETDA", KEPALA_OPD, []),
    ("BKD-SEK", "Sekretariat Badan Kepegawaian Daerah", "BKD", SEKRETARIS, [("penata_laporan", 1), ("pengadministrasi", 2)]),
    ("BKD-PK", "Bidang Pengembangan Kompetensi Aparatur", "BKD", KABID,
     [("analis", 2), ("asdm", 2), ("widyaiswara", 1), ("pengelola_data", 1)]),
    ("BKD-MP", "Bidang Mutasi dan Promosi", "BKD", KABID, [("analis", 1), ("asdm", 2), ("pengadministrasi", 1)]),
    ("BKD-PKP", "Bidang Penilaian Kinerja dan Penghargaan", "BKD", KABID, [("analis", 1), ("asdm", 1), ("pengelola_data", 1)]),
    ("KOMINFO", "Dinas Komunikasi, Informatika dan Statistik", "SETDA", KEPALA_OPD, []),
    ("KOMINFO-IKP", "Bidang Informasi dan Komunikasi Publik", "KOMINFO", KABID,
     [("pranata_humas", 2), ("pengelola_data", 1)]),
    ("KOMINFO-APT", "Bidang Aplikasi Informatika", "KOMINFO", KABID, [("pranata", 2), ("pengelola_data", 1)]),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "SETDA", KEPALA_OPD, []),
    ("BAPPEDA-PEP", "Bidang Perencanaan dan Evaluasi", "BAPPEDA", KABID, [("perencana", 3), ("pengadministrasi", 1)]),
]  # fmt: skip

KOTA_UNITS = [
    ("SETDA", "Sekretariat Daerah", None, JPT_MADYA, [("pengadministrasi", 1)]),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "SETDA", KEPALA_OPD, []),
    ("BKPSDM-PK", "Bidang Pengembangan Kompetensi", "BKPSDM", KABID, [("analis", 1), ("asdm", 2)]),
    ("BKPSDM-MUT", "Bidang Mutasi dan Kinerja", "BKPSDM", KABID, [("asdm", 2), ("pengadministrasi", 1)]),
    ("DISDIK", "Dinas Pendidikan", "SETDA", KEPALA_OPD, [("pengadministrasi", 1)]),
    ("DISDIK-SD", "Bidang Pembinaan Sekolah Dasar", "DISDIK", KABID, [("pengawas_sekolah", 1), ("guru", 3)]),
    ("DISDIK-SMP", "Bidang Pembinaan Sekolah Menengah Pertama", "DISDIK", KABID, [("pengawas_sekolah", 1), ("guru", 3)]),
    ("DISDIK-GTK", "Bidang Guru dan Tenaga Kependidikan", "DISDIK", KABID, [("asdm", 1), ("pengelola_data", 1)]),
    ("DINKES", "Dinas Kesehatan", "SETDA", KEPALA_OPD, [("pengadministrasi", 1)]),
    ("DINKES-YAN", "Bidang Pelayanan Kesehatan", "DINKES", KABID, [("dokter", 2), ("perawat", 2)]),
    ("DINKES-P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "DINKES", KABID, [("epidemiolog", 2), ("perawat", 1)]),
    ("DINKES-KESMAS", "Bidang Kesehatan Masyarakat", "DINKES", KABID, [("perawat", 2), ("pengelola_data", 1)]),
]  # fmt: skip

KECAMATAN_UNITS = [
    ("KANTOR-CAMAT", "Kantor Camat", None, CAMAT, [("pengadministrasi", 1)]),
    ("SEKCAM", "Sekretariat Kecamatan", "KANTOR-CAMAT", SEKCAM, [("penata_laporan", 1), ("pengadministrasi", 2)]),
    ("SEKSI-PEM", "Seksi Pemerintahan", "KANTOR-CAMAT", KASI, [("pamong", 3)]),
    ("SEKSI-PELAYANAN", "Seksi Pelayanan Umum", "KANTOR-CAMAT", KASI, [("pelayanan", 4)]),
    ("SEKSI-KESOS", "Seksi Kesejahteraan Sosial", "KANTOR-CAMAT", KASI, [("pamong", 2), ("pelayanan", 1)]),
    ("SEKSI-TRANTIB", "Seksi Ketenteraman dan Ketertiban Umum", "KANTOR-CAMAT", KASI, [("pamong", 3)]),
    ("KEL-1", "Kelurahan {k1}", "KANTOR-CAMAT", LURAH, [("pamong", 2), ("pelayanan", 2)]),
    ("KEL-2", "Kelurahan {k2}", "KANTOR-CAMAT", LURAH, [("pamong", 2), ("pelayanan", 2)]),
    ("KEL-3", "Kelurahan {k3}", "KANTOR-CAMAT", LURAH, [("pamong", 2), ("pelayanan", 1)]),
]  # fmt: skip

KELURAHAN = {
    "pauh": ("Cupak Tangah", "Pisang", "Limau Manis"),
    "rangkui": ("Bintang", "Masjid Jamik", "Parit Lalang"),
}

UNITS = {"kecamatan": KECAMATAN_UNITS, "provinsi": PROVINSI_UNITS, "kota": KOTA_UNITS}

# username -> (instansi slug, unit code, position: "head" or staff index, extra roles)
ACCOUNTS = {
    "sdm.gorontalo": ("gorontalo", "BKD-MP", 0, [roles.ADMIN_SDM]),
    "konten.gorontalo": ("gorontalo", "KOMINFO-IKP", 0, [roles.ADMIN_KONTEN]),
    "pelatihan.gorontalo": ("gorontalo", "BKD-PK", 4, [roles.PENYELENGGARA]),
    "atasan.gorontalo": ("gorontalo", "BKD-PK", "head", []),
    "pegawai.gorontalo": ("gorontalo", "BKD-PK", 0, []),
    "pimpinan.gorontalo": ("gorontalo", "BKD", "head", [roles.PIMPINAN]),
    "sdm.malut": ("malut", "BKD-MP", 0, [roles.ADMIN_SDM]),
    "pegawai.malut": ("malut", "BKD-PK", 0, []),
    "sdm.bukittinggi": ("bukittinggi", "BKPSDM-MUT", 0, [roles.ADMIN_SDM]),
    "pegawai.bukittinggi": ("bukittinggi", "DINKES-YAN", 0, []),
    "sdm.pauh": ("pauh", "SEKCAM", 0, [roles.ADMIN_SDM]),
    "sdm.rangkui": ("rangkui", "SEKCAM", 0, [roles.ADMIN_SDM]),
}


def _make_nip(rng, used, birth_year_range=(1968, 1998), seq_start=1):
    while True:
        birth = date(rng.randint(*birth_year_range), rng.randint(1, 12), rng.randint(1, 28))
        appointed_year = min(birth.year + rng.randint(22, 32), 2024)
        nip = (
            f"{birth:%Y%m%d}{appointed_year}{rng.randint(1, 12):02d}{rng.choice('12')}{rng.randint(seq_start, 999):03d}"
        )
        if nip not in used:
            parse_nip(nip)  # the demo must only hold valid NIPs
            used.add(nip)
            return nip


def _person(rng, nip, level):
    female = nip[14] == "2"
    first = rng.choice(names.FEMALE if female else names.MALE)
    nama = f"{first} {rng.choice(names.FAMILY)}"
    if level == "high":
        depan = rng.choice(names.GELAR_DEPAN)
        belakang = f"{rng.choice(names.GELAR_BELAKANG_S1)}, {rng.choice(names.GELAR_BELAKANG_S2)}"
    elif level == "low":
        depan, belakang = "", rng.choice(names.GELAR_BELAKANG_D3 + [""])
    else:
        depan, belakang = "", rng.choice(names.GELAR_BELAKANG_S1)
    return nama, depan, belakang


def _level(kind, kelas):
    if kind in ("jpt", "administrator"):
        return "high"
    return "low" if kelas <= 6 else "mid"


def _tmt(rng, nip):
    appointed = int(nip[8:12])
    return date(max(appointed + 2, rng.randint(2016, 2024)), rng.choice([4, 10]), 1)


class DemoOrganisation:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.pangkat = {p.golongan_ruang: p for p in Pangkat.objects.all()}
        self.pangkat_order = {p.order: p for p in self.pangkat.values()}
        self.password_hash = make_password(DEMO_PASSWORD)
        self.generated = set()
        self.groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL_ROLES}
        self.account_slots = {
            (slug, unit, pos): (username, extra) for username, (slug, unit, pos, extra) in ACCOUNTS.items()
        }

    def run(self):
        for spec in INSTANSI:
            self.load_instansi(*spec)
        get_user_model().objects.update_or_create(
            username="admin",
            defaults={
                "password": self.password_hash, "email": "admin@demo.lentera.go.id", "first_name": "Superadmin",
                "is_staff": True, "is_superuser": True,
            },
        )  # fmt: skip

    @transaction.atomic
    def load_instansi(self, slug, name, kind, region, time_zone):
        instansi, _ = Instansi.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "region": region, "time_zone": time_zone}
        )
        # one seeded generator per instansi: the same data every run, whatever else changed
        rng = random.Random(f"lentera-demo-{slug}")
        heads = {}
        for code, unit_name, parent_code, head_tpl, staff in UNITS[kind]:
            kelurahan = KELURAHAN.get(slug, ("", "", ""))
            unit_name = unit_name.format(k1=kelurahan[0], k2=kelurahan[1], k3=kelurahan[2])
            unit, _ = UnitKerja.objects.update_or_create(
                instansi=instansi,
                code=code,
                defaults={
                    "name": unit_name,
                    "parent": UnitKerja.objects.filter(instansi=instansi, code=parent_code).first(),
                },
            )
            head_jabatan = self._jabatan(instansi, head_tpl, code, unit_name)
            head = self._pegawai(
                rng, instansi, unit, head_jabatan, head_tpl, heads.get(parent_code), (slug, code, "head")
            )
            heads[code] = head
            index = 0
            for staff_key, count in staff:
                tpl = STAFF[staff_key]
                jabatan = self._jabatan(instansi, tpl, code, unit_name)
                for _i in range(count):
                    self._pegawai(rng, instansi, unit, jabatan, tpl, head, (slug, code, index))
                    index += 1
        if (signer := heads.get(SIGNING_UNIT[kind])) is not None:
            self._signatory(instansi, signer, CERTIFICATE_PLACE.get(slug, ""))
        if (root := heads.get(UNITS[kind][0][0])) is not None:
            root.user.groups.add(self.groups[roles.PIMPINAN])
        sync_supervisor_group([head.pk for head in heads.values()])
        if self.stdout:
            self.stdout.write(f"  {instansi.name}: {Pegawai.objects.filter(instansi=instansi).count()} pegawai")
        return instansi

    @staticmethod
    def _signatory(instansi, head, place):
        """The head of the personnel agency (the camat in a kecamatan) signs the certificates, with the region
        after the position as it is written under a signature: "Kepala Badan Kepegawaian Daerah Provinsi
        Gorontalo", "Camat Pauh"."""
        region = instansi.name.removeprefix("Pemerintah ").removeprefix("Kecamatan ")
        instansi.certificate_place = place
        instansi.signatory_position = f"{head.jabatan.name} {region}"
        instansi.signatory_name = head.full_name
        instansi.signatory_nip = head.nip
        instansi.save(update_fields=["certificate_place", "signatory_position", "signatory_name", "signatory_nip"])

    def _jabatan(self, instansi, tpl, unit_code, unit_name):
        code, name, kind, jenjang, kelas, _gol = tpl
        short = unit_name.replace("Bidang ", "").replace("Seksi ", "Seksi ").replace("Kelurahan ", "")
        jabatan, _ = Jabatan.objects.update_or_create(
            instansi=instansi,
            code=code.format(u=unit_code),
            defaults={
                "name": name.format(n=short if "{n}" in name else unit_name),
                "kind": kind,
                "jenjang": jenjang,
                "kelas_jabatan": kelas,
            },
        )
        return jabatan

    def _pegawai(self, rng, instansi, unit, jabatan, tpl, atasan, slot):
        # Each slot draws the same numbers on every run, so a re-run finds the same NIP and updates it.
        kind, kelas, gol_range = tpl[2], tpl[4], tpl[5]
        senior = kind in ("jpt", "administrator") or kelas >= 11
        nip = _make_nip(rng, self.generated, (1966, 1980) if senior else (1970, 1998))
        nama, depan, belakang = _person(rng, nip, _level(kind, kelas))
        low, high = self.pangkat[gol_range[0]].order, self.pangkat[gol_range[1]].order
        pangkat = self.pangkat_order[rng.randint(low, high)]
        status = "PPPK" if kind == "fungsional" and rng.random() < 0.12 else "PNS"
        tmt = _tmt(rng, nip)
        phone = f"08{rng.randint(11, 59)}{rng.randint(10000000, 99999999)}"
        account = self.account_slots.get(slot)
        username = account[0] if account else nip
        User = get_user_model()
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": nama[:150],
                "email": f"{username.replace('.', '_')}@demo.lentera.go.id",
                "password": self.password_hash,
            },
        )
        user.groups.add(self.groups[roles.PEGAWAI])
        if account:
            user.groups.add(*[self.groups[name] for name in account[1]])
        pegawai, _ = Pegawai.objects.update_or_create(
            user=user,
            defaults={
                "nip": nip, "nama": nama, "gelar_depan": depan, "gelar_belakang": belakang, "status": status,
                "instansi": instansi, "unit": unit, "jabatan": jabatan, "pangkat": None if status == "PPPK" else pangkat,
                "tmt_pangkat": None if status == "PPPK" else tmt, "atasan": atasan, "email": user.email, "phone": phone,
            },
        )  # fmt: skip
        return pegawai


@register_demo_step("organisation", order=10)
def load_organisation(stdout=None):
    DemoOrganisation(stdout).run()
