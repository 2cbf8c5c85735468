"""The service desk demo: requests in every state with messages, notes and two survey answers, times in the past
for the report, a promotion request with its evidence for `pegawai.<instansi>`; loaded twice, written once."""

import pytest

from kinerja.service_desk import demo, queries, report
from kinerja.service_desk.models import InternalNote, RequestMessage, ServiceRequest, SurveyAnswer
from portal.models import Jabatan
from tests.factories import make_jabatan, make_pegawai

pytestmark = pytest.mark.django_db


def test_demo_has_every_state_idempotently(org):
    jabatan = make_jabatan(org.gorontalo, "STAF-DEMO", kind=Jabatan.Kind.PELAKSANA)
    for index in range(len(demo.CASES)):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=jabatan, nama=f"Demo {index}")
    journey = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, username="pegawai.gorontalo", nama="Jalan")
    demo.load_service_desk()
    demo.load_service_desk()
    requests = ServiceRequest.objects.filter(instansi=org.gorontalo)
    assert requests.count() == len(demo.CASES) + 1
    assert set(requests.values_list("status", flat=True)) == set(ServiceRequest.Status.values)
    assert SurveyAnswer.objects.count() == 2 and InternalNote.objects.exists()
    assert (
        RequestMessage.objects.filter(from_hr=True).exists() and RequestMessage.objects.filter(from_hr=False).exists()
    )
    promotion = requests.get(pegawai=journey)
    assert promotion.request_type.code == "kenaikan_pangkat" and promotion.evidence["sections"]
    assert promotion.status == "in_progress"
    today = queries.today_in(org.gorontalo)
    assert all(r.submitted_on <= today and r.due_on >= r.submitted_on for r in requests)
    rows = [r for year in report.years_of(org.gorontalo.pk, today) for r in report.build(org.gorontalo, year, today)]
    closed = [r for r in rows if r.closed]
    assert closed and all(r.median_closing is not None for r in closed)
    assert not ServiceRequest.objects.filter(instansi=org.malut).exists()  # too few staff there: left alone
