from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kompetensi import ical, rules

WITA = ZoneInfo("Asia/Makassar")


def test_every_state_has_a_row_and_closed_states_are_final():
    for state in (rules.REQUESTED, rules.PENDING_APPROVAL, rules.CONFIRMED, rules.WAITLISTED, rules.ATTENDED,
                  rules.COMPLETED, rules.NOT_COMPLETED, rules.CANCELLED, rules.REJECTED):  # fmt: skip
        assert state in rules.ENROLMENT_TRANSITIONS
    for final in (rules.COMPLETED, rules.NOT_COMPLETED, rules.CANCELLED, rules.REJECTED):
        assert rules.ENROLMENT_TRANSITIONS[final] == set()


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        (rules.REQUESTED, rules.PENDING_APPROVAL, True),
        (rules.PENDING_APPROVAL, rules.CONFIRMED, True),
        (rules.WAITLISTED, rules.CONFIRMED, True),
        (rules.CONFIRMED, rules.ATTENDED, True),
        (rules.ATTENDED, rules.COMPLETED, True),
        (rules.CONFIRMED, rules.COMPLETED, False),
        (rules.WAITLISTED, rules.ATTENDED, False),
        (rules.ATTENDED, rules.CANCELLED, False),
        (rules.COMPLETED, rules.NOT_COMPLETED, False),
        (rules.REJECTED, rules.CONFIRMED, False),
    ],
)
def test_can_transition(current, target, allowed):
    assert rules.can_transition(current, target) is allowed


def test_placement():
    assert rules.placement(9, 10) == rules.CONFIRMED
    assert rules.placement(10, 10) == rules.WAITLISTED


def test_convert_jp():
    # 4 JP per hari (seminar), 3 days
    assert rules.convert_jp(jp_per_unit=4, is_max=False, units=3, claimed=20) == 12
    # paling banyak 3 JP per hari: a smaller claim stands
    assert rules.convert_jp(jp_per_unit=3, is_max=True, units=2, claimed=4) == 4
    assert rules.convert_jp(jp_per_unit=3, is_max=True, units=2, claimed=9) == 6
    # 2 JP per sesi, paling banyak 2 sesi per bulan: 5 sessions in one month count as 2
    assert rules.convert_jp(jp_per_unit=2, is_max=False, units=5, claimed=10, max_units_per_month=2) == 4
    assert rules.convert_jp(jp_per_unit=2, is_max=False, units=5, claimed=10, max_units_per_month=2, months=3) == 10
    # sesuai kurikulum
    assert rules.convert_jp(jp_per_unit=0, is_max=False, units=1, claimed=32) == 32


def test_targets_and_progress():
    assert rules.DEFAULT_JP_TARGETS == {"PNS": 20, "PPPK": 24}
    assert rules.progress_percent(10, 20) == 50
    assert rules.progress_percent(30, 20) == 100


def test_checkin_only_during_session_hours():
    start = datetime(2026, 3, 2, 8, 0, tzinfo=WITA)
    end = datetime(2026, 3, 4, 16, 0, tzinfo=WITA)
    assert rules.checkin_day(start, end, datetime(2026, 3, 3, 9, 0, tzinfo=WITA)) == date(2026, 3, 3)
    assert rules.checkin_day(start, end, datetime(2026, 3, 2, 7, 45, tzinfo=WITA)) == date(2026, 3, 2)
    assert rules.checkin_day(start, end, datetime(2026, 3, 3, 7, 0, tzinfo=WITA)) is None
    assert rules.checkin_day(start, end, datetime(2026, 3, 3, 18, 0, tzinfo=WITA)) is None
    assert rules.checkin_day(start, end, datetime(2026, 3, 5, 9, 0, tzinfo=WITA)) is None


def test_certificate_validity_and_codes():
    assert rules.certificate_valid_until(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert rules.certificate_valid_until(date(2026, 1, 31), None) is None
    code = rules.new_certificate_code()
    assert code.startswith("LTR-") and len(code) == 15
    assert rules.normalise_certificate_code(" ltr-abc ") == "LTR-ABC"


def test_overlaps():
    t = datetime(2026, 1, 1, tzinfo=UTC)
    assert rules.overlaps(t, t + timedelta(hours=2), t + timedelta(hours=1), t + timedelta(hours=3))
    assert not rules.overlaps(t, t + timedelta(hours=1), t + timedelta(hours=1), t + timedelta(hours=2))


def test_ical_escapes_and_folds():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    text = ical.calendar(
        [{"uid": "1@lentera", "start": now, "end": now + timedelta(hours=1), "summary": "Rapat; a, b\\c\nd",
          "description": "x" * 200}],
        "Uji", now,
    )  # fmt: skip
    assert "SUMMARY:Rapat\\; a\\, b\\\\c\\nd" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.endswith("END:VCALENDAR\r\n")
