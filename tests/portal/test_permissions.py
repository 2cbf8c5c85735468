"""The one permission check, as a table: who acts as which role for which instansi."""

import pytest

from portal import roles
from portal.permissions import acts_as, acts_as_in_own_instansi, is_hr_of, same_instansi

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "role", "instansi", "expected"),
    [
        ("sdm", roles.ADMIN_SDM, "gorontalo", True),
        ("sdm", roles.ADMIN_SDM, "malut", False),  # the role, but another instansi
        ("sdm_malut", roles.ADMIN_SDM, "gorontalo", False),
        ("sdm_malut", roles.ADMIN_SDM, "malut", True),
        ("pegawai", roles.ADMIN_SDM, "gorontalo", False),  # the instansi, not the role
        ("konten", roles.ADMIN_KONTEN, "gorontalo", True),
        ("konten", (roles.ADMIN_KONTEN, roles.PIMPINAN), "gorontalo", True),
        ("pimpinan", (roles.ADMIN_KONTEN, roles.PIMPINAN), "gorontalo", True),
        ("pelatihan", roles.PENYELENGGARA, "gorontalo", True),
        ("pelatihan", roles.ADMIN_SDM, "gorontalo", False),
        ("superadmin", roles.ADMIN_SDM, "malut", True),
        ("superadmin", roles.PENYELENGGARA, "gorontalo", True),
    ],
)
def test_acts_as(org, who, role, instansi, expected):
    person = getattr(org, who)
    user = getattr(person, "user", person)
    assert acts_as(user, role, getattr(org, instansi).pk) is expected


def test_an_inactive_employee_acts_as_nothing(org):
    org.sdm.is_active = False
    org.sdm.save()
    org.sdm.user.__dict__.pop("_lentera_frame", None)  # a new request
    assert not acts_as(org.sdm.user, roles.ADMIN_SDM, org.gorontalo.pk)


def test_anonymous_and_unknown_instansi(org, rf):
    from django.contrib.auth.models import AnonymousUser

    assert not acts_as(AnonymousUser(), roles.PEGAWAI, org.gorontalo.pk)
    assert not acts_as(org.sdm.user, roles.ADMIN_SDM, None)


def test_helpers_built_on_it(org):
    assert is_hr_of(org.sdm.user, org.gorontalo.pk) and not is_hr_of(org.sdm.user, org.malut.pk)
    assert acts_as_in_own_instansi(org.pelatihan.user, roles.PENYELENGGARA)
    assert not acts_as_in_own_instansi(org.pegawai.user, roles.PENYELENGGARA)
    assert same_instansi(org.pegawai.user, org.gorontalo.pk) and not same_instansi(org.pegawai.user, org.malut.pk)
    assert same_instansi(org.superadmin, org.malut.pk)
