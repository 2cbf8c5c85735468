"""The only writers of the HR service desk: an employee files a request (with the checklist's documents, and the
Lentera evidence when the type takes it), HR takes it up, asks the employee for more, completes or rejects it, both
sides write messages, HR keeps internal notes, and the employee rates a completed request once. Each step of the
state machine records who and why, and whoever must know is told."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from kompetensi.uploads import validate_evidence
from portal.holidays import holiday_dates
from portal.scoping import pegawai_of
from portal.services import notify

from ..decisions import evidence
from . import permissions, queries, rules
from .models import InternalNote, RequestDocument, RequestMessage, ServiceRequest, SurveyAnswer
from .state_machines import REQUEST

Status = ServiceRequest.Status
TEXT_MAX = 4000
OTHER_DOCUMENT = 0  # a document outside the checklist (the employee answering a question of HR)


def _holidays_for(instansi_id, start: datetime.date, working_days: int):
    # enough calendar days for the working days asked for, the weekends between them and a year's holidays
    return holiday_dates(instansi_id, start, start + datetime.timedelta(days=2 * working_days + 60))


def _text(value, field, message):
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    if len(value) > TEXT_MAX:
        raise ValidationError({field: _("Paling banyak %(n)s karakter.") % {"n": TEXT_MAX}})
    return value


def _checked_files(files, allowed_items):
    """[(item name, file)] of the uploads, each validated (PDF, PNG or JPG up to 5 MB) and for a known item."""
    names = {item.pk: item.name for item in allowed_items}
    names[OTHER_DOCUMENT] = _("Dokumen lain")
    checked = []
    for item_id, upload in (files or {}).items():
        if not upload:
            continue
        if item_id not in names:
            raise ValidationError(_("Dokumen ini tidak termasuk persyaratan layanan."))
        try:
            validate_evidence(upload)
        except ValidationError as error:
            raise ValidationError({f"dokumen_{item_id}": error.messages}) from None
        checked.append((names[item_id], upload))
    return checked


def _save_documents(request, checked, actor):
    for name, upload in checked:
        RequestDocument.objects.create(
            request=request, item_name=name[:150], file=upload, original_name=upload.name[:200], uploaded_by=actor
        )


@transaction.atomic
def file_request(*, actor, request_type, description, documents=None) -> ServiceRequest:
    """An employee asks HR for a service. `documents` maps a checklist item's id to its upload."""
    me = pegawai_of(actor)
    if me is None or not me.is_active:
        raise PermissionDenied(_("Hanya pegawai aktif yang dapat mengajukan permohonan layanan."))
    request_type = queries.type_for(me.instansi_id, getattr(request_type, "pk", None))
    if request_type is None:
        raise ValidationError({"request_type": _("Jenis layanan ini tidak tersedia di instansi Anda.")})
    description = _text(description, "description", _("Jelaskan apa yang Anda mohon."))
    checklist = list(request_type.checklist.all())
    documents = documents or {}
    missing = [item.name for item in checklist if item.required and not documents.get(item.pk)]
    if missing:
        raise ValidationError(
            {"documents": _("Dokumen wajib belum diunggah: %(names)s.") % {"names": ", ".join(missing)}}
        )
    checked = _checked_files(documents, checklist)
    now = timezone.now()
    submitted_on = queries.local_date(now, me.instansi)
    holidays = _holidays_for(me.instansi_id, submitted_on, request_type.sla_days)
    request = ServiceRequest(
        instansi_id=me.instansi_id, pegawai=me, request_type=request_type, description=description, status="",
        submitted_on=submitted_on, sla_days=request_type.sla_days,
        due_on=rules.due_date(submitted_on, request_type.sla_days, 0, holidays),
        evidence=evidence.collect(me) if request_type.attaches_evidence else {},
    )  # fmt: skip
    request.save()
    _save_documents(request, checked, actor)
    REQUEST.apply(request, Status.SUBMITTED, actor=actor)
    transaction.on_commit(lambda: _tell_hr(request))
    return request


def _locked(request) -> ServiceRequest:
    return (
        ServiceRequest.objects.select_for_update(of=("self",))
        .select_related("pegawai__user", "request_type", "instansi", "assignee")
        .get(pk=request.pk)
    )


def _require_handler(actor, request):
    if not permissions.can_handle(actor, request):
        raise PermissionDenied(_("Permohonan ditangani Admin SDM instansi, bukan oleh pemohonnya sendiri."))


def _responded(request, fields):
    if request.first_response_at is None:
        request.first_response_at = timezone.now()
        fields.append("first_response_at")


