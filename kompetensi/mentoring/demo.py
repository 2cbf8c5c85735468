"""Demo data of mentoring: one programme per instansi, set up by its HR, with supervisors mentoring direct reports,
sessions logged through the services (so JP, evidence and history are real): most confirmed, one disputed, and one
waiting for the mentee. In Gorontalo `atasan.gorontalo` mentors `pegawai.gorontalo`, whose latest session waits for
confirmation (the browser journey). Idempotent: an instansi that has a programme is left alone."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from portal import roles
from portal.demo import register_demo_step
from portal.models import Instansi, Pegawai
from portal.services import notifications_muted

from ..models import Competency
from . import services
from .models import MentoringProgramme

PROGRAMME = "Program Mentoring Pengembangan Kompetensi {year}"
TARGETS = [("M.06", 3), ("M.03", 3)]  # Pengembangan Diri dan Orang Lain, Komunikasi
GOALS = (
    "Mentee mampu menyusun rencana kerja bidang secara mandiri, memimpin rapat koordinasi kecil, dan "
    "menyampaikan laporan kegiatan dengan jelas kepada pimpinan."
)
TOPICS = [
    ("Menyusun rencana kerja triwulan dan prioritas kegiatan.", "Mentee menyusun draf rencana kerja triwulan."),
    ("Teknik memimpin rapat koordinasi yang singkat dan efektif.", "Mentee memimpin rapat mingguan seksi."),
    ("Menulis nota dinas dan laporan singkat untuk pimpinan.", "Mentee menyusun laporan kegiatan bulan ini."),
    ("Umpan balik atas laporan kegiatan dan rencana tindak lanjut.", "Mentee memperbaiki laporan sesuai masukan."),
]


def _hr_user(instansi):
    hr = (
        Pegawai.objects.filter(instansi=instansi, is_active=True, user__groups__name=roles.ADMIN_SDM)
        .select_related("user")
        .order_by("nip")
        .first()
    )
    return hr.user if hr else get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


def _pairs_for(instansi):
    """(mentor, mentee) of the demo: the journey pair in Gorontalo, and two supervisors with one report each."""
    people = Pegawai.objects.filter(instansi=instansi, is_active=True).select_related("user", "atasan__user")
    chosen, used = [], set()
    if instansi.slug == "gorontalo":
        mentor = people.filter(user__username="atasan.gorontalo").first()
        mentee = people.filter(user__username="pegawai.gorontalo").first()
        if mentor and mentee:
            chosen.append((mentor, mentee))
            used |= {mentor.pk, mentee.pk}
    reports = people.filter(atasan__isnull=False, atasan__is_active=True).exclude(user__username__startswith="pegawai.")
    for report in reports.order_by("nip"):
        if len(chosen) >= 3:
            break
        if report.pk in used or report.atasan_id in used:
            continue
        chosen.append((report.atasan, report))
        used |= {report.pk, report.atasan_id}
    return chosen


def load_instansi(instansi, today):
    year = today.year
    if MentoringProgramme.objects.filter(instansi=instansi).exists():
        return
    actor = _hr_user(instansi)
    if actor is None:
        return
    programme = MentoringProgramme(
        instansi=instansi, name=PROGRAMME.format(year=year), start_date=today - timedelta(days=120),
        end_date=today + timedelta(days=150),
        description="Pendampingan pegawai oleh atasan langsung untuk menutup kesenjangan kompetensi manajerial.",
    )  # fmt: skip
    if actor.is_superuser:
        programme.instansi_id, programme.created_by = instansi.pk, actor
        programme.save()
    else:
        services.save_programme(actor=actor, programme=programme)
    targets = [
        (competency, level)
        for code, level in TARGETS
        if (competency := Competency.objects.filter(instansi__isnull=True, code=code).first()) is not None
    ]
    pairs = _pairs_for(instansi)
    for index, (mentor, mentee) in enumerate(pairs):
        pair = services.pair_up(
            actor=actor, programme=programme, mentor=mentor, mentee=mentee, goals=GOALS, targets=targets
        )
        journey = mentee.user.username.startswith("pegawai.")
        # sessions every three weeks, oldest first: two in one month make the monthly cap visible
        days_ago = [75, 60, 40, 8] if not journey else [50, 30, 2]
        for n, ago in enumerate(days_ago):
            topic, action = TOPICS[n % len(TOPICS)]
            session = services.log_session(
                actor=mentor.user, pair=pair, held_on=today - timedelta(days=ago), duration_minutes=90,
                topics=topic, actions=action,
            )  # fmt: skip
            last = n == len(days_ago) - 1
            if last:
                continue  # waits for the mentee
            if index == len(pairs) - 1 and not journey and n == 1:  # the last pair shows a dispute
                services.dispute_session(
                    actor=mentee.user,
                    session=session,
                    reason="Tanggal sesi tidak sesuai; sesi dilakukan sehari kemudian.",
                )
            else:
                services.confirm_session(actor=mentee.user, session=session)


@register_demo_step("kompetensi-mentoring", order=45)
def load_mentoring(stdout=None):
    today = timezone.localdate()
    with notifications_muted():
        for instansi in Instansi.objects.order_by("pk"):
            with transaction.atomic():
                load_instansi(instansi, today)
