"""The kuadran kinerja as a table: all nine cells of the regulation's default, held as data, and an instansi's own
cell overriding the default for that instansi only."""

import pytest

from kinerja.evaluation import queries, rules
from kinerja.models import PredikatCell

CELLS = [
    ("DI_ATAS", "DI_ATAS", "SANGAT_BAIK"),
    ("DI_ATAS", "SESUAI", "BAIK"),
    ("DI_ATAS", "DI_BAWAH", "KURANG"),
    ("SESUAI", "DI_ATAS", "BAIK"),
    ("SESUAI", "SESUAI", "BAIK"),
    ("SESUAI", "DI_BAWAH", "KURANG"),
    ("DI_BAWAH", "DI_ATAS", "BUTUH_PERBAIKAN"),
    ("DI_BAWAH", "SESUAI", "BUTUH_PERBAIKAN"),
    ("DI_BAWAH", "DI_BAWAH", "SANGAT_KURANG"),
]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), CELLS)
def test_default_matrix_loaded_as_data(db, hasil, perilaku, predikat):
    assert queries.predikat_for(None, hasil, perilaku) == predikat
    assert rules.DEFAULT_MATRIX[(hasil, perilaku)] == predikat


def test_the_loaded_matrix_is_complete(db):
    assert rules.complete(queries.matrix_for(None))
    assert PredikatCell.objects.filter(instansi__isnull=True).count() == 9


def test_an_instansi_override_applies_to_that_instansi_only(org):
    PredikatCell.objects.create(
        instansi=org.gorontalo, hasil_kerja="DI_ATAS", perilaku_kerja="DI_BAWAH", predikat="BUTUH_PERBAIKAN"
    )
    assert queries.predikat_for(org.gorontalo.pk, "DI_ATAS", "DI_BAWAH") == "BUTUH_PERBAIKAN"
    assert queries.predikat_for(org.malut.pk, "DI_ATAS", "DI_BAWAH") == "KURANG"
    assert queries.predikat_for(org.gorontalo.pk, "SESUAI", "SESUAI") == "BAIK"  # the rest stays the default


@pytest.mark.parametrize(("hasil", "perilaku"), [("BAIK", "SESUAI"), ("SESUAI", ""), ("di_atas", "SESUAI")])
def test_an_unknown_rating_is_an_error_not_a_guess(hasil, perilaku):
    with pytest.raises(ValueError):
        rules.predikat_for(hasil, perilaku, rules.DEFAULT_MATRIX)
