"""Demo data of career decisions, after the promotion demo: per instansi, decisions in every state written through
the services as its Admin SDM and Pimpinan (a draft development assignment, a
proposed reward for the one rated Sangat Baik waiting for the Pimpinan, a rejected rotation, an approved tugas
belajar and an approved development assignment for `pegawai.<instansi>`). The employee who qualifies for the next
promotion date is left for the browser journey to propose. Idempotent: an instansi with decisions is left alone."""

import datetime

from django.db import transaction
from django.utils import timezone

from portal import roles
from portal.demo import register_demo_step
from portal.models import Instansi, Pegawai

from ..career.demo import demo_staff
from . import services
from .models import CareerDecision

Kind = CareerDecision.Kind


def _holder(instansi, role):
    candidates = (
        Pegawai.objects.filter(instansi=instansi, is_active=True, user__groups__name=role)
        .select_related("user")
        .order_by("user__username")
        .distinct()
    )
    named = [p for p in candidates if p.user.username.startswith(("sdm.", "pimpinan."))]
    found = named or list(candidates)
    return found[0].user if found else None


def _decide(decision, hr, leader, approve, note=""):
    services.propose(actor=hr, decision=decision)
    if leader is not None:
        services.decide(actor=leader, decision=decision, approve=approve, note=note)


def load_instansi(instansi) -> int:
    if CareerDecision.objects.filter(instansi=instansi).exists():
        return 0
    hr, leader = _holder(instansi, roles.ADMIN_SDM), _holder(instansi, roles.PIMPINAN)
    staff = demo_staff(instansi)
    if hr is None or len(staff) < 6:
        return 0
    year = timezone.localdate().year
    draft = lambda person, kind, title, rationale, **extra: services.create_draft(  # noqa: E731
        actor=hr, pegawai=person, kind=kind, title=title, rationale=rationale, **extra
    )
    draft(staff[5], Kind.DEVELOPMENT, "Penugasan pengembangan: pelatihan analisis kebijakan",
          "Kesenjangan kompetensi analisis kebijakan pada jabatannya; disusun bersama atasan langsung.")  # fmt: skip
    reward = draft(staff[4], Kind.REWARD, f"Penghargaan kinerja Sangat Baik {year - 1}",
                   "Predikat akhir Sangat Baik dan menjadi rujukan rekan kerja dalam layanan kepegawaian.")  # fmt: skip
    services.propose(actor=hr, decision=reward)
    made = 2
    if leader is not None:
        rotation = draft(staff[3], Kind.ROTATION, "Rotasi ke Bidang Mutasi",
                         "Penyegaran tugas setelah lima tahun pada unit yang sama.")  # fmt: skip
        _decide(rotation, hr, leader, approve=False,
                note="Ditunda: yang bersangkutan sedang menjalani hukuman disiplin.")  # fmt: skip
        study = draft(staff[1], Kind.STUDY, "Tugas belajar S2 Administrasi Publik",
                      "Lulus seleksi beasiswa daerah; kompetensi analisis kebijakan dibutuhkan unit.",
                      effective_on=datetime.date(year + 1, 9, 1))  # fmt: skip
        _decide(study, hr, leader, approve=True, note="Disetujui sesuai formasi tugas belajar.")
        made += 2
        journey = Pegawai.objects.filter(instansi=instansi, user__username=f"pegawai.{instansi.slug}").first()
        if journey is not None:
            development = draft(journey, Kind.DEVELOPMENT, "Penugasan pengembangan: magang di Bidang Mutasi",
                                "Memperluas pengalaman layanan kepegawaian sesuai rencana pengembangan.")  # fmt: skip
            _decide(development, hr, leader, approve=True)
            made += 1
    return made


@register_demo_step("kinerja-decisions", order=59)
def load_decisions(stdout=None):
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            made = load_instansi(instansi)
        if stdout and made:
            stdout.write(f"  {instansi.name}: {made} keputusan karier")
