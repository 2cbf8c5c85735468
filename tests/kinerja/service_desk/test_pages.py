"""Pages of the HR service desk: who sees what (every view and endpoint scoped), filing in the browser's form with
uploads, HR's queue with its filters in a constant number of queries, acting on a request, the survey, the report
with its downloads, the menu entries, and an internal note that never reaches the employee."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.service_desk import services
from kinerja.service_desk.models import RequestType, ServiceRequest

from .conftest import file, pdf

pytestmark = pytest.mark.django_db

NOTE = "Catatan rahasia SDM: cek hukuman disiplin"


def _detail(request):
    return reverse("kinerja:service_request", args=[request.pk])


def _closed_with_note(org, types):
    request = file(org, types)
    services.add_note(actor=org.sdm.user, request=request, body=NOTE)
    services.take(actor=org.sdm.user, request=request)
    services.ask_employee(actor=org.sdm.user, request=request, message="Mohon lengkapi keperluannya.")
    services.send_message(actor=org.pegawai.user, request=request, body="Untuk pengajuan KPR.")
    services.complete(actor=org.sdm.user, request=request, note="Surat sudah dapat diambil.")
    return request


@pytest.mark.parametrize(
    "who, status",
    [("pegawai", 200), ("sdm", 200), ("rekan", 404), ("atasan", 404), ("pimpinan", 404), ("sdm_malut", 404),
     ("pegawai_malut", 404)],
)  # fmt: skip
def test_a_request_and_its_documents_are_seen_by_the_employee_and_hr_only(org, login, types, who, status):
    request = file(org, types, "cuti_tahunan", description="Cuti tahunan 3 hari.")
    client = login(getattr(org, who))
    assert client.get(_detail(request)).status_code == status
    document = request.documents.get()
    response = client.get(reverse("kinerja:service_document", args=[document.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("who, status", [("sdm", 200), ("pimpinan", 403), ("atasan", 403), ("pegawai", 403)])
def test_the_queue_and_the_report_are_for_hr(org, login, filed, who, status):
    client = login(getattr(org, who))
    for name in ("kinerja:service_queue", "kinerja:service_report"):
        assert client.get(reverse(name)).status_code == status


def test_another_instansi_sees_none_of_it(org, login, types, filed):
    client = login(org.sdm_malut)
    assert org.pegawai.nip not in client.get(reverse("kinerja:service_queue")).content.decode()
    assert client.get(reverse("kinerja:service_report")).context["total"] == 0
    for name in ("take", "ask", "resume", "complete", "reject", "message", "note", "upload", "survey"):
        response = client.post(reverse(f"kinerja:service_request_{name}", args=[filed.pk]), {"body": "x"})
        assert response.status_code == 404, name
    assert ServiceRequest.objects.get(pk=filed.pk).status == "submitted" and not filed.messages.exists()


def test_my_requests_are_mine(org, login, types, filed, django_assert_max_num_queries):
    other = file(org, types, "cuti_tahunan", who=org.rekan, description="Cuti rekan.")
    for index in range(5):
        file(org, types, "cuti_tahunan", description=f"Cuti {index}.")
    client = login(org.pegawai)
    client.get(reverse("kinerja:service_mine"))
    with django_assert_max_num_queries(5):
        page = client.get(reverse("kinerja:service_mine"))
    assert len(page.context["page"].object_list) == 6
    assert filed.pk in [r.pk for r in page.context["page"].object_list]
    assert _detail(other) not in page.content.decode()


def test_filing_in_the_form_with_its_uploads(org, login, types):
    client = login(org.pegawai)
    choose = client.get(reverse("kinerja:service_new"))
    assert [t.code for t in choose.context["types"]][:2] == ["kenaikan_pangkat", "cuti_tahunan"]
    leave = types["cuti_tahunan"]
    url = reverse("kinerja:service_new") + f"?jenis={leave.pk}"
    form_page = client.get(url)
    field = f"dokumen_{leave.checklist.get().pk}"
    assert field in form_page.context["form"].fields and 'enctype="multipart/form-data"' in form_page.content.decode()
    missing = client.post(url, {"description": "Cuti 3 hari mulai Senin."})
    assert missing.status_code == 400 and missing.context["form"].errors[field]
    assert missing.context["form"]["description"].value() == "Cuti 3 hari mulai Senin."  # nothing typed is lost
    wrong = client.post(url, {"description": "Cuti.", field: pdf("form.pdf", b"GIF89a")})
    assert wrong.status_code == 400 and wrong.context["form"].errors[field]
    good = client.post(url, {"description": "Cuti 3 hari mulai Senin.", field: pdf("formulir-cuti.pdf")})
    request = ServiceRequest.objects.get()
    assert good.status_code == 302 and good.url == _detail(request)
    assert request.documents.get().original_name == "formulir-cuti.pdf"
    assert client.get(reverse("kinerja:service_new") + "?jenis=999999").context["types"]  # an unknown type: choose
    malut_type = RequestType.objects.create(instansi=org.malut, code="khusus", name="Khusus Malut", sla_days=2)
    assert "form" not in client.get(reverse("kinerja:service_new") + f"?jenis={malut_type.pk}").context


def test_the_promotion_form_previews_and_the_request_shows_the_lentera_evidence(org, login, types):
    client = login(org.pegawai)
    promotion = types["kenaikan_pangkat"]
    preview = client.get(reverse("kinerja:service_new") + f"?jenis={promotion.pk}")
    assert "predikat" in {provider.key for provider, _data in preview.context["sections"]}
    request = file(org, types, "kenaikan_pangkat", description="Usul kenaikan pangkat.")
    for who in (org.sdm, org.pegawai):
        page = login(who).get(_detail(request))
        assert 'data-evidence="predikat"' in page.content.decode()
        assert 'data-testid="evidence-note"' in page.content.decode()


def test_hr_acts_in_the_browser_and_the_employee_rates(org, login, types, filed):
    hr = login(org.sdm)
    body = hr.get(_detail(filed)).content.decode()
    assert 'data-testid="hr-actions"' in body and 'data-testid="internal-notes"' in body
    assert hr.post(reverse("kinerja:service_request_take", args=[filed.pk])).status_code == 302
    bad = hr.post(reverse("kinerja:service_request_reject", args=[filed.pk]), {"reason": ""})
    assert bad.status_code == 400 and bad.context["reject_form"].errors["reason"]
    hr.post(reverse("kinerja:service_request_note", args=[filed.pk]), {"body": NOTE})
    done = hr.post(reverse("kinerja:service_request_complete", args=[filed.pk]), {"note": "Nomor 800/12."})
    assert done.status_code == 302 and ServiceRequest.objects.get(pk=filed.pk).status == "completed"

    employee = login(org.pegawai)
    page = employee.get(_detail(filed))
    assert page.context["may_survey"] and "Nomor 800/12." in page.content.decode()
    assert 'data-testid="hr-actions"' not in page.content.decode()
    refused = employee.post(reverse("kinerja:service_request_survey", args=[filed.pk]), {"rating": "9"})
    assert refused.status_code == 400 and refused.context["survey_form"].errors["rating"]
    employee.post(reverse("kinerja:service_request_survey", args=[filed.pk]), {"rating": "5", "comment": "Cepat."})
    page = employee.get(_detail(filed))
    assert not page.context["may_survey"] and page.context["survey"].rating == 5
    assert "Cepat." in login(org.sdm).get(_detail(filed)).content.decode()


def test_the_employee_cannot_act_for_hr(org, login, filed):
    client = login(org.pegawai)
    response = client.post(reverse("kinerja:service_request_take", args=[filed.pk]), follow=True)
    assert "ditangani Admin SDM" in response.content.decode()
    assert ServiceRequest.objects.get(pk=filed.pk).status == "submitted"
    client.post(reverse("kinerja:service_request_note", args=[filed.pk]), {"body": "Catatan saya."})
    assert not filed.internal_notes.exists()


def test_an_internal_note_never_reaches_the_employee(org, login, types):
    request = _closed_with_note(org, types)
    client = login(org.pegawai)
    pages = [
        _detail(request), reverse("kinerja:service_mine"), reverse("notification_list"),
        reverse("employee_detail", args=[org.pegawai.nip]),
    ]  # fmt: skip
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200 and NOTE not in response.content.decode(), url
    assert NOTE in login(org.sdm).get(_detail(request)).content.decode()
    for fmt in ("csv", "xlsx"):
        export = login(org.sdm).get(reverse("kinerja:service_report"), {"unduh": fmt})
        assert NOTE.encode() not in export.content


def test_the_queue_filters_in_a_constant_number_of_queries(org, login, types, django_assert_max_num_queries):
    first = file(org, types)
    for index in range(6):
        file(org, types, "cuti_tahunan", who=org.rekan if index % 2 else org.cucu, description=f"Cuti {index}.")
    services.take(actor=org.sdm.user, request=first)
    file(org, types, who=org.pegawai_malut)
    client = login(org.sdm)
    client.get(reverse("kinerja:service_queue"))  # the frame is filled once
    with django_assert_max_num_queries(8):
        response = client.get(reverse("kinerja:service_queue"))
    assert len(response.context["page"].object_list) == 7
    counts = response.context["counts"]
    assert (counts["terbuka"], counts["submitted"], counts["in_progress"], counts["mine"]) == (7, 6, 1, 1)
    mine = client.get(reverse("kinerja:service_queue"), {"saya": "1"}).context["page"].object_list
    assert [r.pk for r in mine] == [first.pk]
    by_type = client.get(reverse("kinerja:service_queue"), {"jenis": "cuti_tahunan", "q": org.rekan.nip[:12]})
    assert len(by_type.context["page"].object_list) == 3
    ServiceRequest.objects.filter(pk=first.pk).update(due_on=first.submitted_on.replace(year=2020))
    late = client.get(reverse("kinerja:service_queue"), {"terlambat": "1"}).context["page"].object_list
    assert [r.pk for r in late] == [first.pk]
    assert not client.get(reverse("kinerja:service_queue"), {"status": "completed"}).context["page"].object_list


def test_the_report_per_type_with_its_downloads(org, login, types, django_assert_max_num_queries):
    done = _closed_with_note(org, types)
    services.answer_survey(actor=org.pegawai.user, request=done, rating=4)
    file(org, types, "cuti_tahunan", who=org.rekan, description="Cuti.")
    client = login(org.sdm)
    client.get(reverse("kinerja:service_report"))
    with django_assert_max_num_queries(8):  # the types, the requests' facts, the holidays: whatever their number
        response = client.get(reverse("kinerja:service_report"))
    rows = {r.code: r for r in response.context["reports"]}
    letter, leave = rows["surat_keterangan"], rows["cuti_tahunan"]
    assert (letter.count, letter.completed, letter.open, letter.on_time_percent) == (1, 1, 0, 100)
    assert letter.mean_rating == 4
    assert letter.median_response == 0 and letter.median_closing == 0
    assert (leave.count, leave.open, leave.median_closing, leave.mean_rating) == (1, 1, None, None)
    assert rows["tugas_belajar"].count == 0  # every type offered is listed
    body = response.content.decode()
    assert 'data-testid="timeliness-table"' in body and 'data-testid="survey-table"' in body
    csv = client.get(reverse("kinerja:service_report"), {"unduh": "csv"})
    assert csv["Content-Type"].startswith("text/csv") and "Surat keterangan" in csv.content.decode("utf-8-sig")
    xlsx = client.get(reverse("kinerja:service_report"), {"unduh": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "Jenis layanan"


def test_a_formula_in_a_type_name_is_neutralised_in_the_download(org, login):
    RequestType.objects.create(instansi=org.gorontalo, code="jahat", name='=HYPERLINK("http://x")', sla_days=2)
    csv = login(org.sdm).get(reverse("kinerja:service_report"), {"unduh": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv


def test_the_menu_entries(org, login, types):
    request = file(org, types)
    services.take(actor=org.sdm.user, request=request)
    services.ask_employee(actor=org.sdm.user, request=request, message="Mohon lengkapi.")
    file(org, types, who=org.rekan)
    employee = login(org.pegawai).get(reverse("kinerja:service_mine")).content.decode()
    assert reverse("kinerja:service_mine") in employee and reverse("kinerja:service_queue") not in employee
    assert "menunggu tanggapan Anda" in employee
    hr = login(org.sdm).get(reverse("kinerja:service_queue")).content.decode()
    assert "Antrean layanan SDM" in hr and "permohonan baru" in hr


def test_the_profile_shows_the_latest_requests_to_the_employee_and_hr(org, login, filed):
    url = reverse("employee_detail", args=[org.pegawai.nip])
    for who in (org.pegawai, org.sdm):
        assert 'data-testid="profile-service-desk"' in login(who).get(url).content.decode()
    assert 'data-testid="profile-service-desk"' not in login(org.atasan).get(url).content.decode()
