"""Reads of career decisions, each a constant number of queries: the instansi's list with its filters and counts,
the decisions about me, a decision's page, and the candidates for a reward."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from portal.models import Pegawai

from ..evaluation.models import Evaluation
from ..evaluation.queries import latest_final_year
from .models import CareerDecision

Status = CareerDecision.Status


def for_instansi(instansi_id, *, status="", kind="", search=""):
    decisions = CareerDecision.objects.filter(instansi_id=instansi_id).select_related("pegawai__unit")
    if status in Status.values:
        decisions = decisions.filter(status=status)
    if kind in CareerDecision.Kind.values:
        decisions = decisions.filter(kind=kind)
    search = (search or "").strip()
    if search:
        decisions = decisions.filter(
            Q(pegawai__nama__icontains=search) | Q(pegawai__nip__startswith=search) | Q(title__icontains=search)
        )
    return decisions.order_by("-status_changed_at", "-pk")


def counts(instansi_id) -> dict:
    rows = CareerDecision.objects.filter(instansi_id=instansi_id).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def about(pegawai):
    """The decisions taken about an employee (decided ones only: drafts and proposals are HR's work in progress)."""
    return (
        CareerDecision.objects.filter(pegawai=pegawai, status__in=[Status.APPROVED, Status.REJECTED])
        .select_related("pegawai")
        .order_by("-status_changed_at", "-pk")
    )


def decision_page(pk):
    return (
        CareerDecision.objects.select_related(
            "pegawai__unit", "pegawai__jabatan", "pegawai__pangkat", "pegawai__user", "created_by", "proposed_by",
            "decided_by",
        )
        .filter(pk=pk)
        .first()
    )  # fmt: skip


def history(decision):
    return decision.history.select_related("actor").order_by("at", "pk")


def find_pegawai(instansi_id, nip):
    return (
        Pegawai.objects.active()
        .filter(instansi_id=instansi_id, nip=(nip or "").strip())
        .select_related("unit", "jabatan", "pangkat", "user")
        .first()
    )


def reward_candidates(instansi_id, year=None):
    """Active employees whose final annual predikat of `year` (default: the latest final year) is Sangat Baik, or
    who sit in the top box of the 9-box (kinerja above expectations, high potential, whatever its number in the
    instansi's numbering); each marked with why, and whether a reward has been drafted, proposed or approved for
    them since that year. One query."""
    year = year or latest_final_year(instansi_id) or timezone.localdate().year - 1
    top_rated = Evaluation.objects.filter(
        skp__pegawai=OuterRef("pk"), kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED,
        skp__period__year=year, predikat="SANGAT_BAIK",
    )  # fmt: skip
    rewarded = CareerDecision.objects.filter(
        pegawai=OuterRef("pk"), kind=CareerDecision.Kind.REWARD,
        status__in=[Status.DRAFT, Status.PROPOSED, Status.APPROVED], created_at__year__gte=year,
    )  # fmt: skip
    top_box = Q(talent_placement__kinerja="DI_ATAS", talent_placement__potensial="TINGGI")
    people = (
        Pegawai.objects.active()
        .filter(instansi_id=instansi_id)
        .annotate(sangat_baik=Exists(top_rated), top_box=Exists(Pegawai.objects.filter(top_box, pk=OuterRef("pk"))),
                  has_reward=Exists(rewarded))
        .filter(Q(sangat_baik=True) | Q(top_box=True))
        .select_related("unit", "jabatan")
        .order_by("nama", "pk")
    )  # fmt: skip
    return year, list(people)
