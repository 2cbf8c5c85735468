"""Reminders before sessions start."""

import zoneinfo
from datetime import datetime, timedelta

from django.utils import timezone

from portal.services import notify

from ..models import (
    Enrolment,
    TrainingSession,
)
from .session_time import format_time, my_learning_url

S = Enrolment.Status


# --- reminders -------------------------------------------------------------------------------------------------


def send_session_reminders(now=None):
    """Remind every seat holder of a session that starts tomorrow (in the organiser's time zone). Safe to run
    any number of times: one notification per enrolment."""
    now = now or timezone.now()
    sent = 0
    for tz_name in TrainingSession.objects.values_list("instansi__time_zone", flat=True).distinct():
        tz = zoneinfo.ZoneInfo(tz_name)
        tomorrow = timezone.localtime(now, tz).date() + timedelta(days=1)
        start = datetime.combine(tomorrow, datetime.min.time(), tzinfo=tz)
        enrolments = Enrolment.objects.filter(
            status=S.CONFIRMED,
            session__instansi__time_zone=tz_name,
            session__start_at__gte=start,
            session__start_at__lt=start + timedelta(days=1),
        ).select_related("session__course", "session__instansi", "pegawai__user")
        for enrolment in enrolments:
            session = enrolment.session
            created = notify(
                enrolment.pegawai.user,
                kind="kompetensi.reminder",
                params={
                    "course": session.course.title,
                    "session": session.name,
                    "enrolment": enrolment.pk,
                    "when": format_time(session.start_at, session),
                    "place": session.place or session.online_url,
                },  # fmt: skip
                url=my_learning_url(),
                dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:reminder",
            )
            sent += created is not None
    return sent
