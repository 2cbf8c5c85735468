"""The only writers of development plans: one function per use case, keyword-only, in a transaction, checking
permission and state. Every change of status goes through the plan's state machine (who, when, why)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.scoping import pegawai_of
from portal.services import notify

from ..competency.models import Competency
from ..competency.queries import profile_of
from ..models import DevelopmentPlan, PlanActivity, PlanGoal, TrainingSession
from ..services.session_time import local_time
from . import permissions, queries, rules
from .state_machine import PLAN

P = DevelopmentPlan.Status
K = PlanActivity.Kind


def _locked(plan) -> DevelopmentPlan:
    return (
        DevelopmentPlan.objects.select_for_update(of=("self",))
        .select_related("pegawai__user", "pegawai__atasan__user")
        .get(pk=plan.pk)
    )


def _url(plan):
    return reverse("kompetensi:plans:detail", args=[plan.pk])


def _check_editable(actor, plan):
    if not permissions.can_write(actor, plan.pegawai):
        raise PermissionDenied(_("Hanya pegawai yang bersangkutan yang dapat menyusun rencananya."))
    if plan.status not in rules.EDITABLE:
        raise ValidationError(_("Rencana hanya dapat diubah saat berstatus draf atau dikembalikan."))


@transaction.atomic
def start_plan(*, actor, year: int) -> DevelopmentPlan:
    """A new draft plan of the actor for `year` (one per employee per year)."""
    me = pegawai_of(actor)
    if me is None or not permissions.can_write(actor, me):
        raise PermissionDenied(_("Hanya pegawai aktif yang dapat menyusun rencana pengembangan."))
    this_year = timezone.localdate().year
    if not this_year - 1 <= int(year) <= this_year + 1:
        raise ValidationError(_("Rencana dapat disusun untuk tahun lalu, tahun ini, atau tahun depan."))
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(pegawai=me, year=year, status=P.DRAFT)
    except IntegrityError:
        raise ValidationError(
            _("Anda sudah mempunyai rencana pengembangan untuk tahun %(year)s.") % {"year": year}
        ) from None
    PLAN.record(plan, "", P.DRAFT, actor=actor).save()
    PLAN.log(plan, P.DRAFT, actor=actor)
    return plan


@transaction.atomic
def add_goal(*, actor, plan: DevelopmentPlan, competency: Competency, target_level: int, note: str = "") -> PlanGoal:
    """A goal on one of the employee's gaps: the level they hold now is kept as the level at writing."""
    plan = _locked(plan)
    _check_editable(actor, plan)
    gap = next((row for row in profile_of(plan.pegawai).gaps if row.competency.pk == competency.pk), None)
    if gap is None:
        raise ValidationError(_("Pilih kompetensi yang masih di bawah standar jabatan Anda."))
    target_level = int(target_level)
    if not (gap.current_level or 0) < target_level <= 5:
        raise ValidationError(
            _("Level sasaran harus di atas level Anda sekarang (%(level)s) dan paling tinggi 5.")
            % {"level": gap.current_level or 0}
        )
    if plan.goals.filter(competency=competency).exists():
        raise ValidationError(_("Kompetensi ini sudah menjadi sasaran rencana."))
    return PlanGoal.objects.create(
        plan=plan, competency=competency, level_at_writing=gap.current_level, target_level=target_level,
        note=note.strip()[:300],
    )  # fmt: skip


@transaction.atomic
def remove_goal(*, actor, goal: PlanGoal) -> None:
    plan = _locked(goal.plan)
    _check_editable(actor, plan)
    PlanGoal.objects.filter(pk=goal.pk, plan=plan).delete()


def _check_session(plan, session):
    if session is None:
        raise ValidationError(_("Pilih angkatan pelatihan dari katalog."))
    if session.instansi_id != plan.pegawai.instansi_id:
        raise ValidationError(_("Pilih angkatan pelatihan yang diselenggarakan instansi Anda."))
    if local_time(session.start_at, session).year != plan.year:
        raise ValidationError(_("Angkatan ini tidak berlangsung pada tahun rencana."))


@transaction.atomic
def add_activity(
    *,
    actor,
    plan: DevelopmentPlan,
    kind: str,
    planned_jp: int | None,
    planned_month: int | None,
    title: str = "",
    session: TrainingSession | None = None,
    goal: PlanGoal | None = None,
) -> PlanActivity:
    """A planned activity: a catalogue session (its course names it and, unless given, sets JP and month), or
    mentoring, external learning or another activity with a name."""
    plan = _locked(plan)
    _check_editable(actor, plan)
    if kind not in K.values:
        raise ValidationError(_("Pilih jenis kegiatan."))
    if goal is not None and goal.plan_id != plan.pk:
        raise ValidationError(_("Sasaran itu bukan bagian dari rencana ini."))
    if kind == K.SESSION:
        session = TrainingSession.objects.select_related("course", "instansi").filter(pk=getattr(session, "pk", None))
        session = session.first()
        _check_session(plan, session)
        title = session.course.title[:150] + " — " + session.name[:45]
        planned_jp = planned_jp or session.course.jp
        planned_month = planned_month or local_time(session.start_at, session).month
    else:
        session = None
        title = title.strip()
        if not title:
            raise ValidationError(_("Tuliskan nama kegiatan."))
    if not planned_jp or not 1 <= int(planned_jp) <= 200:
        raise ValidationError(_("JP direncanakan harus antara 1 dan 200."))
    if not planned_month or not 1 <= int(planned_month) <= 12:
        raise ValidationError(_("Pilih bulan pelaksanaan."))
    return PlanActivity.objects.create(
        plan=plan, goal=goal, kind=kind, session=session, title=title[:200], planned_jp=planned_jp,
        planned_month=planned_month,
    )  # fmt: skip


