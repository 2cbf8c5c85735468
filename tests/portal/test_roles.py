"""One role mechanism: role groups with the permissions every module registered, per-instansi groups whose members
one sync keeps right on every kind of change, and onboarding of a new instansi."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Workflow

from home.models import HomePage
from portal import roles
from portal.models import InstansiGroup
from portal.onboarding import onboard_instansi
from tests.factories import make_instansi, make_pegawai, make_unit

pytestmark = pytest.mark.django_db


def member_of(pegawai, instansi, role):
    return pegawai.user.groups.filter(instansi_group__instansi=instansi, instansi_group__role=role).exists()


@pytest.fixture
def groups(org):
    for instansi in (org.gorontalo, org.malut):
        roles.ensure_instansi_groups(instansi)
    return org


def test_role_groups_carry_every_module_s_permissions(org):
    roles.ensure_role_groups()
    sdm = Group.objects.get(name=roles.ADMIN_SDM)
    codenames = set(sdm.permissions.values_list("content_type__app_label", "codename"))
    assert ("portal", "add_pegawai") in codenames  # portal's own
    assert ("kompetensi", "change_konversijp") in codenames  # registered by kompetensi
    assert ("wagtailadmin", "access_admin") in codenames
    assert not Group.objects.get(name=roles.PEGAWAI).permissions.exists()


def test_per_instansi_groups_exist_for_the_roles_that_asked(groups):
    made = set(InstansiGroup.objects.filter(instansi=groups.gorontalo).values_list("role", flat=True))
    assert made == {roles.ADMIN_KONTEN, roles.PIMPINAN, roles.PENYELENGGARA}
    assert roles.instansi_group(groups.gorontalo, roles.ADMIN_KONTEN).name == "Admin Konten (gorontalo)"


def test_holders_join_their_own_instansi_group_only(groups):
    assert member_of(groups.konten, groups.gorontalo, roles.ADMIN_KONTEN)
    assert not member_of(groups.konten, groups.malut, roles.ADMIN_KONTEN)
    assert member_of(groups.pelatihan, groups.gorontalo, roles.PENYELENGGARA)
    assert not member_of(groups.pegawai, groups.gorontalo, roles.ADMIN_KONTEN)


def test_granting_and_revoking_a_role_from_the_user_side(groups):
    role = Group.objects.get(name=roles.ADMIN_KONTEN)
    groups.pegawai.user.groups.add(role)
    assert member_of(groups.pegawai, groups.gorontalo, roles.ADMIN_KONTEN)
    groups.pegawai.user.groups.remove(role)
    assert not member_of(groups.pegawai, groups.gorontalo, roles.ADMIN_KONTEN)


def test_granting_and_revoking_a_role_from_the_group_side(groups):
    role = Group.objects.get(name=roles.PENYELENGGARA)
    role.user_set.add(groups.rekan.user)
    assert member_of(groups.rekan, groups.gorontalo, roles.PENYELENGGARA)
    role.user_set.remove(groups.rekan.user)
    assert not member_of(groups.rekan, groups.gorontalo, roles.PENYELENGGARA)


def test_a_transfer_moves_the_per_instansi_membership(groups):
    konten = groups.konten
    konten.instansi, konten.unit = groups.malut, groups.malut_unit
    konten.save()
    assert not member_of(konten, groups.gorontalo, roles.ADMIN_KONTEN)
    assert member_of(konten, groups.malut, roles.ADMIN_KONTEN)


def test_deactivation_drops_every_per_instansi_membership(groups):
    groups.pelatihan.is_active = False
    groups.pelatihan.save()
    assert not groups.pelatihan.user.groups.filter(instansi_group__isnull=False).exists()
    groups.pelatihan.is_active = True
    groups.pelatihan.save()
    assert member_of(groups.pelatihan, groups.gorontalo, roles.PENYELENGGARA)


def test_a_hand_added_per_instansi_membership_is_put_right(groups):
    """Per-instansi groups follow the roles: adding someone by hand in the admin does not make them an editor."""
    groups.pegawai.user.groups.add(roles.instansi_group(groups.gorontalo, roles.ADMIN_KONTEN))
    assert not member_of(groups.pegawai, groups.gorontalo, roles.ADMIN_KONTEN)


def test_unknown_role_names_are_refused():
    with pytest.raises(ValueError, match="unknown roles"):
        roles.register("typo", {"Admin Kontent": roles.Needs()})


def test_a_new_instansi_is_onboarded_with_groups_home_workflows_and_catalogue_editors(
    org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        baru = make_instansi("sula", "Pemerintah Kabupaten Kepulauan Sula", "Asia/Jayapura")
    assert set(InstansiGroup.objects.filter(instansi=baru).values_list("role", flat=True)) == {
        roles.ADMIN_KONTEN, roles.PIMPINAN, roles.PENYELENGGARA,
    }  # fmt: skip
    home = HomePage.objects.get(instansi=baru)
    editors = roles.instansi_group(baru, roles.ADMIN_KONTEN)
    assert GroupPagePermission.objects.filter(group=editors, page=home, permission__codename="add_page").exists()
    assert Workflow.objects.filter(name="Persetujuan Kebijakan – Pemerintah Kabupaten Kepulauan Sula").exists()
    # an employee who holds the role there gets in at once
    unit = make_unit(baru, "BKD")
    konten = make_pegawai(baru, unit, roles_=[roles.ADMIN_KONTEN])
    assert member_of(konten, baru, roles.ADMIN_KONTEN)
    onboard_instansi(baru)  # again: nothing doubles
    assert InstansiGroup.objects.filter(instansi=baru).count() == 3
