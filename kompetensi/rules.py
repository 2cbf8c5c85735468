"""Pure rules of the training module (no database): the enrolment state machine, placement, windows,
JP conversion and targets, check-in hours and certificate validity."""

import calendar
import secrets
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.utils.formats import date_format
from django.utils.translation import gettext as _

REQUESTED = "requested"
PENDING_APPROVAL = "pending_approval"
CONFIRMED = "confirmed"
WAITLISTED = "waitlisted"
ATTENDED = "attended"
COMPLETED = "completed"
NOT_COMPLETED = "not_completed"
CANCELLED = "cancelled"
REJECTED = "rejected"

# The one place that says which enrolment transitions exist.
ENROLMENT_TRANSITIONS = {
    "": {REQUESTED},
    REQUESTED: {PENDING_APPROVAL, CONFIRMED, WAITLISTED, REJECTED, CANCELLED},
    PENDING_APPROVAL: {CONFIRMED, WAITLISTED, REJECTED, CANCELLED},
    WAITLISTED: {CONFIRMED, CANCELLED},
    CONFIRMED: {ATTENDED, NOT_COMPLETED, CANCELLED},
    ATTENDED: {COMPLETED, NOT_COMPLETED},
    COMPLETED: set(),
    NOT_COMPLETED: set(),
    CANCELLED: set(),
    REJECTED: set(),
}

# states that occupy one of the session's seats
SEAT_STATES = (CONFIRMED, ATTENDED, COMPLETED, NOT_COMPLETED)
# states after which the employee may enrol in the same session again
CLOSED_STATES = (CANCELLED, REJECTED)
# states that block the employee's calendar (for the overlap rule)
BUSY_STATES = (REQUESTED, PENDING_APPROVAL, CONFIRMED, WAITLISTED, ATTENDED)
# states an approver acts on
AWAITING_APPROVAL = (PENDING_APPROVAL,)

JP_MINUTES = 45
PNS_DEFAULT_TARGET = 20
# the regulation defaults, loaded as the default TargetJP rows; instansi may set their own
DEFAULT_JP_TARGETS = {"PNS": PNS_DEFAULT_TARGET, "PPPK": 24}


# External learning claims: submitted by the employee, decided once by the supervisor (or HR).
EXTERNAL_LEARNING_TRANSITIONS = {
    "": {"submitted"},
    "submitted": {"approved", "rejected"},
    "approved": set(),
    "rejected": set(),
}


def can_transition(current, target):
    return target in ENROLMENT_TRANSITIONS.get(current, set())


def holds_seat(state):
    return state in SEAT_STATES


def seat_change(current, target):
    """How a move changes the session's seat counter: +1 into a seat, -1 out of one, 0 otherwise."""
    return int(holds_seat(target)) - int(holds_seat(current))


def placement(seats_taken, capacity):
    """Where a newly admitted enrolment goes: a seat while one is free, else the waitlist."""
    return CONFIRMED if seats_taken < capacity else WAITLISTED


def window_open(opens_at, closes_at, now):
    return opens_at <= now < closes_at


def overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def progress_percent(jp, target):
    if not target:
        return 100
    return min(100, round(100 * jp / target))


def convert_jp(*, jp_per_unit, is_max, units, claimed, max_units_per_month=None, months=1):
    """JP that an external activity may count for under one conversion rule.

    A fixed rule gives jp_per_unit x units; an upper-bound rule ("paling banyak 3 JP per hari") caps the claim;
    a curriculum rule (jp_per_unit 0) accepts the claim. A monthly cap on units limits countable units.
    """
    if max_units_per_month:
        units = min(units, max_units_per_month * max(1, months))
    if jp_per_unit == 0:
        return claimed
    ceiling = jp_per_unit * units
    return min(claimed, ceiling) if is_max else ceiling


def months_spanned(start, end):
    return (end.year - start.year) * 12 + end.month - start.month + 1


def session_days(start_local, end_local):
    """The calendar days (in the organiser's time zone) a session runs on."""
    day, last = start_local.date(), end_local.date()
    days = []
    while day <= last:
        days.append(day)
        day += timedelta(days=1)
    return days