@transaction.atomic
def remove_activity(*, actor, activity: PlanActivity) -> None:
    plan = _locked(activity.plan)
    _check_editable(actor, plan)
    PlanActivity.objects.filter(pk=activity.pk, plan=plan).delete()


@transaction.atomic
def submit_plan(*, actor, plan: DevelopmentPlan, note: str = "") -> DevelopmentPlan:
    """The employee sends the plan to their supervisor (HR of the instansi when they have none)."""
    plan = _locked(plan)
    if not permissions.can_write(actor, plan.pegawai):
        raise PermissionDenied(_("Hanya pegawai yang bersangkutan yang dapat mengajukan rencananya."))
    PLAN.check(plan, P.SUBMITTED)
    if not plan.activities.exists():
        raise ValidationError(_("Tambahkan paling sedikit satu kegiatan sebelum mengajukan rencana."))
    PLAN.apply(plan, P.SUBMITTED, actor=actor, reason=note.strip())
    supervisor = plan.pegawai.atasan
    if supervisor is not None and supervisor.user_id and supervisor.is_active:
        notify(
            supervisor.user, kind="kompetensi.plan", dedupe_key=f"plan-submitted:{plan.pk}:{plan.status_changed_at}",
            title=_("Rencana pengembangan %(name)s menunggu persetujuan") % {"name": plan.pegawai.nama},
            body=_("Rencana pengembangan kompetensi tahun %(year)s diajukan.") % {"year": plan.year}, url=_url(plan),
        )  # fmt: skip
    return plan


def _tell_employee(plan, title):
    notify(
        plan.pegawai.user, kind="kompetensi.plan", dedupe_key=f"plan:{plan.pk}:{plan.status}:{plan.status_changed_at}",
        title=title, body=_("Rencana pengembangan kompetensi tahun %(year)s.") % {"year": plan.year}, url=_url(plan),
    )  # fmt: skip


@transaction.atomic
def approve_plan(*, actor, plan: DevelopmentPlan, note: str = "") -> DevelopmentPlan:
    """The supervisor (or HR) approves; a plan whose activities have already moved is under way at once."""
    plan = _locked(plan)
    if not permissions.can_approve_for(actor, plan.pegawai):
        raise PermissionDenied(_("Anda tidak berwenang menyetujui rencana pegawai ini."))
    PLAN.apply(plan, P.APPROVED, actor=actor, reason=note.strip())
    _tell_employee(plan, _("Rencana pengembangan Anda disetujui"))
    _start_if_moving(plan)
    return plan


@transaction.atomic
def return_plan(*, actor, plan: DevelopmentPlan, reason: str) -> DevelopmentPlan:
    """The supervisor (or HR) sends the plan back for changes, always saying why."""
    plan = _locked(plan)
    if not permissions.can_approve_for(actor, plan.pegawai):
        raise PermissionDenied(_("Anda tidak berwenang mengembalikan rencana pegawai ini."))
    if not reason.strip():
        raise ValidationError(_("Tuliskan alasan pengembalian agar pegawai tahu apa yang perlu diperbaiki."))
    PLAN.apply(plan, P.RETURNED, actor=actor, reason=reason.strip())
    _tell_employee(plan, _("Rencana pengembangan Anda dikembalikan: %(reason)s") % {"reason": reason.strip()[:120]})
    return plan


def _start_if_moving(plan) -> bool:
    progress, _jp = queries.progress_of(plan, queries.activities_of(plan))
    if plan.status != P.APPROVED or not rules.has_progress(progress):
        return False
    PLAN.apply(plan, P.IN_PROGRESS, reason=_("Kegiatan pertama rencana sudah berjalan."))
    return True


def note_progress(*, pegawai_id: int, year: int) -> bool:
    """Called when the training data of an employee moves (an enrolment, a JP entry): their approved plan of the
    year becomes under way once one of its activities has made progress. Returns whether it moved."""
    # looked for before any savepoint: it runs inside every enrolment's transaction, and most have no plan
    plan = DevelopmentPlan.objects.filter(pegawai_id=pegawai_id, year=year, status=P.APPROVED).first()
    if plan is None:
        return False
    with transaction.atomic():
        return _start_if_moving(_locked(plan))


@transaction.atomic
def complete_plan(*, actor, plan: DevelopmentPlan, note: str = "") -> DevelopmentPlan:
    """The employee or the supervisor closes a running plan; its snapshot (gaps, levels, activities and their
    outcome) is frozen now and shown from then on."""
    plan = _locked(plan)
    if not (permissions.can_write(actor, plan.pegawai) or permissions.can_approve_for(actor, plan.pegawai)):
        raise PermissionDenied(_("Anda tidak berwenang menyelesaikan rencana ini."))
    PLAN.check(plan, P.COMPLETED)
    plan.snapshot = queries.snapshot_of(plan)
    return PLAN.apply(plan, P.COMPLETED, actor=actor, reason=note.strip(), extra_fields=["snapshot"])
