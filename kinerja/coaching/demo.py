"""Demo data of coaching plans, after the promotion and decision steps: per instansi, the proposal waiting for HR
that the low final annual predikat of the promotion demo made (the sweep proposes it if the receiver did not see
it), and a running plan that HR started for a report of a demo atasan (`atasan.<instansi>` where there is one),
written through the services: two actions (one enrolled in an open training session through kompetensi, one done),
a check-in held with the supervisor's notes and the employee's answer, and the next one planned. Idempotent: an
instansi with a confirmed plan keeps it."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from portal import roles
from portal.demo import register_demo_step
from portal.models import Instansi, Pegawai
from portal.services import notifications_muted

from ..career.demo import demo_staff
from . import queries, services
from .models import CoachingPlan

GOALS = (
    "Target IKI triwulanan tercapai dan berkas usul layanan diteruskan lengkap; laporan kegiatan disampaikan tepat "
    "waktu setiap Jumat."
)
NOTES = (
    "Dua dari tiga target minggu ini tercapai. Berkas usul masih ada yang kembali karena lampiran kurang; "
    "disepakati memakai daftar periksa sebelum meneruskan berkas."
)
RESPONSE = "Saya setuju memakai daftar periksa. Mohon contoh daftar periksa dari Bidang Mutasi."


def _holder(instansi, role, prefix):
    people = list(
        Pegawai.objects.filter(instansi=instansi, is_active=True, user__groups__name=role)
        .select_related("user")
        .order_by("user__username")
        .distinct()
    )
    named = [p for p in people if p.user.username.startswith(prefix)]
    return (named or people or [None])[0]


def _coachee(instansi, staff, taken):
    """A demo atasan and one of their reports among the demo staff (not the one with the proposal)."""
    candidates = [p for p in staff if p.pk not in taken and p.atasan is not None and p.atasan.is_active]
    if not candidates:
        return None, None
    demo_atasan = Pegawai.objects.filter(instansi=instansi, user__username=f"atasan.{instansi.slug}").first()
    chosen = next((p for p in candidates if demo_atasan and p.atasan_id == demo_atasan.pk), candidates[0])
    return chosen, Pegawai.objects.select_related("user").get(pk=chosen.atasan_id)


def _enrol(action, plan, actors):
    """The first open session kompetensi accepts, asked by the organiser (direct) or else the employee."""
    sessions = queries.joinable_sessions(plan, limit=10)
    for session in sorted(sessions, key=lambda s: not s.seats_left):  # a seat rather than the waitlist
        for actor in actors:
            try:
                with transaction.atomic():
                    return services.enrol_in_session(actor=actor, action=action, session_id=session.pk)
            except (ValidationError, PermissionDenied):
                continue
    return None


def load_instansi(instansi, today) -> int:
    made = services.sweep(today=today, instansi_id=instansi.pk)["proposed"]
    if CoachingPlan.objects.filter(instansi=instansi, confirmed_at__isnull=False).exists():
        return made
    hr = _holder(instansi, roles.ADMIN_SDM, "sdm.")
    staff = demo_staff(instansi)
    if hr is None or len(staff) < 6:
        return made
    proposed = set(CoachingPlan.objects.filter(instansi=instansi).values_list("pegawai_id", flat=True))
    pegawai, supervisor = _coachee(instansi, staff, proposed)
    if pegawai is None:
        return made
    plan = services.start_plan(
        actor=hr.user, pegawai=pegawai, supervisor=supervisor, goals=GOALS,
        starts_on=today - datetime.timedelta(days=30), ends_on=today + datetime.timedelta(days=150),
    )  # fmt: skip
    training = services.add_action(
        actor=supervisor.user, plan=plan, due_on=today + datetime.timedelta(days=60),
        description="Ikuti pelatihan yang menutup kesenjangan pada target IKI (pelayanan dan ketelitian berkas).",
    )  # fmt: skip
    organiser = _holder(instansi, roles.PENYELENGGARA, "pelatihan.")
    _enrol(training, plan, [p.user for p in (organiser, pegawai) if p is not None])
    weekly = services.add_action(
        actor=supervisor.user, plan=plan, due_on=today - datetime.timedelta(days=7),
        description="Susun rencana kerja mingguan dan bahas dengan atasan setiap Senin.",
    )  # fmt: skip
    services.mark_action_done(actor=supervisor.user, action=weekly, done_on=today - datetime.timedelta(days=9))
    held_on = today - datetime.timedelta(days=14)
    checkin = services.plan_checkin(actor=supervisor.user, plan=plan, planned_on=held_on,
                                    agenda="Tinjau target minggu pertama")  # fmt: skip
    services.record_checkin(actor=supervisor.user, checkin=checkin, held_on=held_on, notes=NOTES)
    services.respond_to_checkin(actor=pegawai.user, checkin=checkin, response=RESPONSE)
    services.plan_checkin(actor=supervisor.user, plan=plan, planned_on=today + datetime.timedelta(days=14),
                          agenda="Tinjau daftar periksa berkas dan target triwulan")  # fmt: skip
    return made + 1


@register_demo_step("kinerja-coaching", order=60)
def load_coaching(stdout=None):
    today = timezone.localdate()
    with notifications_muted():
        for instansi in Instansi.objects.order_by("pk"):
            with transaction.atomic():
                made = load_instansi(instansi, today)
            if stdout and made:
                stdout.write(f"  {instansi.name}: {made} rencana pembinaan")
