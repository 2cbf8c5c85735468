"""The rule tables of the service desk in the admin: HR sees the defaults (read-only) and writes their instansi's own
request types with a checklist and their own holidays; another instansi's rows answer 404."""

import datetime

import pytest
from django.urls import reverse

from kinerja.service_desk import queries
from kinerja.service_desk.models import RequestType
from portal.models import Holiday

pytestmark = pytest.mark.django_db


def _url(model, view, *args):
    app = "portal" if model == "holiday" else "kinerja"
    return reverse(f"wagtailsnippets_{app}_{model}:{view}", args=args)


def test_hr_writes_their_own_request_type_with_its_checklist(org, login):
    client = login(org.sdm)
    listing = client.get(_url("requesttype", "list")).content.decode()
    assert "Kenaikan pangkat" in listing
    default = RequestType.objects.get(instansi=None, code="cuti_tahunan")
    refused = client.get(_url("requesttype", "edit", default.pk))  # the default is the superadmin's
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    response = client.post(_url("requesttype", "add"), {
        "name": "Cuti besar", "code": "cuti_besar", "instansi": org.gorontalo.pk, "description": "Cuti besar ASN.",
        "sla_days": 5, "order": 25, "is_active": "on",
        "checklist-TOTAL_FORMS": 1, "checklist-INITIAL_FORMS": 0, "checklist-MIN_NUM_FORMS": 0,
        "checklist-MAX_NUM_FORMS": 1000, "checklist-0-name": "Surat permohonan cuti besar",
        "checklist-0-required": "on", "checklist-0-ORDER": 1, "checklist-0-id": "",
    })  # fmt: skip
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    own = RequestType.objects.get(code="cuti_besar")
    assert own.instansi == org.gorontalo and [i.name for i in own.checklist.all()] == ["Surat permohonan cuti besar"]
    assert "cuti_besar" in [t.code for t in queries.types_for(org.gorontalo.pk)]
    assert "cuti_besar" not in [t.code for t in queries.types_for(org.malut.pk)]
    assert login(org.sdm_malut).get(_url("requesttype", "edit", own.pk)).status_code == 404


def test_hr_adds_a_day_off_of_their_instansi(org, login):
    client = login(org.sdm)
    national = Holiday.objects.get(instansi=None, date=datetime.date(2026, 8, 17))
    assert "Proklamasi" in client.get(_url("holiday", "list"), {"q": "Proklamasi"}).content.decode()
    assert client.get(_url("holiday", "edit", national.pk))["Location"] == "/admin/"
    response = client.post(_url("holiday", "add"), {
        "instansi": org.gorontalo.pk, "date": "2026-12-16", "name": "Hari jadi Provinsi Gorontalo", "kind": "daerah",
    }, follow=True)  # fmt: skip
    assert response.redirect_chain  # followed, so that its message is read here and not on the next page
    own = Holiday.objects.get(name="Hari jadi Provinsi Gorontalo")
    assert own.instansi == org.gorontalo
    other = login(org.sdm_malut)
    assert other.get(_url("holiday", "edit", own.pk)).status_code == 404
    assert "Hari jadi Provinsi Gorontalo" not in other.get(_url("holiday", "list")).content.decode()