def checkin_day(start_local, end_local, now_local, grace=timedelta(minutes=30)):
    """The day a QR check-in at `now_local` counts for, or None outside the session's hours.

    Each day of a multi-day session runs from the start's time of day to the end's time of day; check-in opens
    `grace` before and closes at the end of that day's hours.
    """
    day = now_local.date()
    if day not in session_days(start_local, end_local):
        return None
    tz = now_local.tzinfo
    opens = datetime.combine(day, start_local.timetz()).replace(tzinfo=tz) - grace
    closes = datetime.combine(day, end_local.timetz()).replace(tzinfo=tz)
    if closes <= opens + grace:  # a session that ends earlier in the day than it starts: whole days
        opens = datetime.combine(day, datetime.min.time()).replace(tzinfo=tz)
        closes = opens + timedelta(days=1)
    return day if opens <= now_local <= closes else None


def add_months(day, months):
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def certificate_valid_until(completed_on, validity_months):
    return add_months(completed_on, validity_months) if validity_months else None


def date_range_text(start, end):
    """A span of days as Indonesian documents write it, naming a month or year once when both ends share it:
    "12 s.d. 14 November 2026", "28 Oktober s.d. 2 November 2026", "30 Desember 2026 s.d. 2 Januari 2027"."""
    if end <= start:
        return date_format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        first = str(start.day)
    elif start.year == end.year:
        first = date_format(start, "j F")
    else:
        first = date_format(start, "j F Y")
    return _("%(start)s s.d. %(end)s") % {"start": first, "end": date_format(end, "j F Y")}


def months_left_in_year(today):
    return 12 - today.month


_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are read aloud and typed


def new_certificate_code():
    body = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
    return f"LTR-{body[:5]}-{body[5:]}"


def normalise_certificate_code(raw):
    return (raw or "").strip().upper()


# --- scores ---

MIN_SCORE, MAX_SCORE = Decimal(0), Decimal(100)
SCORE_PLACES = 2


def score_problem(score):
    """Why `score` (a Decimal) cannot be stored, in Indonesian, or None when it is a valid 0..100 score."""
    if not score.is_finite() or not MIN_SCORE <= score <= MAX_SCORE:
        return _("Nilai harus angka 0 sampai 100.")
    if -score.as_tuple().exponent > SCORE_PLACES:
        return _("Nilai paling banyak 2 angka di belakang koma.")
    return None


def parse_score(raw):
    """A score typed by a person ("87,5", "90") as a Decimal, None when blank; ValueError with an Indonesian
    message for anything else (NaN, inf, 1e5, -50, 99.999, text)."""
    text = str(raw if raw is not None else "").strip().replace(",", ".")
    if not text:
        return None
    try:
        score = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("Nilai '%(v)s' bukan angka.") % {"v": text}) from None
    # scientific notation is how a spreadsheet writes a number it mangled, never how a person writes a score
    if "e" in text.lower():
        raise ValueError(_("Nilai harus angka 0 sampai 100."))
    problem = score_problem(score)
    if problem:
        raise ValueError(problem)
    return score


# --- external learning ---

# JP count towards the year they were earned, and a claim is checked against evidence an atasan can still judge:
# the current and the previous year's ledger are what HR reviews, so older learning is not claimable (and a typo
# such as 0202 for 2022 is caught instead of landing in a ledger nobody reads).
EXTERNAL_LEARNING_MAX_AGE_DAYS = 2 * 365


def earliest_external_learning(today):
    return today - timedelta(days=EXTERNAL_LEARNING_MAX_AGE_DAYS)


def external_learning_date_problems(start, end, today):
    """{field: Indonesian message} for dates of external learning that cannot be claimed."""
    problems = {}
    earliest = earliest_external_learning(today)
    if start and start < earliest:
        problems["start_date"] = _("Tanggal mulai paling lama 2 tahun yang lalu (%(date)s).") % {
            "date": earliest.strftime("%d-%m-%Y")
        }
    if start and start > today:
        problems["start_date"] = _("Tanggal mulai tidak boleh di masa depan.")
    if end and end > today:
        problems["end_date"] = _("Kegiatan yang belum selesai belum dapat diajukan.")
    return problems
