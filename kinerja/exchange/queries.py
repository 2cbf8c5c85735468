"""Reads of the exchange page and its exports, each scoped to one instansi and one query whatever its size."""

from django.db.models import Count, Q

from kompetensi.models import JPEntry

from ..career.models import ImportedAnnualResult
from ..evaluation.models import Evaluation
from ..skp.models import Iki, PerformancePeriod


def periods(instansi_id):
    """The instansi's performance periods, newest first, with how many SKP and final annual results each holds."""
    return (
        PerformancePeriod.objects.filter(instansi_id=instansi_id)
        .annotate(
            skp_count=Count("skp", distinct=True),
            final_count=Count(
                "skp__evaluations",
                filter=Q(
                    skp__evaluations__kind=Evaluation.Kind.ANNUAL, skp__evaluations__status=Evaluation.Status.FINALISED
                ),
                distinct=True,
            ),  # fmt: skip
        )
        .order_by("-year")
    )


def annual_results(period):
    """Every annual evaluation of the period's SKP (final or not: the export says which), with the employee, the
    pejabat penilai and their own superior (the Atasan Pejabat Penilai) read in the same query."""
    return (
        Evaluation.objects.filter(kind=Evaluation.Kind.ANNUAL, skp__period=period)
        .select_related(
            "skp__period",
            "skp__pegawai",
            "skp__evaluator__unit",
            "skp__evaluator__atasan__jabatan",
            "skp__evaluator__atasan__unit",
        )  # fmt: skip
        .order_by("skp__pegawai__nama", "skp__pegawai__nip", "skp__valid_from", "pk")
    )


def plan(period):
    """Every IKI of the period's SKP with its RHK and the RHK of the pejabat penilai it intervenes."""
    return (
        Iki.objects.filter(rhk__skp__period=period)
        .select_related("rhk__skp__period", "rhk__skp__pegawai", "rhk__intervened")
        .order_by(
            "rhk__skp__pegawai__nama",
            "rhk__skp__pegawai__nip",
            "rhk__skp__valid_from",
            "rhk__kind",
            "rhk__order",
            "rhk__pk",
            "order",
            "pk",
        )  # fmt: skip
    )


def training_history(instansi_id, year=None):
    """The JP ledger of the instansi's employees (completed courses, approved external learning, mentoring), with
    what each entry rests on, optionally of one year."""
    entries = JPEntry.objects.filter(pegawai__instansi_id=instansi_id)
    if year:
        entries = entries.filter(year=year)
    return entries.select_related(
        "pegawai", "enrolment__session__course__bentuk", "enrolment__session__instansi", "enrolment__certificate",
        "external__bentuk", "mentoring_session__pair__programme__instansi",
    ).order_by("pegawai__nama", "pegawai__nip", "day", "pk")  # fmt: skip


def training_years(instansi_id):
    return list(
        JPEntry.objects.filter(pegawai__instansi_id=instansi_id)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def imported_by_year(instansi_id):
    """[(year, number of employees)] of the results imported for the instansi, newest first."""
    return list(
        ImportedAnnualResult.objects.filter(pegawai__instansi_id=instansi_id)
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
        .values_list("year", "count")
    )
