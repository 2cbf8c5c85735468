"""Every state change of mentoring: one function per use case, keyword-only, in a transaction, checking who may do
it and whether the state allows it, recording the history and telling the other person."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import frame
from portal.models import Pegawai
from portal.scoping import pegawai_of
from portal.services import notify
from portal.state_machine import StateMachine

from ..competency.queries import competencies_for
from ..competency.services import record_system_evidence
from ..models.ledger import JPEntry
from ..services.ledger import rule_for_code
from . import permissions, rules
from .models import MentoringPair, MentoringProgramme, MentoringSession, MentoringSessionTransition, MentoringTarget

S = MentoringSession.Status

SESSION = StateMachine(
    name="kompetensi.mentoring_session",
    transitions=rules.SESSION_TRANSITIONS,
    history_model=MentoringSessionTransition,
    subject_field="session",
    changed_at_field="status_changed_at",
    labels=MentoringSession.Status,
)


def _pair_url(pair_id):
    return reverse("kompetensi:mentoring:pair", args=[pair_id])


# --- programmes and pairs --------------------------------------------------------------------------------------


@transaction.atomic
def save_programme(*, actor, programme: MentoringProgramme) -> MentoringProgramme:
    """Create a programme in the actor's instansi, or change one they may edit."""
    is_new = programme.pk is None
    if is_new:
        me = pegawai_of(actor)
        if not permissions.can_create_programme(actor) or me is None:
            raise PermissionDenied(_("Anda tidak berwenang membuat program mentoring."))
        programme.instansi_id = programme.instansi_id or me.instansi_id
        programme.created_by = actor
    if not permissions.can_edit_programme(actor, programme):
        raise PermissionDenied(_("Anda tidak berwenang mengubah program mentoring ini."))
    programme.full_clean()
    if programme.end_date < programme.start_date:
        raise ValidationError({"end_date": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
    programme.save()
    log(programme, "wagtail.create" if is_new else "wagtail.edit", user=actor)
    return programme


def _check_targets(pair, targets):
    allowed = set(competencies_for(pair.programme.instansi_id).values_list("pk", flat=True))
    seen = set()
    for competency, level in targets:
        if competency.pk not in allowed:
            raise ValidationError(
                _("Kompetensi %(code)s tidak berlaku untuk instansi ini.") % {"code": competency.code}
            )
        if competency.pk in seen:
            raise ValidationError(_("Kompetensi %(code)s dipilih lebih dari sekali.") % {"code": competency.code})
        if not 1 <= int(level) <= 5:
            raise ValidationError(_("Level sasaran harus antara 1 dan 5."))
        seen.add(competency.pk)


@transaction.atomic
def pair_up(
    *, actor, programme: MentoringProgramme, mentor: Pegawai, mentee: Pegawai, goals: str, targets=()
) -> MentoringPair:
    """Pair a mentor with a mentee in a programme, with their agreement: goals and [(competency, level)]."""
    if not permissions.can_add_pairs(actor, programme):
        raise PermissionDenied(_("Anda tidak berwenang memasangkan mentor di program ini."))
    problem = permissions.pairing_problem(actor, programme, mentor, mentee)
    if problem:
        raise ValidationError(problem)
    if not (goals or "").strip():
        raise ValidationError({"goals": _("Tuliskan tujuan yang disepakati.")})
    if programme.end_date < timezone.localdate():
        raise ValidationError(_("Periode program ini sudah berakhir."))
    if MentoringPair.objects.filter(programme=programme, mentee=mentee).exists():
        raise ValidationError(_("%(name)s sudah memiliki mentor dalam program ini.") % {"name": mentee.nama})
    pair = MentoringPair(programme=programme, mentor=mentor, mentee=mentee, goals=goals.strip(), created_by=actor)
    _check_targets(pair, targets)
    pair.save()
    MentoringTarget.objects.bulk_create(
        [MentoringTarget(pair=pair, competency=competency, level=int(level)) for competency, level in targets]
    )
    log(pair, "wagtail.create", user=actor, data={"mentor": mentor.pk, "mentee": mentee.pk})
    frame.forget_users(mentor.user_id, mentee.user_id)  # their menu gains "Mentoring"
    for person, other, role in ((mentor, mentee, "mentor"), (mentee, mentor, "mentee")):
        notify(
            person.user,
            kind="kompetensi.mentoring_paired",
            params={"programme": programme.name, "name": other.nama, "role": role, "pair": pair.pk},
            url=_pair_url(pair.pk),
            dedupe_key=f"kompetensi:mentoring_pair:{pair.pk}:{role}",
        )
    return pair


@transaction.atomic
def update_agreement(*, actor, pair: MentoringPair, goals: str, targets) -> MentoringPair:
    """Rewrite the pair's goals and target competencies (sessions already confirmed keep the evidence they made)."""
    pair = (
        MentoringPair.objects.select_for_update(of=("self",))
        .select_related("programme", "mentor", "mentee")
        .get(pk=pair.pk)
    )
    if not permissions.can_manage_pair(actor, pair):
        raise PermissionDenied(_("Anda tidak berwenang mengubah kesepakatan ini."))
    if pair.status != MentoringPair.Status.ACTIVE:
        raise ValidationError(_("Pendampingan ini sudah selesai."))
    if not (goals or "").strip():
        raise ValidationError({"goals": _("Tuliskan tujuan yang disepakati.")})
    _check_targets(pair, targets)
    pair.goals = goals.strip()
    pair.save(update_fields=["goals"])
    pair.targets.all().delete()
    MentoringTarget.objects.bulk_create(
        [MentoringTarget(pair=pair, competency=competency, level=int(level)) for competency, level in targets]
    )
    log(pair, "wagtail.edit", user=actor, data={"targets": [[c.pk, int(level)] for c, level in targets]})
    return pair


@transaction.atomic
def end_pair(*, actor, pair: MentoringPair) -> MentoringPair:
    """End the mentoring; the mentee is then asked for feedback."""
    pair = (
        MentoringPair.objects.select_for_update(of=("self",))
        .select_related("programme", "mentor", "mentee__user")
        .get(pk=pair.pk)
    )
    if not permissions.can_manage_pair(actor, pair):
        raise PermissionDenied(_("Anda tidak berwenang mengakhiri pendampingan ini."))
    if pair.status != MentoringPair.Status.ACTIVE:
        raise ValidationError(_("Pendampingan ini sudah selesai."))
    pair.status, pair.ended_at = MentoringPair.Status.ENDED, timezone.now()
    pair.save(update_fields=["status", "ended_at"])
    log(pair, "kompetensi.mentoring_pair.ended", user=actor)
    notify(
        pair.mentee.user,
        kind="kompetensi.mentoring_ended",
        params={"name": pair.mentor.nama, "programme": pair.programme.name, "pair": pair.pk},
        url=reverse("kompetensi:mentoring:feedback", args=[pair.pk]),
        dedupe_key=f"kompetensi:mentoring_pair:{pair.pk}:ended",
    )
    return pair


@transaction.atomic
def give_feedback(*, actor, pair: MentoringPair, rating: int, comment: str = "") -> MentoringPair:
    pair = MentoringPair.objects.select_for_update(of=("self",)).select_related("programme", "mentee").get(pk=pair.pk)
    if not permissions.is_mentee(actor, pair):
        raise PermissionDenied(_("Hanya mentee yang dapat memberi umpan balik."))
    if pair.feedback_at is not None:
        raise ValidationError(_("Anda sudah memberi umpan balik untuk pendampingan ini."))
    if not rules.may_give_feedback(
        pair_ended=pair.status == MentoringPair.Status.ENDED, programme_end=pair.programme.end_date,
        today=timezone.localdate(), already_given=False,
    ):  # fmt: skip
        raise ValidationError(_("Umpan balik diberikan setelah pendampingan selesai."))
    if rating is None or not str(rating).isdigit() or int(rating) not in rules.RATINGS:
        raise ValidationError({"rating": _("Pilih nilai 1 sampai 5.")})
    pair.feedback_rating, pair.feedback_comment, pair.feedback_at = int(rating), (comment or "")[:2000], timezone.now()
    pair.save(update_fields=["feedback_rating", "feedback_comment", "feedback_at"])
    log(pair, "kompetensi.mentoring_pair.feedback", user=actor, data={"rating": pair.feedback_rating})
    return pair


# --- sessions --------------------------------------------------------------------------------------------------


@transaction.atomic
def log_session(
    *, actor, pair: MentoringPair, held_on: date, duration_minutes: int, topics: str, actions: str
) -> MentoringSession:
    """The mentor logs a session that took place; the mentee is asked to confirm it."""
    pair = MentoringPair.objects.select_related("programme", "mentor", "mentee__user").get(pk=pair.pk)
    if not permissions.is_mentor(actor, pair):
        raise PermissionDenied(_("Hanya mentor pasangan ini yang dapat mencatat sesi."))
    if pair.status != MentoringPair.Status.ACTIVE:
        raise ValidationError(_("Pendampingan ini sudah selesai; sesi baru tidak dapat dicatat."))
    problems = rules.session_date_problems(
        held_on, pair.programme.start_date, pair.programme.end_date, timezone.localdate()
    )
    if problems:
        raise ValidationError(problems)
    session = MentoringSession(
        pair=pair, held_on=held_on, duration_minutes=duration_minutes, topics=(topics or "").strip(),
        actions=(actions or "").strip(), status=S.LOGGED,
    )  # fmt: skip
    session.full_clean(exclude=["status_changed_at"])
    session.save()
    SESSION.record(session, "", S.LOGGED, actor=actor).save()
    SESSION.log(session, S.LOGGED, actor=actor)
    notify(
        pair.mentee.user,
        kind="kompetensi.mentoring_logged",
        params={"name": pair.mentor.nama, "date": held_on.strftime("%d-%m-%Y"), "session": session.pk},
        url=reverse("kompetensi:mentoring:home"),
        dedupe_key=f"kompetensi:mentoring_session:{session.pk}:logged",
    )
    return session


def _lock_session(session_id):
    return (
        MentoringSession.objects.select_for_update(of=("self",))
        .select_related("pair__programme", "pair__mentor__user", "pair__mentee__user")
        .get(pk=session_id)
    )


def mentoring_rule(instansi_id):
    """(jp per session, upper bound?, sessions counted per month) in force for the instansi: its own conversion row
    for mentoring, else the regulation default row, else the regulation's figures."""
    rule = rule_for_code(instansi_id, rules.BENTUK_CODE)
    if rule is None:
        return rules.DEFAULT_JP_PER_SESSION, False, rules.DEFAULT_SESSIONS_PER_MONTH
    return rule.jp_per_unit, rule.max_jp_per_unit, rule.max_units_per_month


def _count_jp(session, mentee):
    """JP the session counts within its month's cap (the caller holds the mentee's row lock, so two confirmations
    of the same month cannot both take the last counted place)."""
    jp_per_unit, is_max, per_month = mentoring_rule(mentee.instansi_id)
    first, following = rules.month_bounds(session.held_on)
    counted = JPEntry.objects.filter(
        pegawai=mentee, source=JPEntry.Source.MENTORING, day__gte=first, day__lt=following
    ).count()
    return rules.session_jp(
        jp_per_unit=jp_per_unit, is_max=is_max, max_per_month=per_month, counted_this_month=counted,
        duration_minutes=session.duration_minutes,
    )  # fmt: skip


def _record_evidence(session, mentee):
    """Each target competency of the agreement gets a mentoring claim for the supervisor to review."""
    recorded = []
    for target in session.pair.targets.select_related("competency"):
        competency = target.competency
        if not competency.is_active or competency.instansi_id not in (None, mentee.instansi_id):
            continue
        try:
            entry = record_system_evidence(
                pegawai=mentee, competency=competency, source="mentoring", level=target.level,
                observed_on=min(session.held_on, timezone.localdate()), reference=f"mentoring:{session.pk}",
                note=_("Mentoring dengan %(name)s") % {"name": session.pair.mentor.nama},
            )  # fmt: skip
        except ValidationError:
            continue  # a competency no longer in the mentee's dictionary: the session still counts
        if entry is not None:
            recorded.append(entry)
    return recorded


@transaction.atomic
def confirm_session(*, actor, session: MentoringSession) -> MentoringSession:
    """The mentee confirms: the session counts JP under the conversion rule and claims the agreement's levels."""
    session = _lock_session(session.pk)
    pair = session.pair
    if not permissions.is_mentee(actor, pair):
        raise PermissionDenied(_("Hanya mentee yang dapat mengonfirmasi sesi ini."))
    SESSION.check(session, S.CONFIRMED)
    mentee = Pegawai.objects.select_for_update().get(pk=pair.mentee_id)
    session.jp = _count_jp(session, mentee)
    SESSION.apply(session, S.CONFIRMED, actor=actor, data={"jp": session.jp}, extra_fields=["jp"])
    if session.jp:
        JPEntry.objects.create(
            pegawai=mentee, year=session.held_on.year, day=session.held_on, jp=session.jp,
            source=JPEntry.Source.MENTORING, title=_("Mentoring: %(name)s") % {"name": pair.mentor.nama},
            mentoring_session=session,
        )  # fmt: skip
    _record_evidence(session, mentee)
    notify(
        pair.mentor.user,
        kind="kompetensi.mentoring_confirmed",
        params={"name": pair.mentee.nama, "date": session.held_on.strftime("%d-%m-%Y"), "session": session.pk},
        url=_pair_url(pair.pk),
        dedupe_key=f"kompetensi:mentoring_session:{session.pk}:answered",
    )
    return session


@transaction.atomic
def dispute_session(*, actor, session: MentoringSession, reason: str) -> MentoringSession:
    """The mentee says the log is not right (why, in a sentence); the mentor is told and may log it again."""
    session = _lock_session(session.pk)
    pair = session.pair
    if not permissions.is_mentee(actor, pair):
        raise PermissionDenied(_("Hanya mentee yang dapat menyanggah sesi ini."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Tuliskan alasan sanggahan.")})
    SESSION.apply(session, S.DISPUTED, actor=actor, reason=reason.strip())
    notify(
        pair.mentor.user,
        kind="kompetensi.mentoring_disputed",
        params={
            "name": pair.mentee.nama, "date": session.held_on.strftime("%d-%m-%Y"), "reason": reason.strip()[:300],
            "session": session.pk,
        },
        url=_pair_url(pair.pk),
        dedupe_key=f"kompetensi:mentoring_session:{session.pk}:answered",
    )  # fmt: skip
    return session
