"""Pure rules of mentoring (no database): the session state machine, how many JP a confirmed session counts under
the conversion rule and its monthly cap, and which session dates can be logged."""

from datetime import date

from django.utils.translation import gettext as _

from ..rules import JP_MINUTES

LOGGED = "logged"
CONFIRMED = "confirmed"
DISPUTED = "disputed"

# The one place that says which session transitions exist: the mentor logs, the mentee confirms or disputes once.
SESSION_TRANSITIONS = {
    "": {LOGGED},
    LOGGED: {CONFIRMED, DISPUTED},
    CONFIRMED: set(),
    DISPUTED: set(),
}

# The regulation's example (konversi_jp_contoh.csv) when an instansi has no conversion row for mentoring at all.
DEFAULT_JP_PER_SESSION = 2
DEFAULT_SESSIONS_PER_MONTH = 2
BENTUK_CODE = "mentoring"

RATINGS = range(1, 6)


def session_jp(*, jp_per_unit, is_max, max_per_month, counted_this_month, duration_minutes):
    """JP one confirmed session counts for.

    A session beyond the monthly cap (`max_per_month` sessions already counted in its month) counts 0. A fixed rule
    gives `jp_per_unit`; an upper-bound rule gives the session's length in JP (45 minutes each), at most
    `jp_per_unit`. A rule of 0 JP counts nothing.
    """
    if max_per_month and counted_this_month >= max_per_month:
        return 0
    if is_max:
        return min(jp_per_unit, duration_minutes // JP_MINUTES)
    return jp_per_unit


def month_bounds(day):
    """The first day of `day`'s month and of the next month (the cap counts per calendar month)."""
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following


def session_date_problems(held_on, programme_start, programme_end, today):
    """{field: Indonesian message} for a session date that cannot be logged."""
    if held_on is None:
        return {}
    if held_on > today:
        return {"held_on": _("Sesi yang belum berlangsung belum dapat dicatat.")}
    if held_on < programme_start or held_on > programme_end:
        return {
            "held_on": _("Tanggal sesi harus dalam periode program (%(start)s s.d. %(end)s).")
            % {"start": programme_start.strftime("%d-%m-%Y"), "end": programme_end.strftime("%d-%m-%Y")}
        }
    return {}


def may_give_feedback(*, pair_ended, programme_end, today, already_given):
    """The mentee rates the pair once, at its end: when it was ended or its programme's period is over."""
    return not already_given and (pair_ended or today > programme_end)


def average(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 2) if values else None
