"""The organisation core in the Wagtail admin: scoping, fixed instansi, audit through the service, export."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.models import Pegawai
from tests.factories import make_pegawai, valid_nip

from .import_helpers import role_permissions  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("role_permissions")]


def url(model, view, *args):
    return reverse(f"wagtailsnippets_portal_{model}:{view}", args=args)


def test_admin_sdm_of_another_instansi_gets_404_and_does_not_see_the_row(org, login):
    client = login(org.sdm_malut)
    for view in ("edit", "delete", "history", "usage"):
        assert client.get(url("pegawai", view, org.pegawai.pk)).status_code == 404, view
    assert client.get(url("unitkerja", "edit", org.bidang.pk)).status_code == 404
    listing = client.get(url("pegawai", "list"))
    assert listing.status_code == 200
    assert org.pegawai_malut.nip in listing.text and org.pegawai.nip not in listing.text
    chooser = client.get(reverse("wagtailsnippetchoosers_portal_pegawai:choose_results"))
    assert org.pegawai_malut.nama in chooser.text and org.pegawai.nama not in chooser.text
    chosen = client.get(reverse("wagtailsnippetchoosers_portal_pegawai:chosen", args=[org.pegawai.pk]))
    assert chosen.status_code == 404


def test_bulk_action_on_another_instansis_rows_is_404(org, login):
    client = login(org.sdm_malut)
    bulk = reverse("wagtail_bulk_action", args=["portal", "unitkerja", "delete"])
    assert client.get(f"{bulk}?id={org.bidang.pk}").status_code == 404


def test_edit_goes_through_the_service_and_is_audited(org, login):
    client = login(org.sdm)
    page = client.get(url("pegawai", "edit", org.pegawai.pk))
    assert page.status_code == 200 and 'name="instansi"' not in page.text
    form = {
        "nip": org.pegawai.nip, "nama": "Siti Pegawai Baru", "gelar_depan": "", "gelar_belakang": "S.Kom.",
        "email": "", "phone": "", "unit": org.bidang.pk, "jabatan": "", "atasan": org.atasan.pk,
        "status": "PNS", "pangkat": org.pegawai.pangkat_id, "tmt_pangkat": "", "is_active": "on",
    }  # fmt: skip
    response = client.post(url("pegawai", "edit", org.pegawai.pk), form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    org.pegawai.refresh_from_db()
    assert org.pegawai.gelar_belakang == "S.Kom."
    entry = ModelLogEntry.objects.filter(object_id=str(org.pegawai.pk), action="wagtail.edit").get()
    assert entry.user_id == org.sdm.user_id
    assert entry.data["changes"]["nama"] == ["Siti Pegawai", "Siti Pegawai Baru"]
    history = client.get(url("pegawai", "history", org.pegawai.pk))
    assert history.status_code == 200 and "Hartini" in history.text or org.sdm.user.username in history.text


def test_edit_refuses_a_unit_of_another_instansi(org, login):
    client = login(org.sdm)
    form = {"nip": org.pegawai.nip, "nama": "X", "unit": org.malut_unit.pk, "status": "PNS", "is_active": "on"}
    response = client.post(url("pegawai", "edit", org.pegawai.pk), form)
    assert response.status_code == 200 and "unit" in response.context["form"].errors
    org.pegawai.refresh_from_db()
    assert org.pegawai.unit == org.bidang


def test_create_fixes_the_instansi_and_creates_the_login(org, login):
    client = login(org.sdm)
    nip = valid_nip()
    form = {
        "nip": nip, "nama": "Pegawai Baru", "unit": org.bkd.pk, "status": "PPPK", "is_active": "on",
        "instansi": org.malut.pk,  # ignored: the field is not in an Admin SDM's form
    }  # fmt: skip
    response = client.post(url("pegawai", "add"), form)
    assert response.status_code == 302
    created = Pegawai.objects.select_related("user").get(nip=nip)
    assert created.instansi == org.gorontalo
    assert created.user.username == nip and not created.user.has_usable_password()
    assert ModelLogEntry.objects.filter(object_id=str(created.pk), action="wagtail.create").exists()


def test_unit_create_is_fixed_to_own_instansi(org, login):
    client = login(org.sdm_malut)
    response = client.post(url("unitkerja", "add"), {"code": "BARU", "name": "Unit Baru", "instansi": org.gorontalo.pk})
    assert response.status_code == 302
    assert org.malut.units.filter(code="BARU").exists() and not org.gorontalo.units.filter(code="BARU").exists()


def test_instansi_is_for_superadmin_only_and_pangkat_is_read_only(org, login):
    # Wagtail answers a permission refusal in the admin with a redirect to the dashboard
    assert login(org.sdm).get(url("instansi", "list")).status_code in (302, 403)
    client = login(org.superadmin)
    assert client.get(url("instansi", "list")).status_code == 200
    assert client.get(url("pangkat", "list")).status_code == 200
    assert client.get(url("pangkat", "add")).status_code in (302, 403)


def test_listing_filters_and_search(org, login):
    client = login(org.sdm)
    by_unit = client.get(url("pegawai", "list"), {"unit": org.kominfo.pk})
    assert org.konten.nip in by_unit.text and org.pegawai.nip not in by_unit.text
    search = client.get(url("pegawai", "list"), {"q": "Ayu"})
    assert org.atasan.nip in search.text and org.pegawai.nip not in search.text


def test_listing_costs_a_constant_number_of_queries(org, login, django_assert_max_num_queries):
    client = login(org.sdm)
    client.get(url("pegawai", "list"))  # warm caches (content types, permissions)
    with django_assert_max_num_queries(30) as few:
        client.get(url("pegawai", "list"))
    few_count = len(few.captured_queries)
    for i in range(15):
        make_pegawai(org.gorontalo, org.bidang, nama=f"Tambahan {i}")
    client.get(url("pegawai", "list"))  # the data changed: the frame is read again once
    with django_assert_max_num_queries(few_count):
        client.get(url("pegawai", "list"))


def test_export_escapes_formulas(org, login):
    org.pegawai.nama = '=HYPERLINK("http://jahat.example","klik")'
    org.pegawai.phone = "+62 812-3456"
    org.pegawai.save()
    client = login(org.sdm)
    response = client.get(url("pegawai", "list"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body and "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body
    assert ",+62 812-3456," in body  # a phone number is left readable
    xlsx = client.get(url("pegawai", "list"), {"export": "xlsx"})
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(b"".join(xlsx.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://jahat.example","klik")' in values


def test_resource_export_escapes_formulas(org):
    from import_export.formats.base_formats import CSV

    from portal.resources import PegawaiResource

    org.pegawai.nama = "=1+2"
    org.pegawai.save()
    dataset = PegawaiResource(instansi=org.gorontalo).export()
    exported = CSV().export_data(dataset)
    assert "=1+2" not in exported and org.pegawai.nip in exported


def test_boolean_columns_show_icons_not_true_false(org, login):
    listing = login(org.sdm).get(url("pegawai", "list")).content.decode()
    assert org.pegawai.nip in listing
    assert ">True<" not in listing and ">False<" not in listing
    rules = login(org.superadmin).get(reverse("wagtailsnippets_kompetensi_konversijp:list")).content.decode()
    assert ">True<" not in rules and ">False<" not in rules
