"""The sessions and courses an organiser runs, with participants and evaluation results."""

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils import timezone

from portal.scoping import instansi_q

from .. import rules
from ..models import (
    CoursePage,
    Enrolment,
    EvaluationQuestion,
    EvaluationResponse,
    TrainingSession,
)

S = Enrolment.Status


# --- organisers ------------------------------------------------------------------------------------------------


def managed_sessions(user, now=None):
    """Running and coming sessions first (soonest first), then finished ones (latest first)."""
    now = now or timezone.now()
    qs = TrainingSession.objects.filter(instansi_q(user, "instansi"))
    return (
        qs.select_related("course", "instansi")
        .annotate(
            waitlist=Count("enrolments", filter=Q(enrolments__status=S.WAITLISTED)),
            pending=Count("enrolments", filter=Q(enrolments__status=S.PENDING_APPROVAL)),
            finished=Case(When(end_at__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()),
        )
        .order_by(
            "finished",
            Case(When(end_at__gte=now, then=F("start_at"))).asc(nulls_last=True),
            F("start_at").desc(),
            "-pk",
        )
    )


def managed_courses(user):
    return CoursePage.objects.filter(instansi_q(user, "instansi")).order_by("title")


def session_participants(session):
    return (
        Enrolment.objects.filter(session=session)
        .select_related("pegawai__unit", "pegawai__jabatan", "certificate")
        .order_by(
            Case(
                When(status__in=rules.SEAT_STATES, then=Value(0)),
                When(status=S.WAITLISTED, then=Value(1)),
                When(status=S.PENDING_APPROVAL, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            ),
            "status_changed_at",
            "pk",
        )
    )


def evaluation_results(session):
    """Average rating per question and the comments of one session."""
    questions = list(EvaluationQuestion.objects.filter(is_active=True))
    responses = list(EvaluationResponse.objects.filter(enrolment__session=session).order_by("submitted_at"))
    rows = []
    for question in questions:
        ratings = [r.answers.get(str(question.pk)) for r in responses if r.answers.get(str(question.pk))]
        rows.append(
            {
                "question": question,
                "average": round(sum(ratings) / len(ratings), 2) if ratings else None,
                "count": len(ratings),
            }
        )
    return {"rows": rows, "responses": len(responses), "comments": [r.comment for r in responses if r.comment]}
