"""Mentoring services: JP within the monthly cap into the ledger, evidence for the agreement's targets, the session
state machine and who may do each step, pairing rules, feedback, notifications."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kompetensi.competency import rules as competency_rules
from kompetensi.mentoring import services
from kompetensi.models import BentukPengembangan, Evidence, JPEntry, KonversiJP, MentoringPair, MentoringSession
from portal.models import Notification
from tests.factories import make_pegawai

from .conftest import log, make_programme

S = MentoringSession.Status


def _month_days(count, months_back=2):
    """`count` days of one past month (1st, 2nd, ...) and the first day of the month after it."""
    first = (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)
    for _ in range(months_back - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return [first + timedelta(days=n) for n in range(count)], following


def _confirm(org, session):
    return services.confirm_session(actor=org.pegawai.user, session=session)


def test_jp_counts_two_sessions_a_month_then_zero_then_again_in_a_new_month(org, mentoring):
    days, next_month = _month_days(3)
    counted = [_confirm(org, log(mentoring.pair, day)).jp for day in [*days, next_month]]
    assert counted == [2, 2, 0, 2]
    entries = JPEntry.objects.filter(pegawai=org.pegawai, source=JPEntry.Source.MENTORING).order_by("day")
    assert [(e.day, e.jp) for e in entries] == [(days[0], 2), (days[1], 2), (next_month, 2)]
    third = MentoringSession.objects.get(pair=mentoring.pair, held_on=days[2])
    assert third.status == S.CONFIRMED and third.jp == 0 and not hasattr(third, "jp_entry")


def test_the_cap_counts_across_every_pair_of_the_mentee(org, mentoring):
    other = make_programme(org.gorontalo, org.sdm, name="Program kedua")
    second_pair = services.pair_up(
        actor=org.sdm.user, programme=other, mentor=org.rekan, mentee=org.pegawai, goals="Menulis laporan"
    )
    days, _following = _month_days(3)
    assert [
        _confirm(org, log(p, d)).jp for p, d in zip([mentoring.pair, second_pair, mentoring.pair], days, strict=True)
    ] == [2, 2, 0]


def test_an_instansi_override_of_the_conversion_rule(org, mentoring):
    KonversiJP.objects.create(
        instansi=org.gorontalo, bentuk=BentukPengembangan.objects.get(code="mentoring"), unit="sesi", jp_per_unit=3,
        max_units_per_month=1,
    )  # fmt: skip
    days, next_month = _month_days(2)
    assert [_confirm(org, log(mentoring.pair, d)).jp for d in [*days, next_month]] == [3, 0, 3]
    # Maluku Utara keeps the default rule
    malut_mentor = make_pegawai(org.malut, org.malut_unit, nama="Mentor Malut")
    pair = services.pair_up(
        actor=org.sdm_malut.user, programme=mentoring.malut_programme, mentor=malut_mentor, mentee=org.pegawai_malut,
        goals="Tujuan",
    )  # fmt: skip
    session = services.log_session(
        actor=malut_mentor.user, pair=pair, held_on=days[0], duration_minutes=60, topics="t", actions="a"
    )
    assert services.confirm_session(actor=org.pegawai_malut.user, session=session).jp == 2


def test_the_default_rule_edited_by_hr_is_what_counts(org, mentoring):
    KonversiJP.objects.filter(instansi__isnull=True, bentuk__code="mentoring").update(
        jp_per_unit=4, max_units_per_month=3
    )
    days, _following = _month_days(4)
    assert [_confirm(org, log(mentoring.pair, d)).jp for d in days] == [4, 4, 4, 0]


def test_confirmation_claims_the_targets_for_review(org, mentoring):
    session = _confirm(org, log(mentoring.pair, timezone.localdate() - timedelta(days=3)))
    claims = Evidence.objects.filter(pegawai=org.pegawai, reference=f"mentoring:{session.pk}")
    assert {(e.competency.code, e.level, e.source) for e in claims} == {
        ("M.06", 3, "mentoring"),
        ("M.03", 2, "mentoring"),
    }
    assert all(e.source in competency_rules.CLAIMS for e in claims)
    assert not org.pegawai.competency_profile.exists()  # a claim waits for the supervisor


def test_a_disputed_session_counts_nothing(org, mentoring):
    session = log(mentoring.pair, timezone.localdate() - timedelta(days=3))
    services.dispute_session(actor=org.pegawai.user, session=session, reason="Tanggal salah")
    session.refresh_from_db()
    assert session.status == S.DISPUTED and session.jp is None
    assert not JPEntry.objects.filter(mentoring_session=session).exists()
    assert not Evidence.objects.filter(reference=f"mentoring:{session.pk}").exists()
    history = list(session.transitions.values_list("from_status", "to_status", "reason", "actor"))
    assert history == [
        ("", "logged", "", org.atasan.user.pk),
        ("logged", "disputed", "Tanggal salah", org.pegawai.user.pk),
    ]


@pytest.mark.parametrize("first", ["confirm", "dispute"])
def test_a_session_is_answered_once(org, mentoring, first):
    session = log(mentoring.pair, timezone.localdate())
    if first == "confirm":
        _confirm(org, session)
    else:
        services.dispute_session(actor=org.pegawai.user, session=session, reason="Bukan hari itu")
    with pytest.raises(ValidationError):
        _confirm(org, session)
    with pytest.raises(ValidationError):
        services.dispute_session(actor=org.pegawai.user, session=session, reason="lagi")
    assert JPEntry.objects.filter(mentoring_session=session).count() == (1 if first == "confirm" else 0)


def test_a_dispute_needs_a_reason(org, mentoring):
    session = log(mentoring.pair, timezone.localdate())
    with pytest.raises(ValidationError):
        services.dispute_session(actor=org.pegawai.user, session=session, reason="  ")
    session.refresh_from_db()
    assert session.status == S.LOGGED


@pytest.mark.parametrize("who", ["atasan", "sdm", "rekan", "pimpinan", "pegawai_malut", "superadmin"])
def test_only_the_mentee_answers_a_session(org, mentoring, who):
    session = log(mentoring.pair, timezone.localdate())
    actor = getattr(getattr(org, who), "user", getattr(org, who))
    with pytest.raises(PermissionDenied):
        services.confirm_session(actor=actor, session=session)
    with pytest.raises(PermissionDenied):
        services.dispute_session(actor=actor, session=session, reason="x")


@pytest.mark.parametrize("who", ["pegawai", "sdm", "rekan", "pimpinan"])
def test_only_the_mentor_logs(org, mentoring, who):
    with pytest.raises(PermissionDenied):
        services.log_session(
            actor=getattr(org, who).user, pair=mentoring.pair, held_on=timezone.localdate(), duration_minutes=60,
            topics="t", actions="a",
        )  # fmt: skip


@pytest.mark.parametrize(
    ("held_on", "minutes", "field"),
    [
        (timedelta(days=1), 60, "held_on"),  # future
        (timedelta(days=-500), 60, "held_on"),  # before the programme
        (timedelta(0), 10, "duration_minutes"),
        (timedelta(0), 600, "duration_minutes"),
    ],
)
def test_a_session_log_is_checked(org, mentoring, held_on, minutes, field):
    with pytest.raises(ValidationError) as error:
        log(mentoring.pair, timezone.localdate() + held_on, minutes=minutes)
    assert field in error.value.message_dict
    assert not MentoringSession.objects.exists()


def test_an_ended_pair_takes_no_sessions_and_asks_for_feedback(org, mentoring):
    with pytest.raises(ValidationError):
        services.give_feedback(actor=org.pegawai.user, pair=mentoring.pair, rating=5)
    with pytest.raises(PermissionDenied):
        services.end_pair(actor=org.rekan.user, pair=mentoring.pair)
    services.end_pair(actor=org.atasan.user, pair=mentoring.pair)
    with pytest.raises(ValidationError):
        log(mentoring.pair, timezone.localdate())
    with pytest.raises(PermissionDenied):
        services.give_feedback(actor=org.atasan.user, pair=mentoring.pair, rating=5)
    with pytest.raises(ValidationError):
        services.give_feedback(actor=org.pegawai.user, pair=mentoring.pair, rating=6)
    services.give_feedback(actor=org.pegawai.user, pair=mentoring.pair, rating=4, comment="Bermanfaat")
    with pytest.raises(ValidationError):
        services.give_feedback(actor=org.pegawai.user, pair=mentoring.pair, rating=5)
    pair = MentoringPair.objects.get(pk=mentoring.pair.pk)
    assert (pair.status, pair.feedback_rating, pair.feedback_comment) == ("ended", 4, "Bermanfaat")
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kompetensi.mentoring_ended").exists()


# --- pairing ---------------------------------------------------------------------------------------------------


def test_a_supervisor_pairs_within_their_team(org, mentoring):
    programme = make_programme(org.gorontalo, org.atasan, name="Program tim")
    assert programme.created_by == org.atasan.user
    pair = services.pair_up(actor=org.atasan.user, programme=programme, mentor=org.rekan, mentee=org.pegawai, goals="x")
    assert pair.created_by == org.atasan.user
    for mentor, mentee in [(org.konten, org.rekan), (org.atasan, org.cucu), (org.pegawai, org.pelatihan)]:
        with pytest.raises(ValidationError):
            services.pair_up(actor=org.atasan.user, programme=programme, mentor=mentor, mentee=mentee, goals="x")


def test_hr_pairs_anyone_of_the_instansi_but_nobody_else(org, mentoring):
    services.pair_up(actor=org.sdm.user, programme=mentoring.programme, mentor=org.cucu, mentee=org.konten, goals="x")
    for mentor, mentee in [(org.konten, org.konten), (org.atasan, org.pegawai_malut), (org.sdm_malut, org.rekan)]:
        with pytest.raises(ValidationError):
            services.pair_up(actor=org.sdm.user, programme=mentoring.programme, mentor=mentor, mentee=mentee, goals="x")
    with pytest.raises(ValidationError):  # one mentor per mentee per programme
        services.pair_up(
            actor=org.sdm.user, programme=mentoring.programme, mentor=org.rekan, mentee=org.pegawai, goals="x"
        )


@pytest.mark.parametrize("who", ["rekan", "konten", "sdm_malut"])
def test_others_may_not_pair(org, mentoring, who):
    with pytest.raises(PermissionDenied):
        services.pair_up(
            actor=getattr(org, who).user, programme=mentoring.programme, mentor=org.rekan, mentee=org.cucu, goals="x"
        )


@pytest.mark.parametrize("who", ["rekan", "konten"])
def test_employees_without_a_team_create_no_programme(org, who):
    with pytest.raises(PermissionDenied):
        make_programme(org.gorontalo, getattr(org, who))


def test_a_target_outside_the_instansi_dictionary_is_refused(org, mentoring):
    from kompetensi.models import Competency

    teknis_malut = Competency.objects.create(instansi=org.malut, group="teknis", code="T.MALUT", name="Khas Malut")
    with pytest.raises(ValidationError):
        services.update_agreement(actor=org.sdm.user, pair=mentoring.pair, goals="x", targets=[(teknis_malut, 2)])
    services.update_agreement(
        actor=org.atasan.user, pair=mentoring.pair, goals="Baru", targets=[(mentoring.national["M.01"], 4)]
    )
    assert list(mentoring.pair.targets.values_list("competency__code", "level")) == [("M.01", 4)]


# --- notifications ---------------------------------------------------------------------------------------------


def test_the_mentee_is_told_of_a_log_and_the_mentor_of_the_answer(org, mentoring):
    first = log(mentoring.pair, timezone.localdate())
    second = log(mentoring.pair, timezone.localdate() - timedelta(days=1))
    asked = Notification.objects.get(
        recipient=org.pegawai.user, kind="kompetensi.mentoring_logged", params__session=first.pk
    )
    assert org.atasan.nama in asked.title and asked.url == "/mentoring/"
    _confirm(org, first)
    services.dispute_session(actor=org.pegawai.user, session=second, reason="Bukan hari itu")
    told = Notification.objects.filter(recipient=org.atasan.user).values_list("kind", flat=True)
    assert {"kompetensi.mentoring_confirmed", "kompetensi.mentoring_disputed"} <= set(told)
    disputed = Notification.objects.get(recipient=org.atasan.user, kind="kompetensi.mentoring_disputed")
    assert "Bukan hari itu" in disputed.body


def test_the_confirmation_request_settles_once_answered(org, mentoring, login):
    session = log(mentoring.pair, timezone.localdate())
    page = login(org.pegawai).get("/notifikasi/")
    assert "Sudah ditangani" not in page.content.decode()
    _confirm(org, session)
    assert "Sudah ditangani" in login(org.pegawai).get("/notifikasi/").content.decode()


def test_jp_shows_in_my_learning(org, mentoring, login):
    _confirm(
        org,
        log(
            mentoring.pair,
            date(timezone.localdate().year, 1, 1) if timezone.localdate().month > 1 else timezone.localdate(),
        ),
    )
    page = login(org.pegawai).get("/pelatihan/saya/").content.decode()
    assert "Mentoring" in page