@transaction.atomic
def take(*, actor, request) -> ServiceRequest:
    """HR assigns the request to themselves; a new request moves to "in progress" (its first response)."""
    request = _locked(request)
    _require_handler(actor, request)
    if not request.is_open:
        raise ValidationError(_("Permohonan ini sudah selesai diproses."))
    previous = request.assignee_id
    request.assignee = actor
    fields = ["assignee"]
    if request.status == Status.SUBMITTED:
        _responded(request, fields)
        REQUEST.apply(request, Status.IN_PROGRESS, actor=actor, extra_fields=fields)
        transaction.on_commit(lambda: _tell_employee(request, "taken", handler=_name(actor)))
    elif previous != actor.pk:
        request.save(update_fields=fields)
        log(request, "kinerja.service_request.assigned", user=actor, data={"from": previous, "to": actor.pk})
    return request


@transaction.atomic
def ask_employee(*, actor, request, message) -> ServiceRequest:
    """HR needs something from the employee: the message goes to them and the SLA clock stops until they answer."""
    request = _locked(request)
    _require_handler(actor, request)
    message = _text(message, "message", _("Tulis apa yang perlu dilengkapi pegawai."))
    REQUEST.check(request, Status.WAITING)
    RequestMessage.objects.create(request=request, author=actor, from_hr=True, body=message)
    request.waiting_since = timezone.now()
    if request.assignee_id is None:
        request.assignee = actor
    REQUEST.apply(request, Status.WAITING, actor=actor, reason=message, extra_fields=["waiting_since", "assignee"])
    transaction.on_commit(lambda: _tell_employee(request, "waiting", reason=Truncator(message).chars(200)))
    return request


def _resume(request, actor, reason=""):
    """Back to HR from waiting: the working days spent waiting are added to the deadline."""
    today = queries.local_date(timezone.now(), request.instansi)
    since = queries.local_date(request.waiting_since or timezone.now(), request.instansi)
    span = (today - request.submitted_on).days + request.sla_days + request.paused_days
    holidays = _holidays_for(request.instansi_id, request.submitted_on, span)
    request.paused_days += rules.working_days_between(since, today, holidays)
    request.due_on = rules.due_date(request.submitted_on, request.sla_days, request.paused_days, holidays)
    request.waiting_since = None
    REQUEST.apply(request, Status.IN_PROGRESS, actor=actor, reason=reason,
                  extra_fields=["paused_days", "due_on", "waiting_since"])  # fmt: skip


@transaction.atomic
def resume(*, actor, request, reason="") -> ServiceRequest:
    """HR takes the request back without waiting any longer for the employee."""
    request = _locked(request)
    _require_handler(actor, request)
    REQUEST.check(request, Status.IN_PROGRESS)
    if request.status != Status.WAITING:
        raise ValidationError(_("Permohonan ini tidak sedang menunggu pegawai."))
    _resume(request, actor, (reason or "").strip())
    return request


@transaction.atomic
def complete(*, actor, request, note="") -> ServiceRequest:
    request = _locked(request)
    _require_handler(actor, request)
    request.closing_note = (note or "").strip()[:TEXT_MAX]
    request.closed_at = timezone.now()
    REQUEST.apply(request, Status.COMPLETED, actor=actor, reason=request.closing_note,
                  extra_fields=["closing_note", "closed_at"])  # fmt: skip
    transaction.on_commit(lambda: _tell_employee(request, "completed"))
    return request


@transaction.atomic
def reject(*, actor, request, reason) -> ServiceRequest:
    request = _locked(request)
    _require_handler(actor, request)
    reason = _text(reason, "reason", _("Tulis alasan permohonan ditolak."))
    REQUEST.check(request, Status.REJECTED)
    request.closing_note, request.closed_at = reason, timezone.now()
    REQUEST.apply(request, Status.REJECTED, actor=actor, reason=reason, extra_fields=["closing_note", "closed_at"])
    transaction.on_commit(lambda: _tell_employee(request, "rejected", reason=Truncator(reason).chars(200)))
    return request


