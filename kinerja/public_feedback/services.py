"""Every change to public feedback: service points (HR), the public's rating and comment (no account), and
moderation (HR). Keyword-only, in a transaction, checking permission and state."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts import throttle

from . import permissions
from .models import PublicFeedback, ServicePoint


class RateLimited(ValidationError):
    """The client has sent as many ratings as the window allows."""


def _must_manage(actor, instansi_id):
    if not permissions.can_manage(actor, instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM instansi ini yang dapat mengelola umpan balik masyarakat."))


@transaction.atomic
def create_point(*, actor, unit, name: str, pegawai=None) -> ServicePoint:
    _must_manage(actor, unit.instansi_id)
    name = name.strip()
    if not name:
        raise ValidationError(_("Isi nama layanan."))
    if pegawai is not None and pegawai.instansi_id != unit.instansi_id:
        raise ValidationError(_("Pegawai harus berasal dari instansi yang sama dengan unit kerjanya."))
    return ServicePoint.objects.create(
        instansi_id=unit.instansi_id, unit=unit, pegawai=pegawai, name=name, created_by=actor
    )


@transaction.atomic
def set_point_active(*, actor, point: ServicePoint, active: bool) -> ServicePoint:
    """A closed service point keeps its results; its public link answers "tidak ditemukan"."""
    _must_manage(actor, point.instansi_id)
    if point.is_active != active:
        point.is_active = active
        point.save(update_fields=["is_active"])
    return point


def _limit_reached(point, client):
    window = settings.PUBLIC_FEEDBACK_WINDOW_SECONDS
    per_point = throttle(
        "public-feedback-point", f"{point.pk}:{client}", limit=settings.PUBLIC_FEEDBACK_LIMIT_PER_POINT, window=window
    )
    overall = throttle("public-feedback-client", client, limit=settings.PUBLIC_FEEDBACK_LIMIT_PER_CLIENT, window=window)
    return not (per_point and overall)


@transaction.atomic
def submit_feedback(*, point: ServicePoint, rating: int, comment: str = "", client: str) -> PublicFeedback:
    """A member of the public rates a service. `client` is the sender's address, used only to count submissions
    in the cache (as a digest) and never stored with the rating."""
    if not point.is_active:
        raise ValidationError(_("Layanan ini tidak lagi menerima umpan balik."))
    if rating not in (1, 2, 3, 4, 5):
        raise ValidationError(_("Pilih nilai 1 sampai 5 bintang."))
    if _limit_reached(point, client):
        raise RateLimited(
            _(
                "Anda sudah mengirim terlalu banyak penilaian dalam waktu singkat. Terima kasih; silakan coba lagi "
                "satu jam lagi."
            )
        )
    comment = comment.strip()
    return PublicFeedback.objects.create(
        point=point, rating=rating, comment=comment,
        comment_status=PublicFeedback.Comment.PENDING if comment else PublicFeedback.Comment.NONE,
    )  # fmt: skip


@transaction.atomic
def moderate(*, actor, instansi_id: int, feedback_ids, approve: bool) -> int:
    """Approve or reject the waiting comments among `feedback_ids` of the actor's instansi; answers how many were
    decided (ids of another instansi, or already decided, are left alone)."""
    _must_manage(actor, instansi_id)
    ids = [int(pk) for pk in feedback_ids]
    rows = PublicFeedback.objects.filter(
        pk__in=ids, point__instansi_id=instansi_id, comment_status=PublicFeedback.Comment.PENDING
    )
    status = PublicFeedback.Comment.APPROVED if approve else PublicFeedback.Comment.REJECTED
    return rows.update(comment_status=status, moderated_by=actor, moderated_at=timezone.now())
