"""Demo data of public feedback: a service point "Layanan Kenaikan Pangkat" on the Badan Kepegawaian of each demo
instansi, with 20 ratings given over the last weeks, some approved comments and two waiting for moderation.
Written through the services (as HR of the instansi, and as members of the public from distinct addresses); only
the dates are moved back afterwards, as if the ratings had come in over time. Idempotent: an instansi that has the
service point is left alone."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal import roles
from portal.demo import register_demo_step
from portal.models import Instansi, Pegawai, UnitKerja

from . import permissions, services
from .models import PublicFeedback, ServicePoint

NAME = "Layanan Kenaikan Pangkat"
# (stars, comment, moderation: "approve", "reject", None = waiting, "" = no comment)
RATINGS = [
    (5, "Petugas ramah dan berkas saya diperiksa saat itu juga. Terima kasih.", "approve"),
    (4, "Prosesnya jelas, hanya antrean agak lama di pagi hari.", "approve"),
    (5, "", ""),
    (5, "Informasi syarat kenaikan pangkat lengkap di loket dan di papan pengumuman.", "approve"),
    (3, "", ""),
    (4, "", ""),
    (5, "", ""),
    (2, "Saya harus datang dua kali karena ada berkas yang kurang, padahal tidak diberi tahu sebelumnya.", "approve"),
    (4, "", ""),
    (5, "", ""),
    (4, "Mohon ditambah kursi di ruang tunggu.", "approve"),
    (5, "", ""),
    (3, "", ""),
    (4, "", ""),
    (5, "", ""),
    (1, "jual pulsa murah hubungi 0812xxxx", "reject"),
    (4, "", ""),
    (5, "", ""),
    (4, "Pelayanan cepat, tapi nomor WhatsApp layanan tidak pernah dibalas.", None),
    (5, "Terima kasih Bapak/Ibu petugas, SK saya sudah terbit tepat waktu.", None),
]


def _hr_user(instansi):
    """The first active employee of the instansi who acts as its Admin SDM."""
    candidates = (
        Pegawai.objects.filter(instansi=instansi, is_active=True, user__groups__name__startswith=roles.ADMIN_SDM)
        .select_related("user")
        .order_by("pk")
        .distinct()
    )
    return next((p.user for p in candidates if permissions.can_manage(p.user, instansi.pk)), None)


def load_instansi(instansi, now):
    unit = UnitKerja.objects.filter(instansi=instansi, name__startswith="Badan Kepegawaian").order_by("code").first()
    actor = _hr_user(instansi)
    if unit is None or actor is None or ServicePoint.objects.filter(instansi=instansi, name=NAME).exists():
        return 0
    point = services.create_point(actor=actor, unit=unit, name=NAME)
    to_approve, to_reject = [], []
    for n, (stars, comment, decision) in enumerate(RATINGS):
        feedback = services.submit_feedback(point=point, rating=stars, comment=comment, client=f"demo-{point.pk}-{n}")
        # spread over the last 80 days, oldest first; the two waiting comments are the newest
        PublicFeedback.objects.filter(pk=feedback.pk).update(
            submitted_at=now - timedelta(days=4 * (len(RATINGS) - n - 1), hours=n % 7)
        )
        if decision == "approve":
            to_approve.append(feedback.pk)
        elif decision == "reject":
            to_reject.append(feedback.pk)
    services.moderate(actor=actor, instansi_id=instansi.pk, feedback_ids=to_approve, approve=True)
    services.moderate(actor=actor, instansi_id=instansi.pk, feedback_ids=to_reject, approve=False)
    return len(RATINGS)


@register_demo_step("kinerja-public-feedback", order=62)
def load_public_feedback(stdout=None):
    now = timezone.now()
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            made = load_instansi(instansi, now)
        if stdout and made:
            stdout.write(f"  {instansi.name}: {NAME} dengan {made} penilaian masyarakat")
