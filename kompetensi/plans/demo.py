"""Demo development plans of Gorontalo, in every state, written through the services (so history, notifications and
progress are real): `pegawai.gorontalo` has a submitted plan waiting for `atasan.gorontalo`; a dozen colleagues have
drafts, returned, approved, running and completed plans; the rest have none (HR's coverage shows them).
Idempotent: an employee who has a plan for the year is left alone."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.test.utils import override_settings
from django.utils import timezone

from portal.demo import register_demo_step
from portal.models import Instansi, Pegawai

from ..competency.models import Competency, JobStandard
from ..competency.queries import profile_of
from ..models import DevelopmentPlan, JPEntry, TrainingSession
from ..services.session_time import local_time
from . import rules, services

JOURNEY_EMPLOYEE = "pegawai.gorontalo"
# the states the colleagues' plans end in, in turn
STATES = [rules.DRAFT, rules.SUBMITTED, rules.RETURNED, rules.APPROVED, rules.IN_PROGRESS, rules.COMPLETED]


def ensure_standard(pegawai):
    """Goals need gaps: when the competency demo has set no standard for the position yet, require level 3 of three
    managerial competencies (nothing is recorded in anyone's ledger)."""
    if pegawai.jabatan_id is None or JobStandard.objects.filter(jabatan_id=pegawai.jabatan_id).exists():
        return
    for competency in Competency.objects.filter(instansi__isnull=True, code__in=["M.01", "M.03", "M.04"]):
        JobStandard.objects.get_or_create(
            jabatan_id=pegawai.jabatan_id, competency=competency, defaults={"required_level": 3}
        )


def sessions_of_year(instansi, year, today):
    """Sessions of the instansi in `year` that are still to come (enrolment may be planned), soonest first."""
    return [
        s
        for s in TrainingSession.objects.filter(instansi=instansi, start_at__gte=timezone.now())
        .select_related("course", "instansi")
        .order_by("start_at", "pk")
        if local_time(s.start_at, s).year == year
    ]


def write_plan(pegawai, year, sessions, n, *, self_study=True):
    user = pegawai.user
    plan = services.start_plan(actor=user, year=year)
    gaps = profile_of(pegawai).gaps
    goal = None
    if gaps:
        gap = gaps[0]
        goal = services.add_goal(
            actor=user, plan=plan, competency=gap.competency, target_level=min(5, (gap.current_level or 0) + 1),
            note="Sesuai hasil pemetaan kompetensi",
        )  # fmt: skip
    if sessions:
        session = sessions[n % len(sessions)]
        services.add_activity(
            actor=user, plan=plan, kind="session", session=session, goal=goal, planned_jp=None, planned_month=None
        )
    services.add_activity(
        actor=user, plan=plan, kind="mentoring", title="Mentoring bersama atasan langsung", planned_jp=4,
        planned_month=min(12, timezone.localdate().month + 1), goal=goal,
    )  # fmt: skip
    services.add_activity(
        actor=user, plan=plan, kind="external", title="Kelas daring ASN Unggul", planned_jp=6, planned_month=3
    )
    if not self_study:
        return plan
    services.add_activity(
        actor=user, plan=plan, kind="other", title="Belajar mandiri: regulasi manajemen ASN", planned_jp=4,
        planned_month=6,
    )  # fmt: skip
    return plan


def drive(plan, state, boss):
    """Move a draft to `state` the way people would."""
    user = plan.pegawai.user
    if state == rules.DRAFT:
        return
    services.submit_plan(actor=user, plan=plan)
    if state == rules.SUBMITTED:
        return
    if state == rules.RETURNED:
        services.return_plan(actor=boss, plan=plan, reason="Tambahkan kegiatan yang menutup kesenjangan terbesar.")
        return
    services.approve_plan(actor=boss, plan=plan, note="Disetujui")  # under way at once when JP is already recorded
    if state == rules.COMPLETED:
        plan.refresh_from_db()
        if plan.status == rules.IN_PROGRESS:
            services.complete_plan(actor=boss, plan=plan, note="Kegiatan utama telah dilaksanakan.")


def load_instansi(instansi, today):
    year = today.year
    people = list(
        Pegawai.objects.filter(instansi=instansi, is_active=True, atasan__isnull=False, atasan__is_active=True)
        .exclude(Exists(DevelopmentPlan.objects.filter(pegawai=OuterRef("pk"), year=year)))
        .annotate(has_jp=Exists(JPEntry.objects.filter(pegawai=OuterRef("pk"), year=year)))
        .select_related("user", "atasan__user", "jabatan", "instansi")
        .order_by("nip")
    )
    sessions = sessions_of_year(instansi, year, today)
    journey = next((p for p in people if p.user.username == JOURNEY_EMPLOYEE), None)
    if journey is not None:
        ensure_standard(journey)
        # no self-study line: it would draw on the JP the employee already has, and the plan the journey approves
        # would be under way at once instead of showing "approved"
        drive(write_plan(journey, year, sessions, 0, self_study=False), rules.SUBMITTED, journey.atasan.user)
    staff = [p for p in people if p is not journey and not p.user.username.endswith(f".{instansi.slug}")]
    # a running or completed plan needs JP already in the ledger; an approved one none, so it waits
    moving = [p for p in staff if p.has_jp]
    still = [p for p in staff if not p.has_jp]
    for n, state in enumerate(STATES * 2):
        pool = moving if state in (rules.IN_PROGRESS, rules.COMPLETED) else still
        if not pool:
            continue
        pegawai = pool.pop(0)
        drive(write_plan(pegawai, year, sessions, n + 1), state, pegawai.atasan.user)


@register_demo_step("kompetensi-plans", order=45)
def load_plans(stdout=None):
    today = timezone.localdate()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        instansi = Instansi.objects.filter(slug="gorontalo").first()
        if instansi is not None:
            with transaction.atomic():
                load_instansi(instansi, today)
