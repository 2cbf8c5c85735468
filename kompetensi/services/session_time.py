"""Session times in the session's own instansi time zone, with its zone label (WIB, WITA, WIT)."""

import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format


def local_time(value, session):
    return timezone.localtime(value, zoneinfo.ZoneInfo(session.instansi.time_zone))


def format_time(value, session):
    return f"{date_format(local_time(value, session), 'j F Y H:i')} {session.instansi.time_zone_label}"


def my_learning_url():
    return reverse("kompetensi:my_learning")
