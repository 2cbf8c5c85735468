"""The services of the HR service desk: filing with the checklist and the Lentera evidence, the deadline in working
days over the holidays of the instansi, the request's state machine and who may move it, messages both ways,
internal notes, the survey, and the notifications of each step."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.service_desk import services
from kinerja.service_desk.models import InternalNote, RequestMessage, RequestType, ServiceRequest, SurveyAnswer
from portal import roles
from portal.models import Holiday, Notification
from tests.factories import make_pegawai

from .conftest import file, pdf

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(year, month, day, hour=2):
    """A moment in UTC; 02:00 UTC is 10:00 in Gorontalo (WITA) and 11:00 in Maluku Utara (WIT)."""
    return datetime.datetime(year, month, day, hour, tzinfo=UTC)


def kinds(user):
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", flat=True))


def test_filing_starts_the_clock_and_tells_hr(org, types, filed):
    assert filed.status == ServiceRequest.Status.SUBMITTED
    assert filed.sla_days == types["surat_keterangan"].sla_days and filed.paused_days == 0
    assert [(s.from_status, s.to_status, s.actor_id) for s in filed.history.all()] == [
        ("", "submitted", org.pegawai.user_id)
    ]
    assert kinds(org.sdm.user) == ["kinerja.service_filed"]
    assert kinds(org.pegawai.user) == [] and kinds(org.sdm_malut.user) == []
    assert filed.evidence == {}  # a type that takes no Lentera evidence


def test_required_documents_and_their_type_are_checked(org, types):
    promotion = types["kenaikan_pangkat"]
    required = [item for item in promotion.checklist.all() if item.required]
    with pytest.raises(ValidationError) as missing:
        services.file_request(actor=org.pegawai.user, request_type=promotion, description="Usul kenaikan pangkat.",
                              documents={required[0].pk: pdf()})  # fmt: skip
    assert required[1].name in str(missing.value)
    documents = {item.pk: pdf() for item in required}
    documents[required[0].pk] = pdf("sk.exe", b"MZ\x90\x00")
    with pytest.raises(ValidationError) as wrong:
        services.file_request(actor=org.pegawai.user, request_type=promotion, description="Usul.", documents=documents)
    assert f"dokumen_{required[0].pk}" in wrong.value.message_dict
    documents[required[0].pk] = pdf("sk.pdf", b"not a pdf at all")
    with pytest.raises(ValidationError):
        services.file_request(actor=org.pegawai.user, request_type=promotion, description="Usul.", documents=documents)
    with pytest.raises(ValidationError):
        file(org, types, description="   ")
    assert not ServiceRequest.objects.exists()


def test_a_type_of_another_instansi_or_an_inactive_one_is_refused(org, types):
    own = RequestType.objects.create(instansi=org.malut, code="surat_malut", name="Surat Malut", sla_days=2)
    with pytest.raises(ValidationError):
        services.file_request(actor=org.pegawai.user, request_type=own, description="Minta surat.")
    RequestType.objects.filter(pk=types["surat_keterangan"].pk).update(is_active=False)
    with pytest.raises(ValidationError):
        file(org, types)
    with pytest.raises(PermissionDenied):  # a superadmin is nobody's employee
        services.file_request(actor=org.superadmin, request_type=types["cuti_tahunan"], description="Cuti.")


def test_an_instansi_row_replaces_the_default_of_its_code(org, types):
    own = RequestType.objects.create(instansi=org.gorontalo, code="surat_keterangan", name="Surat keterangan (BKD)",
                                     sla_days=1)  # fmt: skip
    request = services.file_request(actor=org.pegawai.user, request_type=own, description="Surat keterangan.")
    assert request.request_type == own and request.sla_days == 1
    with pytest.raises(ValidationError):  # the default is no longer offered to Gorontalo
        file(org, types)
    assert file(org, types, who=org.pegawai_malut).request_type == types["surat_keterangan"]


def test_a_promotion_request_carries_the_lentera_evidence(org, types):
    request = file(org, types, "kenaikan_pangkat", description="Usul kenaikan pangkat reguler.")
    assert request.evidence["pegawai"]["nip"] == org.pegawai.nip and request.evidence["collected_at"]
    assert {"predikat", "jp"} <= set(request.evidence["sections"])
    assert request.documents.count() == 2  # the SKP and training come from Lentera, only the SKs are uploaded


@pytest.mark.parametrize(
    "moment, submitted_on, due_on",
    [
        (at(2026, 8, 12), datetime.date(2026, 8, 12), datetime.date(2026, 8, 18)),  # Wed + 3: over the 17 August
        (at(2026, 8, 13, 17), datetime.date(2026, 8, 14), datetime.date(2026, 8, 20)),  # 01:00 Friday in Gorontalo
        (at(2026, 12, 30), datetime.date(2026, 12, 30), datetime.date(2027, 1, 6)),  # over the year's end
    ],
)
def test_the_deadline_skips_weekends_and_national_holidays(org, types, moment, submitted_on, due_on):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        request = file(org, types)
    assert (request.submitted_on, request.due_on) == (submitted_on, due_on)


def test_the_instansi_own_holiday_counts_for_it_alone(org, types):
    Holiday.objects.create(instansi=org.gorontalo, date=datetime.date(2026, 8, 18), name="Hari jadi daerah")
    with mock.patch("django.utils.timezone.now", return_value=at(2026, 8, 12)):
        gorontalo = file(org, types)
        malut = file(org, types, who=org.pegawai_malut)
    assert gorontalo.due_on == datetime.date(2026, 8, 19)  # Thu 13, Fri 14, (17 August, its own day) Wed 19
    assert malut.due_on == datetime.date(2026, 8, 18)


@pytest.mark.parametrize("who", ["pegawai", "rekan", "atasan", "pimpinan", "sdm_malut"])
def test_only_hr_of_the_instansi_takes_a_request(org, filed, who):
    with pytest.raises(PermissionDenied):
        services.take(actor=getattr(org, who).user, request=filed)
    assert ServiceRequest.objects.get(pk=filed.pk).status == "submitted"


def test_hr_never_handles_their_own_request(org, types):
    colleague = make_pegawai(org.gorontalo, org.bkd, roles_=[roles.ADMIN_SDM], nama="Rina SDM")
    own = file(org, types, who=org.sdm)
    for action in (
        lambda: services.take(actor=org.sdm.user, request=own),
        lambda: services.add_note(actor=org.sdm.user, request=own, body="Catatan untuk diri sendiri."),
    ):
        with pytest.raises(PermissionDenied):
            action()
    services.take(actor=colleague.user, request=own)
    assert ServiceRequest.objects.get(pk=own.pk).assignee == colleague.user
    assert kinds(colleague.user) == ["kinerja.service_filed"] and "kinerja.service_filed" not in kinds(org.sdm.user)


def test_taking_is_the_first_response_and_a_colleague_may_take_over(org, filed):
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(hours=3)):
        request = services.take(actor=org.sdm.user, request=filed)
    assert request.status == "in_progress" and request.assignee == org.sdm.user
    assert request.first_response_at > request.submitted_at
    assert kinds(org.pegawai.user) == ["kinerja.service_taken"]
    colleague = make_pegawai(org.gorontalo, org.bkd, roles_=[roles.ADMIN_SDM], nama="Rina SDM")
    request = services.take(actor=colleague.user, request=request)
    assert request.assignee == colleague.user and request.status == "in_progress"
    assert request.history.count() == 2  # taking over moves no state


def test_asking_the_employee_stops_the_clock_until_they_answer(org, types):
    with mock.patch("django.utils.timezone.now", return_value=at(2026, 8, 10)):  # Monday
        request = file(org, types)  # due Thursday 13
        services.take(actor=org.sdm.user, request=request)
        with pytest.raises(ValidationError):
            services.ask_employee(actor=org.sdm.user, request=request, message=" ")
        services.ask_employee(actor=org.sdm.user, request=request, message="Mohon unggah KTP.")
    request.refresh_from_db()
    assert request.status == "waiting_for_employee" and request.due_on == datetime.date(2026, 8, 13)
    assert request.history.last().reason == "Mohon unggah KTP."
    assert RequestMessage.objects.get(request=request).from_hr
    assert kinds(org.pegawai.user)[-1] == "kinerja.service_waiting"
    with mock.patch("django.utils.timezone.now", return_value=at(2026, 8, 12)):  # answered Wednesday
        services.send_message(actor=org.pegawai.user, request=request, body="Sudah saya unggah.")
    request.refresh_from_db()
    assert request.status == "in_progress" and request.paused_days == 2
    assert request.due_on == datetime.date(2026, 8, 18)  # Thursday + 2 working days over the 17 August
    assert request.history.last().actor == org.pegawai.user
    assert kinds(org.sdm.user)[-1] == "kinerja.service_message"


def test_an_upload_answers_too_and_hr_may_resume_without_waiting(org, types, filed):
    services.take(actor=org.sdm.user, request=filed)
    services.ask_employee(actor=org.sdm.user, request=filed, message="Mohon unggah surat pengantar.")
    with pytest.raises(PermissionDenied):
        services.add_documents(actor=org.sdm.user, request=filed, documents={0: pdf()})
    with pytest.raises(ValidationError):
        services.add_documents(actor=org.pegawai.user, request=filed, documents={})
    assert services.add_documents(actor=org.pegawai.user, request=filed, documents={0: pdf("pengantar.pdf")}) == 1
    filed.refresh_from_db()
    assert filed.status == "in_progress" and filed.documents.get().item_name == "Dokumen lain"
    assert kinds(org.sdm.user)[-1] == "kinerja.service_resumed"
    services.ask_employee(actor=org.sdm.user, request=filed, message="Satu lagi: surat kuasa.")
    with pytest.raises(PermissionDenied):
        services.resume(actor=org.pegawai.user, request=filed)
    assert services.resume(actor=org.sdm.user, request=filed).status == "in_progress"
    with pytest.raises(ValidationError):
        services.resume(actor=org.sdm.user, request=filed)


def test_completing_rejecting_and_what_a_closed_request_allows(org, types, filed):
    with pytest.raises(ValidationError):  # a request nobody has taken up is not closed
        services.complete(actor=org.sdm.user, request=filed)
    services.take(actor=org.sdm.user, request=filed)
    with pytest.raises(PermissionDenied):
        services.complete(actor=org.pegawai.user, request=filed)
    request = services.complete(actor=org.sdm.user, request=filed, note="Surat nomor 800/BKD/123.")
    assert request.status == "completed" and request.closed_at and request.closing_note == "Surat nomor 800/BKD/123."
    assert kinds(org.pegawai.user)[-1] == "kinerja.service_completed"
    for action in (
        lambda: services.send_message(actor=org.pegawai.user, request=request, body="Terima kasih."),
        lambda: services.add_documents(actor=org.pegawai.user, request=request, documents={0: pdf()}),
        lambda: services.take(actor=org.sdm.user, request=request),
        lambda: services.reject(actor=org.sdm.user, request=request, reason="Salah."),
    ):
        with pytest.raises(ValidationError):
            action()
    notes = services.add_note(actor=org.sdm.user, request=request, body="Arsip di lemari 3.")  # notes stay open
    assert notes.request_id == request.pk

    other = file(org, types, "cuti_tahunan", who=org.rekan, description="Cuti 3 hari.")
    services.take(actor=org.sdm.user, request=other)
    with pytest.raises(ValidationError):
        services.reject(actor=org.sdm.user, request=other, reason="")
    rejected = services.reject(actor=org.sdm.user, request=other, reason="Sisa cuti tidak mencukupi.")
    assert rejected.status == "rejected" and rejected.history.last().reason == "Sisa cuti tidak mencukupi."
    assert kinds(org.rekan.user)[-1] == "kinerja.service_rejected"


def test_the_survey_is_answered_once_by_the_employee_after_completion(org, types, filed):
    with pytest.raises(ValidationError):
        services.answer_survey(actor=org.pegawai.user, request=filed, rating=5)
    services.take(actor=org.sdm.user, request=filed)
    services.complete(actor=org.sdm.user, request=filed)
    with pytest.raises(PermissionDenied):
        services.answer_survey(actor=org.sdm.user, request=filed, rating=5)
    for bad in (0, 6, "lima", None):
        with pytest.raises(ValidationError):
            services.answer_survey(actor=org.pegawai.user, request=filed, rating=bad)
    answer = services.answer_survey(actor=org.pegawai.user, request=filed, rating="4", comment=" Cepat. ")
    assert (answer.rating, answer.comment) == (4, "Cepat.")
    with pytest.raises(ValidationError):
        services.answer_survey(actor=org.pegawai.user, request=filed, rating=5)
    assert SurveyAnswer.objects.count() == 1


def test_messages_go_both_ways_and_notes_stay_with_hr(org, filed):
    with pytest.raises(PermissionDenied):
        services.send_message(actor=org.rekan.user, request=filed, body="Saya ikut bertanya.")
    with pytest.raises(PermissionDenied):
        services.send_message(actor=org.sdm_malut.user, request=filed, body="Halo.")
    hr_message = services.send_message(actor=org.sdm.user, request=filed, body="Kami proses besok.")
    filed.refresh_from_db()
    assert hr_message.from_hr and filed.first_response_at is not None and filed.status == "submitted"
    reply = services.send_message(actor=org.pegawai.user, request=filed, body="Baik, terima kasih.")
    assert not reply.from_hr
    assert kinds(org.pegawai.user) == ["kinerja.service_message"]
    assert kinds(org.sdm.user) == ["kinerja.service_filed", "kinerja.service_message"]
    for who in (org.pegawai, org.atasan, org.pimpinan, org.sdm_malut):
        with pytest.raises(PermissionDenied):
            services.add_note(actor=who.user, request=filed, body="Catatan.")
    services.add_note(actor=org.sdm.user, request=filed, body="Periksa SIASN.")
    assert InternalNote.objects.count() == 1
    assert not Notification.objects.filter(body__contains="SIASN").exists()  # a note tells nobody
