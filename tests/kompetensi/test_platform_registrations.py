"""What the training module registers into the platform shows up where the platform renders it."""

import pytest

from kompetensi import services
from tests.home.builders import readable

pytestmark = pytest.mark.django_db


def test_courses_are_found_by_site_search_within_privacy(org, training, login):
    html = readable(login(org.pegawai).get("/cari/", {"q": "Pelayanan"}).content.decode())
    assert "Pelayanan Publik Prima" in html
    html = readable(login(org.pegawai).get("/cari/", {"q": "Pelayanan", "jenis": "pelatihan"}).content.decode())
    assert "Pelayanan Publik Prima" in html and '<span class="tag">Pelatihan</span>' in html
    assert 'aria-current="true">Pelatihan <span class="chip-count">1' in html
    html = readable(login(org.pegawai_malut).get("/cari/", {"q": "Pelayanan"}).content.decode())
    assert "Pelayanan Publik Prima" not in html


def test_profile_page_shows_the_training_section_to_who_may_see_the_employee(org, training, login):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    for viewer in (org.pegawai, org.atasan, org.sdm):
        html = login(viewer).get(f"/pegawai/{org.pegawai.nip}/").content.decode()
        assert 'data-testid="profile-jp"' in html and "Pelayanan Publik Prima" in html
    assert login(org.sdm_malut).get(f"/pegawai/{org.pegawai.nip}/").status_code == 404


def test_menu_comes_from_the_registered_sections(org, login):
    html = login(org.pelatihan).get("/notifikasi/").content.decode()
    assert "/pelatihan/kelola/" in html  # kompetensi's nav section, for an organiser
    html = login(org.pegawai).get("/notifikasi/").content.decode()
    assert "/pelatihan/kelola/" not in html and "/cari/" in html


def test_catalogue_created_outside_the_demo_gets_its_organisers(org, django_capture_on_commit_callbacks):
    from wagtail.models import GroupPagePermission

    from portal import roles

    from .conftest import make_catalog

    with django_capture_on_commit_callbacks(execute=True):
        catalog = make_catalog(org.malut)
    group = roles.instansi_group(org.malut, roles.PENYELENGGARA)
    assert GroupPagePermission.objects.filter(group=group, page=catalog, permission__codename="add_page").exists()
    assert not GroupPagePermission.objects.filter(
        group=roles.instansi_group(org.gorontalo, roles.PENYELENGGARA), page=catalog
    ).exists()
