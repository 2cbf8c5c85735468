"""Reads of the HR service desk, each a constant number of queries: the request types in force for an instansi,
my requests, HR's queue with its filters and counts, a request's page and its threads. The report is in report.py."""

import datetime
import zoneinfo

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When, prefetch_related_objects
from django.utils import timezone

from portal import roles, rule_tables
from portal.models import Pegawai

from . import rules
from .models import RequestType, ServiceRequest, SurveyAnswer

Status = ServiceRequest.Status
OPEN_FILTER = "terbuka"
ALL_FILTER = "semua"


def types_for(instansi_id, *, active_only=True) -> list[RequestType]:
    """The request types in force for the instansi (its own rows replacing the defaults of the same code), with
    their checklists: two queries."""
    types = [t for t in rule_tables.rules_for(RequestType, instansi_id).values() if t.is_active or not active_only]
    prefetch_related_objects(types, "checklist")
    return sorted(types, key=lambda t: (t.order, t.name.lower(), t.pk))


def type_for(instansi_id, pk) -> RequestType | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return next((t for t in types_for(instansi_id) if t.pk == pk), None)


def local_date(moment, instansi) -> datetime.date:
    """The day of `moment` in the instansi's time zone (a deadline is a day of the office, not of UTC)."""
    return timezone.localtime(moment, zoneinfo.ZoneInfo(instansi.time_zone)).date()


def today_in(instansi) -> datetime.date:
    return local_date(timezone.now(), instansi)


def _open_first():
    return Case(When(status__in=rules.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())


def mine(pegawai):
    """The employee's requests, open ones first, each marked when its survey has been answered."""
    return (
        ServiceRequest.objects.filter(pegawai=pegawai)
        .select_related("request_type")
        .annotate(open_first=_open_first(), answered=Exists(SurveyAnswer.objects.filter(request=OuterRef("pk"))))
        .order_by("open_first", "-submitted_at", "-pk")
    )


def for_instansi(instansi_id, *, today, status=OPEN_FILTER, type_code="", overdue=False, assignee=None, search=""):
    """HR's queue: open requests by default, the nearest deadline first; closed ones the latest first."""
    requests = ServiceRequest.objects.filter(instansi_id=instansi_id).select_related(
        "pegawai__unit", "request_type", "assignee"
    )
    if status in Status.values:
        requests = requests.filter(status=status)
    elif status != ALL_FILTER:
        requests = requests.filter(status__in=rules.OPEN)
    if overdue:
        requests = requests.filter(status__in=rules.RUNNING, due_on__lt=today)
    if type_code:
        requests = requests.filter(request_type__code=type_code)
    if assignee is not None:
        requests = requests.filter(assignee=assignee)
    search = (search or "").strip()
    if search:
        requests = requests.filter(Q(pegawai__nama__icontains=search) | Q(pegawai__nip__startswith=search))
    if status in rules.CLOSED:
        return requests.order_by("-status_changed_at", "-pk")
    return requests.order_by(_open_first(), "due_on", "submitted_at", "pk")


def counts(instansi_id, *, today, user=None) -> dict:
    """The numbers on the queue's chips, in one query."""
    aggregates = {status: Count("pk", filter=Q(status=status)) for status in Status.values}
    aggregates[OPEN_FILTER] = Count("pk", filter=Q(status__in=rules.OPEN))
    aggregates["overdue"] = Count("pk", filter=Q(status__in=rules.RUNNING, due_on__lt=today))
    if user is not None:
        aggregates["mine"] = Count("pk", filter=Q(status__in=rules.OPEN, assignee=user))
    return ServiceRequest.objects.filter(instansi_id=instansi_id).aggregate(**aggregates)


def new_requests(instansi_id):
    """Requests nobody has taken up yet (HR's menu count)."""
    return ServiceRequest.objects.filter(instansi_id=instansi_id, status=Status.SUBMITTED)


def waiting_for(pegawai):
    """The employee's requests waiting for their answer (their menu count)."""
    return ServiceRequest.objects.filter(pegawai=pegawai, status=Status.WAITING)


def request_page(pk):
    return (
        ServiceRequest.objects.select_related(
            "instansi", "pegawai__unit", "pegawai__jabatan", "pegawai__pangkat", "pegawai__user", "request_type",
            "assignee", "survey",
        )
        .filter(pk=pk)
        .first()
    )  # fmt: skip


def history(request):
    return request.history.select_related("actor").order_by("at", "pk")


def messages(request):
    return request.messages.select_related("author").order_by("created_at", "pk")


def internal_notes(request):
    return request.internal_notes.select_related("author").order_by("created_at", "pk")


def documents(request):
    return request.documents.order_by("uploaded_at", "pk")


def recent_of(pegawai, limit=5):
    return list(mine(pegawai)[:limit])


def hr_users(instansi_id, *, exclude=()):
    """The active Admin SDM of the instansi (who hear of a new request)."""
    return [
        p.user
        for p in Pegawai.objects.active()
        .filter(instansi_id=instansi_id, user__is_active=True, user__groups__name=roles.ADMIN_SDM)
        .exclude(user_id__in=[pk for pk in exclude if pk])
        .select_related("user")
        .distinct()
    ]
