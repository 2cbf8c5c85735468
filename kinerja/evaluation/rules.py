"""The predikat kinerja follows from the two ratings through the kuadran kinerja (PermenPANRB 6/2022). The default
matrix is here only to seed the editable table (`PredikatCell`) and to check it; lookups read the table."""

from datetime import timedelta

DI_ATAS, SESUAI, DI_BAWAH = "DI_ATAS", "SESUAI", "DI_BAWAH"
RATINGS = (DI_ATAS, SESUAI, DI_BAWAH)

SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG = (
    "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG",
)  # fmt: skip
PREDIKAT = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)

# (rating hasil kerja, rating perilaku kerja) -> predikat
DEFAULT_MATRIX = {
    (DI_ATAS, DI_ATAS): SANGAT_BAIK,
    (DI_ATAS, SESUAI): BAIK,
    (DI_ATAS, DI_BAWAH): KURANG,
    (SESUAI, DI_ATAS): BAIK,
    (SESUAI, SESUAI): BAIK,
    (SESUAI, DI_BAWAH): KURANG,
    (DI_BAWAH, DI_ATAS): BUTUH_PERBAIKAN,
    (DI_BAWAH, SESUAI): BUTUH_PERBAIKAN,
    (DI_BAWAH, DI_BAWAH): SANGAT_KURANG,
}


def predikat_for(hasil_kerja: str, perilaku_kerja: str, matrix) -> str:
    """The predikat of two ratings in `matrix` ({(hasil, perilaku): predikat}); a rating outside the scale is an
    error, never a guess."""
    if hasil_kerja not in RATINGS or perilaku_kerja not in RATINGS:
        raise ValueError(f"unknown rating: {hasil_kerja!r}, {perilaku_kerja!r}")
    return matrix[(hasil_kerja, perilaku_kerja)]


def complete(matrix) -> bool:
    """Every pair of ratings has exactly one predikat from the scale."""
    return set(matrix) == {(h, p) for h in RATINGS for p in RATINGS} and set(matrix.values()) <= set(PREDIKAT)


OPEN, RATED, FINALISED = "open", "rated", "finalised"
# Ratings may change until the evaluator finalises (each change is a history row); a finalised result is locked.
EVALUATION_TRANSITIONS = {"": {OPEN}, OPEN: {RATED}, RATED: {RATED, FINALISED}}

FILED, GRANTED, REJECTED = "filed", "granted", "rejected"
# The Atasan Pejabat Penilai's decision is final: nothing leaves granted or rejected.
APPEAL_TRANSITIONS = {"": {FILED}, FILED: {GRANTED, REJECTED}}


def appeal_deadline(finalised_on, days: int):
    """The last day an appeal may be filed: `days` after the day the result became final."""
    return finalised_on + timedelta(days=days)


def may_appeal(finalised_on, today, days: int) -> bool:
    return finalised_on is not None and today <= appeal_deadline(finalised_on, days)
