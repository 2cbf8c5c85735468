import pytest
from django.http import Http404

from portal.models import Pegawai
from portal.scoping import pegawai_or_404, scope_for, visible_pegawai


def names(user, **kwargs):
    return set(visible_pegawai(user, **kwargs).values_list("user__username", flat=True))


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("pegawai", {"pegawai", "cucu"}),
        ("cucu", {"cucu"}),
        ("atasan", {"atasan", "pegawai", "rekan"}),
        ("rekan", {"rekan"}),
        ("sdm", {"pimpinan", "atasan", "pegawai", "rekan", "cucu", "sdm", "konten", "pelatihan"}),
        ("pimpinan", {"pimpinan", "atasan", "pegawai", "rekan", "cucu", "sdm", "konten", "pelatihan"}),
        ("sdm_malut", {"sdm_malut", "pegawai_malut"}),
        ("pegawai_malut", {"pegawai_malut"}),
    ],
)
def test_who_sees_whom(org, who, expected):
    assert names(getattr(org, who).user) == expected


def test_indirect_reports_only_when_asked(org):
    assert "cucu" not in names(org.atasan.user)
    assert names(org.atasan.user, indirect=True) == {"atasan", "pegawai", "rekan", "cucu"}


def test_superadmin_sees_everyone(org):
    assert visible_pegawai(org.superadmin).count() == Pegawai.objects.count()
    assert scope_for(org.superadmin).everything


def test_user_without_pegawai_sees_nothing(db, django_user_model):
    user = django_user_model.objects.create_user("tamu", password="x")
    assert visible_pegawai(user).count() == 0


def test_inactive_reports_are_not_supervised(org):
    org.rekan.is_active = False
    org.rekan.save()
    assert names(org.atasan.user) == {"atasan", "pegawai"}


def test_pegawai_or_404_answers_404_for_an_account_without_pegawai(org):
    assert pegawai_or_404(org.sdm.user) == org.sdm
    with pytest.raises(Http404):
        pegawai_or_404(org.superadmin)
