"""Pure rules of the exchange, no database: the national system's codes of ratings and predikat, and reading a
rating or predikat from whatever a file holds (Lentera's code, its Indonesian label, SIASN's label or number).

SIASN's references (``referensi perilaku dan kinerja`` and ``referensi kuadran``, as used by the clients named in
`columns`): a rating is 1 DIATAS EKSPEKTASI, 2 SESUAI EKSPEKTASI, 3 DIBAWAH EKSPEKTASI; the kuadran kinerja is
1 SANGAT BAIK, 2 BAIK, 3 BUTUH PERBAIKAN, 4 KURANG, 5 SANGAT KURANG.
"""

import re
from typing import NamedTuple

from django.utils.translation import gettext as _

from ..evaluation.models import Predikat, Rating

DATE_FORMAT = "%d-%m-%Y"  # how SIASN writes dates


class Code(NamedTuple):
    number: int
    label: str  # SIASN's spelling


RATINGS = {
    Rating.DI_ATAS: Code(1, "DIATAS EKSPEKTASI"),
    Rating.SESUAI: Code(2, "SESUAI EKSPEKTASI"),
    Rating.DI_BAWAH: Code(3, "DIBAWAH EKSPEKTASI"),
}
KUADRAN = {
    Predikat.SANGAT_BAIK: Code(1, "SANGAT BAIK"),
    Predikat.BAIK: Code(2, "BAIK"),
    Predikat.BUTUH_PERBAIKAN: Code(3, "BUTUH PERBAIKAN"),
    Predikat.KURANG: Code(4, "KURANG"),
    Predikat.SANGAT_KURANG: Code(5, "SANGAT KURANG"),
}
# Lentera's Indonesian labels, written out (not the translated ones: a file reads the same in any language)
LABELS = {
    Rating.DI_ATAS: "Di Atas Ekspektasi",
    Rating.SESUAI: "Sesuai Ekspektasi",
    Rating.DI_BAWAH: "Di Bawah Ekspektasi",
    Predikat.SANGAT_BAIK: "Sangat Baik",
    Predikat.BAIK: "Baik",
    Predikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    Predikat.KURANG: "Kurang/Misconduct",
    Predikat.SANGAT_KURANG: "Sangat Kurang",
}


def _normal(value) -> str:
    """Case, spaces and punctuation dropped: "Di Atas Ekspektasi", "DIATAS EKSPEKTASI" and "di_atas" meet."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"[^0-9A-Z]", "", str(value).upper())


def _aliases(table):
    found = {}
    for code, siasn in table.items():
        for alias in (code, siasn.label, str(siasn.number), LABELS[code]):
            found[_normal(alias)] = str(code)
    return found


RATING_ALIASES = _aliases(RATINGS)
PREDIKAT_ALIASES = {**_aliases(KUADRAN), _normal("Misconduct"): Predikat.KURANG}


def _read(value, aliases, table, what):
    if value is None or not str(value).strip():
        return ""
    found = aliases.get(_normal(value))
    if found is None:
        choices = ", ".join(LABELS[code] for code in table)
        numbers = f"{min(c.number for c in table.values())}-{max(c.number for c in table.values())}"
        raise ValueError(
            _("%(what)s '%(value)s' tidak dikenal; tulis salah satu dari: %(choices)s (atau kodenya, atau angka "
              "SIASN %(numbers)s).") % {"what": what, "value": value, "choices": choices, "numbers": numbers}
        )  # fmt: skip
    return found


def read_rating(value, what) -> str:
    """A rating code (DI_ATAS, SESUAI, DI_BAWAH) from a cell, "" for an empty one; ValueError for anything else."""
    return _read(value, RATING_ALIASES, RATINGS, what)


def read_predikat(value, what) -> str:
    """A predikat code (SANGAT_BAIK .. SANGAT_KURANG) from a cell, "" for an empty one; ValueError otherwise."""
    return _read(value, PREDIKAT_ALIASES, KUADRAN, what)


def one_of(label_value: str, number_value: str) -> tuple[str, bool]:
    """The code a pair of columns (the label and SIASN's number of the same result) agrees on: (code, agreed)."""
    if label_value and number_value and label_value != number_value:
        return "", False
    return label_value or number_value, True


def siasn_label(code) -> str:
    found = RATINGS.get(code) or KUADRAN.get(code)
    return found.label if found else ""


def siasn_number(code):
    found = RATINGS.get(code) or KUADRAN.get(code)
    return found.number if found else None


def siasn_date(day) -> str:
    return day.strftime(DATE_FORMAT) if day else ""
