"""Demo data of the HR service desk, after the career decisions: per instansi, requests in every state written
through the services by its staff and its Admin SDM (with messages both ways, internal notes and two survey answers),
spread over the past weeks so that the report has response and completion times to show; and, for
`pegawai.<instansi>`, a promotion request in progress carrying their Lentera evidence. Idempotent: an instansi with
requests is left alone."""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.db import transaction

from portal import roles
from portal.demo import register_demo_step
from portal.holidays import holiday_dates
from portal.models import Instansi, Pegawai

from ..career.demo import demo_staff
from ..decisions.demo import _holder
from . import queries, rules, services
from .models import InternalNote, RequestDocument, RequestMessage, RequestTransition, ServiceRequest, SurveyAnswer

# (type code, working days ago filed, description, the steps after filing: each a working day after the one before,
# "wait:N" N working days more)
CASES = [
    ("surat_keterangan", 1, "Surat keterangan masih bekerja untuk pengajuan kredit rumah.", []),
    ("cuti_tahunan", 3, "Cuti tahunan 5 hari kerja mulai Senin depan untuk acara keluarga.", ["take"]),
    ("perubahan_data", 9, "Perubahan status perkawinan dan penambahan anak dalam data keluarga.",
     ["take", "note", "ask"]),
    ("tugas_belajar", 40, "Tugas belajar S2 Magister Administrasi Publik, beasiswa pemerintah daerah.",
     ["take", "note", "ask", "reply", "complete", "survey:5"]),
    ("surat_keterangan", 25, "Surat keterangan penghasilan untuk beasiswa anak.", ["take", "complete", "survey:4"]),
    ("cuti_tahunan", 30, "Cuti tahunan 12 hari kerja sekaligus.", ["take", "note", "reject"]),
    ("perubahan_data", 60, "Pemutakhiran gelar pendidikan setelah lulus S1.", ["take", "wait:6", "complete"]),
]  # fmt: skip

ASK = "Mohon unggah dokumen pendukung yang sudah dilegalisasi; berkas sebelumnya tidak terbaca."
REPLY = "Sudah saya unggah ulang dokumen yang dilegalisasi. Terima kasih."
NOTE = "Cek silang dengan data SIASN sebelum diproses lebih lanjut."
REJECT = "Cuti tahunan paling banyak 12 hari kerja termasuk sisa tahun lalu; sisa cuti Anda tahun ini 8 hari."


def _documents(request_type):
    """A small PDF for each required item of the checklist (the demo's uploads)."""
    return {
        item.pk: ContentFile(b"%PDF-1.4\n% dokumen contoh Lentera\n", name=f"{request_type.code}-{index}.pdf")
        for index, item in enumerate(request_type.checklist.all())
        if item.required
    }


def _file(person, request_type, description):
    return services.file_request(
        actor=person.user, request_type=request_type, description=description, documents=_documents(request_type)
    )


def _run(request, steps, hr, person):
    for step in steps:
        if step.startswith("wait:"):
            continue
        if step == "take":
            services.take(actor=hr, request=request)
        elif step == "note":
            services.add_note(actor=hr, request=request, body=NOTE)
        elif step == "ask":
            services.ask_employee(actor=hr, request=request, message=ASK)
        elif step == "reply":
            services.send_message(actor=person.user, request=request, body=REPLY)
        elif step == "complete":
            services.complete(actor=hr, request=request, note="Sudah selesai; dokumen dapat diambil di BKD.")
        elif step == "reject":
            services.reject(actor=hr, request=request, reason=REJECT)
        elif step.startswith("survey:"):
            services.answer_survey(actor=person.user, request=request, rating=int(step.split(":")[1]),
                                   comment="Cepat dan jelas." if step.endswith("5") else "")  # fmt: skip


MOVES = ("take", "ask", "reply", "complete", "reject")  # the steps that move the state (one history row each)


def _moments(filed_on, steps, holidays, zone):
    """The moment of each step: filing at 09:00 of a working day, each step the next working day, a wait later."""
    day, moments = 0, []
    for step in steps:
        if step.startswith("wait:"):
            day += int(step.split(":")[1])
        elif step in MOVES:
            day += 1
        moments.append(
            datetime.datetime.combine(rules.add_working_days(filed_on, day, holidays), datetime.time(9), zone)
        )
    return moments


