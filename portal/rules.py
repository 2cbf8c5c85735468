"""Pure rules of the organisation core: no database here."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

NIP_LENGTH = 18
# A CPNS/PPPK appointee is at least 18 years old; older than 60 is not plausible for a first appointment.
MIN_APPOINTMENT_AGE = 18
MAX_APPOINTMENT_AGE = 60
EARLIEST_BIRTH_YEAR = 1940


class NipError(ValueError):
    """A NIP that cannot be right; `code` says which part, the message says it in Indonesian."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class NipInfo:
    birth_date: date
    appointment_year: int
    appointment_month: int
    sex: str  # "L" or "P"
    sequence: int


def parse_nip(raw, today=None):
    """Split an 18-digit NIP into its parts, raising NipError with an Indonesian message on the first mistake.

    Layout: birth date YYYYMMDD, appointment as CPNS YYYYMM, sex digit (1 man, 2 woman), sequence NNN.
    """
    today = today or date.today()
    nip = (raw or "").strip().replace(" ", "")
    if not nip:
        raise NipError("required", _("NIP wajib diisi."))
    if not nip.isdigit():
        raise NipError("digits", _("NIP hanya boleh berisi angka."))
    if len(nip) != NIP_LENGTH:
        raise NipError(
            "length",
            _("NIP harus 18 digit, yang dimasukkan %(count)s digit.") % {"count": len(nip)},
        )
    try:
        birth = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(
            "birth_date",
            _("Tanggal lahir pada NIP (digit 1-8: %(part)s) bukan tanggal yang valid.") % {"part": nip[0:8]},
        ) from None
    if birth.year < EARLIEST_BIRTH_YEAR or birth > today:
        raise NipError("birth_date", _("Tahun lahir pada NIP (%(year)s) tidak masuk akal.") % {"year": birth.year})
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        raise NipError(
            "appointment",
            _("Bulan pengangkatan pada NIP (digit 13-14: %(part)s) harus 01 sampai 12.") % {"part": nip[12:14]},
        )
    if (year, month) > (today.year, today.month):
        raise NipError(
            "appointment", _("Tanggal pengangkatan pada NIP (%(part)s) ada di masa depan.") % {"part": nip[8:14]}
        )
    age = year - birth.year - (1 if month < birth.month else 0)
    if age < MIN_APPOINTMENT_AGE or age > MAX_APPOINTMENT_AGE:
        raise NipError(
            "order",
            _(
                "Tanggal pengangkatan (%(appointed)s) tidak sesuai dengan tanggal lahir: usia saat diangkat "
                "%(age)s tahun, seharusnya %(min)s sampai %(max)s tahun."
            )
            % {"appointed": nip[8:14], "age": age, "min": MIN_APPOINTMENT_AGE, "max": MAX_APPOINTMENT_AGE},
        )
    if nip[14] not in "12":
        raise NipError(
            "sex",
            _("Digit ke-15 NIP (jenis kelamin) harus 1 (pria) atau 2 (wanita), bukan %(digit)s.") % {"digit": nip[14]},
        )
    sequence = int(nip[15:18])
    if sequence == 0:
        raise NipError("sequence", _("Nomor urut pada NIP (3 digit terakhir) tidak boleh 000."))
    return NipInfo(birth, year, month, "L" if nip[14] == "1" else "P", sequence)


def format_name(nama, gelar_depan="", gelar_belakang=""):
    """Full name as written on Indonesian documents: 'Dr. Siti Aminah, S.E., M.M.'."""
    name = f"{gelar_depan.strip()} {nama.strip()}".strip()
    return f"{name}, {gelar_belakang.strip()}" if gelar_belakang.strip() else name


def time_zone_label(name):
    """WIB, WITA or WIT for Indonesia's three zones; any other zone (UTC for a superadmin) by its own name."""
    return {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}.get(name, name)
