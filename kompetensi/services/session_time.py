"""Session times in the session's own instansi time zone, with its zone label (WIB, WITA, WIT)."""

import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def local_time(value, session):
    return timezone.localtime(value, zoneinfo.ZoneInfo(session.instansi.time_zone))


def format_time(value, session):
    return f"{date_format(local_time(value, session), 'j F Y H:i')} {session.instansi.time_zone_label}"


def my_learning_url():
    return reverse("kompetensi:my_learning")


def session_details(session):
    """What an email about a session says so it stands on its own: which session, when in the organising
    instansi's zone (with WIB/WITA/WIT), and where."""
    lines = [
        _("Angkatan: %(session)s") % {"session": session.name},
        _("Waktu: %(start)s s.d. %(end)s")
        % {"start": format_time(session.start_at, session), "end": format_time(session.end_at, session)},
    ]
    place = ", ".join(part for part in [session.place, session.online_url] if part)
    if place:
        lines.append(_("Tempat: %(place)s") % {"place": place})
    return "\n".join(lines)