def _backdate(request, days_ago, steps, holidays):
    """Move a request written just now back to a working day `days_ago` working days ago, and each of its steps to
    its own day after that, so that the report reads plausible response and completion times."""
    zone = zoneinfo.ZoneInfo(request.instansi.time_zone)
    today = queries.today_in(request.instansi)
    filed_on = today
    while rules.working_days_between(filed_on, today, holidays) < days_ago or not rules.is_working_day(
        filed_on, holidays
    ):
        filed_on -= datetime.timedelta(days=1)
    filed_at = datetime.datetime.combine(filed_on, datetime.time(9), zone)
    moments = dict(zip(steps, _moments(filed_on, steps, holidays, zone), strict=True))
    moved = [filed_at, *(moments[step] for step in steps if step in MOVES)]
    history = list(RequestTransition.objects.filter(request=request).order_by("at", "pk"))
    for step, at in zip(history, moved, strict=True):
        RequestTransition.objects.filter(pk=step.pk).update(at=at)
    talk = [moments[step] + datetime.timedelta(hours=1) for step in steps if step in ("ask", "reply")]
    for pk, at in zip(RequestMessage.objects.filter(request=request).order_by("pk").values_list("pk", flat=True), talk,
                      strict=True):  # fmt: skip
        RequestMessage.objects.filter(pk=pk).update(created_at=at)
    RequestDocument.objects.filter(request=request).update(uploaded_at=filed_at)
    if "note" in moments:
        InternalNote.objects.filter(request=request).update(created_at=moments["note"] + datetime.timedelta(hours=2))
    surveyed = [at for step, at in moments.items() if step.startswith("survey:")]
    if surveyed:
        SurveyAnswer.objects.filter(request=request).update(answered_at=surveyed[0] + datetime.timedelta(hours=3))
    paused = (
        rules.working_days_between(moments["ask"].date(), moments["reply"].date(), holidays)
        if "reply" in moments
        else 0
    )
    fresh = ServiceRequest.objects.get(pk=request.pk)
    ServiceRequest.objects.filter(pk=request.pk).update(
        submitted_at=filed_at, submitted_on=filed_on, status_changed_at=moved[-1], paused_days=paused,
        due_on=rules.due_date(filed_on, fresh.sla_days, paused, holidays),
        first_response_at=moved[1] if len(moved) > 1 else None,
        closed_at=moved[-1] if fresh.closed_at else None,
        waiting_since=moved[-1] if fresh.waiting_since else None,
    )  # fmt: skip


def load_instansi(instansi) -> int:
    if ServiceRequest.objects.filter(instansi=instansi).exists():
        return 0
    hr = _holder(instansi, roles.ADMIN_SDM)
    staff = demo_staff(instansi)
    types = {t.code: t for t in queries.types_for(instansi.pk)}
    if hr is None or len(staff) < len(CASES):
        return 0
    today = queries.today_in(instansi)
    holidays = holiday_dates(instansi.pk, today - datetime.timedelta(days=180), today + datetime.timedelta(days=180))
    made = 0
    for person, (code, days_ago, description, steps) in zip(staff, CASES, strict=False):
        if code not in types:
            continue
        request = _file(person, types[code], description)
        _run(request, steps, hr, person)
        _backdate(request, days_ago, steps, holidays)
        made += 1
    journey = Pegawai.objects.filter(instansi=instansi, user__username=f"pegawai.{instansi.slug}").first()
    if journey is not None and "kenaikan_pangkat" in types:
        reason = "Usul kenaikan pangkat reguler periode berikutnya; SK pangkat dan SK jabatan terlampir."
        promotion = _file(journey, types["kenaikan_pangkat"], reason)
        services.take(actor=hr, request=promotion)
        services.add_note(actor=hr, request=promotion, body="Predikat dua tahun terakhir Baik; cek angka kredit.")
        _backdate(promotion, 2, ["take", "note"], holidays)
        made += 1
    return made


@register_demo_step("kinerja-service-desk", order=60)
def load_service_desk(stdout=None):
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            made = load_instansi(instansi)
        if stdout and made:
            stdout.write(f"  {instansi.name}: {made} permohonan layanan SDM")
