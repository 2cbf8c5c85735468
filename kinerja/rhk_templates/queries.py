"""Reads of RHK templates: HR's list of their instansi (filtered by jabatan, searched, a fixed number of queries),
one template of the instansi, and the active templates of an employee's jabatan as the plan an SKP starts from."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from portal.models import Jabatan

from ..skp.start_sources import PlannedIki, PlannedRhk
from .models import RhkTemplate, RhkTemplateIki

STATUSES = ("aktif", "nonaktif")
# "utama" sorts after "tambahan" by name; a plan reads RHK utama first
UTAMA_FIRST = ("-kind", "order", "pk")


def _with_iki(queryset):
    return queryset.select_related("jabatan").prefetch_related(
        Prefetch("iki", queryset=RhkTemplateIki.objects.order_by("order", "pk"))
    )


def templates_of(instansi_id, *, jabatan_id=None, search="", status=""):
    """The instansi's templates by jabatan, kind and order, each with its IKI (two queries for a page)."""
    found = RhkTemplate.objects.filter(instansi_id=instansi_id)
    if jabatan_id:
        found = found.filter(jabatan_id=jabatan_id)
    if status in STATUSES:
        found = found.filter(is_active=status == "aktif")
    search = search.strip()
    if search:
        in_iki = RhkTemplateIki.objects.filter(template=OuterRef("pk"), text__icontains=search)
        found = found.filter(Q(text__icontains=search) | Q(jabatan__name__icontains=search) | Exists(in_iki))
    return _with_iki(found).order_by("jabatan__name", "jabatan_id", *UTAMA_FIRST)


def template_of(instansi_id, pk):
    """One template of the instansi with its IKI, or None (another instansi's is not found)."""
    return _with_iki(RhkTemplate.objects.filter(instansi_id=instansi_id, pk=pk)).select_related("instansi").first()


def jabatan_of(instansi_id):
    """The instansi's jabatan with how many active templates each has (one query)."""
    return (
        Jabatan.objects.filter(instansi_id=instansi_id)
        .annotate(active_templates=Count("rhk_templates", filter=Q(rhk_templates__is_active=True)))
        .order_by("name", "pk")
    )


def _active_for(pegawai):
    if pegawai.jabatan_id is None:
        return RhkTemplate.objects.none()
    return RhkTemplate.objects.filter(instansi_id=pegawai.instansi_id, jabatan_id=pegawai.jabatan_id, is_active=True)


def active_count(pegawai) -> int:
    return _active_for(pegawai).count() if pegawai.jabatan_id else 0


def plan_for(pegawai) -> list[PlannedRhk]:
    """The active templates of the employee's jabatan as RHK to write into a new SKP (two queries)."""
    return [
        PlannedRhk(
            kind=template.kind, text=template.text, perspektif=template.perspektif,
            iki=tuple(PlannedIki(iki.text, iki.aspek, iki.target) for iki in template.iki.all()),
        )
        for template in _with_iki(_active_for(pegawai)).order_by(*UTAMA_FIRST)
    ]  # fmt: skip
