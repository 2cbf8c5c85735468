"""Demo data of the progress package, after the evaluation step: `pegawai.<instansi>` has progress entries for the
last working days of the window still being evaluated (or of today's approved SKP), one bukti dukung file, and a
dialog kinerja planned by their supervisor (`atasan.<instansi>`) with a note and two follow-ups. Written through the
services, so the rows are the ones the pages write. Idempotent: an employee who has progress entries is left alone."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from portal.demo import register_demo_step
from portal.models import Pegawai

from ..evaluation.models import Evaluation
from ..skp.models import Skp
from . import services
from .models import Dialog, ProgressEntry

WORK = [
    ("Memeriksa kelengkapan berkas usul kenaikan pangkat", 12),
    ("Menginput data usul ke aplikasi layanan kepegawaian", 9),
    ("Menyusun daftar berkas usul yang perlu dilengkapi dan mengirimkannya ke unit", None),
    ("Memverifikasi usul pensiun dan meneruskannya ke BKN", 4),
    ("Rekap usul layanan minggu ini untuk atasan", 1),
    ("Mengarsipkan berkas usul yang sudah selesai", 15),
]
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _target(pegawai, today):
    """(skp, window) to log against: the approved SKP part with a window whose evaluation is still open, else the
    approved part covering today with today's window."""
    open_evaluation = (
        Evaluation.objects.filter(skp__pegawai=pegawai, skp__status=Skp.Status.APPROVED, kind="periodic")
        .exclude(status=Evaluation.Status.FINALISED)
        .select_related("skp", "window")
        .order_by("-window__ends_on")
        .first()
    )
    if open_evaluation is not None:
        return open_evaluation.skp, open_evaluation.window
    skp = Skp.objects.filter(
        pegawai=pegawai, status=Skp.Status.APPROVED, valid_from__lte=today, valid_to__gte=today
    ).first()
    if skp is None:
        return None, None
    window = skp.period.windows.filter(starts_on__lte=today, ends_on__gte=today).first()
    return skp, window


def _working_days(last, count):
    days, day = [], last
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days


def load_pegawai(pegawai, today):
    if ProgressEntry.objects.filter(pegawai=pegawai).exists():
        return 0
    skp, window = _target(pegawai, today)
    if skp is None or window is None:
        return 0
    rhk = skp.rhk.order_by("kind", "order", "pk").first()
    if rhk is None:
        return 0
    last = min(today, window.ends_on, skp.valid_to)
    user = pegawai.user
    made = 0
    for n, day in enumerate(sorted(_working_days(last, len(WORK)))):
        text, quantity = WORK[n]
        services.record_progress(actor=user, rhk=rhk, day=day, text=text, quantity=quantity)
        made += 1
    services.add_evidence(
        actor=user, rhk=rhk, window=window, title=f"Rekap berkas usul layanan {window.label}",
        file=ContentFile(PDF, name="rekap-usul.pdf"),
    )  # fmt: skip
    supervisor = pegawai.atasan
    if supervisor is not None and supervisor.is_active and not Dialog.objects.filter(pegawai=pegawai).exists():
        dialog = services.plan_dialog(
            actor=supervisor.user, pegawai=pegawai, planned_on=today + timedelta(days=3),
            agenda="Membahas kemajuan RHK triwulan ini, kendala berkas usul yang belum lengkap, dan rencana "
            "pelatihan layanan kepegawaian.",
        )  # fmt: skip
        services.add_note(actor=supervisor.user, dialog=dialog,
                          text="Mohon bawa rekap berkas usul yang masih tertunda.")  # fmt: skip
        done = services.add_follow_up(actor=supervisor.user, dialog=dialog, text="Kirim rekap usul tertunda ke atasan")
        services.set_follow_up_done(actor=user, follow_up=done, done=True)
        services.add_follow_up(actor=user, dialog=dialog, text="Daftar pelatihan layanan kepegawaian triwulan depan")
    return made


@register_demo_step("kinerja-progress", order=60)
def load_progress(stdout=None):
    today = timezone.localdate()
    for pegawai in Pegawai.objects.filter(user__username__startswith="pegawai.").select_related("user", "atasan"):
        with transaction.atomic():
            made = load_pegawai(pegawai, today)
        if stdout and made:
            stdout.write(f"  {pegawai.nama}: {made} progres harian, bukti dukung dan dialog kinerja")