@transaction.atomic
def send_message(*, actor, request, body) -> RequestMessage:
    """A message from the employee to HR or back, while the request is open; the employee's answer to a request
    waiting for them returns it to HR."""
    request = _locked(request)
    own = permissions.owns(actor, request)
    if not own and not permissions.can_handle(actor, request):
        raise PermissionDenied(_("Anda tidak dapat mengirim pesan pada permohonan ini."))
    if not request.is_open:
        raise ValidationError(_("Permohonan ini sudah selesai diproses; pesan tidak dapat dikirim lagi."))
    body = _text(body, "body", _("Tulis pesan Anda."))
    message = RequestMessage.objects.create(request=request, author=actor, from_hr=not own, body=body)
    if own and request.status == Status.WAITING:  # the message itself tells HR
        _resume(request, actor, _("Pegawai menanggapi."))
    elif not own:
        fields = []
        _responded(request, fields)
        if fields:
            request.save(update_fields=fields)
    transaction.on_commit(lambda: _tell_other_side(request, message))
    return message


@transaction.atomic
def add_documents(*, actor, request, documents) -> int:
    """The employee adds documents to an open request (a checklist item, or another document HR asked for); like a
    message, it returns a request waiting for them to HR."""
    request = _locked(request)
    if not permissions.owns(actor, request):
        raise PermissionDenied(_("Hanya pemohon yang dapat menambahkan dokumen."))
    if not request.is_open:
        raise ValidationError(_("Permohonan ini sudah selesai diproses."))
    checked = _checked_files(documents, request.request_type.checklist.all())
    if not checked:
        raise ValidationError({"documents": _("Pilih berkas yang akan diunggah.")})
    _save_documents(request, checked, actor)
    if request.status == Status.WAITING:
        _resume(request, actor, _("Pegawai mengunggah dokumen."))
        transaction.on_commit(lambda: _tell_handlers(request, "resumed"))
    return len(checked)


@transaction.atomic
def add_note(*, actor, request, body) -> InternalNote:
    request = _locked(request)
    if not permissions.can_see_notes(actor, request):
        raise PermissionDenied(_("Catatan internal hanya untuk Admin SDM."))
    return InternalNote.objects.create(
        request=request, author=actor, body=_text(body, "body", _("Tulis catatan Anda."))
    )


@transaction.atomic
def answer_survey(*, actor, request, rating, comment="") -> SurveyAnswer:
    request = _locked(request)
    if not permissions.owns(actor, request):
        raise PermissionDenied(_("Survei diisi oleh pemohon."))
    if request.status != Status.COMPLETED:
        raise ValidationError(_("Survei dapat diisi setelah permohonan selesai."))
    if SurveyAnswer.objects.filter(request=request).exists():
        raise ValidationError(_("Anda sudah menilai layanan ini."))
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Pilih nilai 1 sampai 5 bintang.")})
    return SurveyAnswer.objects.create(request=request, rating=rating, comment=(comment or "").strip()[:TEXT_MAX])


# --- notifications --------------------------------------------------------------------------------------------------


def _url(request):
    return reverse("kinerja:service_request", args=[request.pk])


def _name(user):
    pegawai = pegawai_of(user)
    return pegawai.full_name if pegawai else (user.get_full_name() or user.get_username())


def _params(request, **extra):
    return {"request": request.pk, "type": request.request_type.name, "number": request.number,
            "name": request.pegawai.full_name, **extra}  # fmt: skip


def _tell_hr(request):
    params = _params(request, due=date_format(request.due_on, "j F Y"))
    for user in queries.hr_users(request.instansi_id, exclude=[request.pegawai.user_id]):
        notify(user, kind="kinerja.service_filed", params=params, url=_url(request),
               dedupe_key=f"kinerja:service:{request.pk}:filed")  # fmt: skip


def _tell_employee(request, step, **extra):
    notify(request.pegawai.user, kind=f"kinerja.service_{step}", params=_params(request, **extra), url=_url(request),
           dedupe_key=f"kinerja:service:{request.pk}:{step}:{request.status_changed_at.isoformat()}")  # fmt: skip


def _handlers(request):
    if request.assignee_id is not None and request.assignee.is_active:
        return [request.assignee]
    return queries.hr_users(request.instansi_id, exclude=[request.pegawai.user_id])


def _tell_handlers(request, step):
    for user in _handlers(request):
        notify(user, kind=f"kinerja.service_{step}", params=_params(request), url=_url(request),
               dedupe_key=f"kinerja:service:{request.pk}:{step}:{request.status_changed_at.isoformat()}")  # fmt: skip


def _tell_other_side(request, message):
    recipients = _handlers(request) if not message.from_hr else [request.pegawai.user]
    params = _params(request, author=_name(message.author), excerpt=Truncator(message.body).chars(140))
    for user in recipients:
        notify(user, kind="kinerja.service_message", params=params, url=_url(request) + "#pesan",
               dedupe_key=f"kinerja:service:message:{message.pk}")  # fmt: skip
