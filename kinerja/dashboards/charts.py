"""The charts the dashboard starts with: predikat per unit and per year, JP compliance, competency match bands,
promotion eligibility of the next periods and required-reading completion. Each reads through its module's own
queries, scoped to the viewer, in a fixed number of queries."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.models import ReadingRequirement
from home.queries import acknowledgement_report
from kompetensi.insight.queries import band_distribution
from kompetensi.queries.compliance import compliance_by_unit

from ..career import queries as career_queries
from ..evaluation.models import Evaluation, Predikat
from .registry import Chart, Table, register_chart

YEARS = 3
PERIODS = 4
READINGS = 6


def _annual(context):
    return Evaluation.objects.filter(
        skp__pegawai__instansi_id=context.instansi_id, kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED
    )


def predikat_by_unit(context):
    rows = (
        _annual(context)
        .filter(skp__period__year=context.year)
        .values("skp__pegawai__unit__name", "predikat")
        .annotate(n=Count("skp__pegawai", distinct=True))
    )
    by_unit = {}
    for row in rows:
        by_unit.setdefault(row["skp__pegawai__unit__name"], {})[row["predikat"]] = row["n"]
    if not by_unit:
        return None
    return Table(
        headers=[_("Unit kerja"), *[str(label) for label in Predikat.labels], _("Jumlah")],
        rows=[
            [unit, *[counts.get(code, 0) for code in Predikat.values], sum(counts.values())]
            for unit, counts in sorted(by_unit.items())
        ],
        series=tuple(range(1, len(Predikat.values) + 1)),
        stacked=True,
        note=_("Predikat akhir evaluasi tahunan %(year)s, per unit kerja pegawai.") % {"year": context.year},
    )


def predikat_by_year(context):
    rows = (
        _annual(context)
        .filter(skp__period__year__gt=context.year - YEARS, skp__period__year__lte=context.year)
        .values("skp__period__year", "predikat")
        .annotate(n=Count("skp__pegawai", distinct=True))
    )
    by_year = {}
    for row in rows:
        by_year.setdefault(row["skp__period__year"], {})[row["predikat"]] = row["n"]
    if not by_year:
        return None

    def shares(counts):
        total = sum(counts.values())
        return [round(100 * counts.get(code, 0) / total) for code in Predikat.values]

    return Table(
        headers=[_("Tahun"), *[f"{label} (%)" for label in Predikat.labels], _("Pegawai")],
        rows=[[year, *shares(counts), sum(counts.values())] for year, counts in sorted(by_year.items())],
        series=tuple(range(1, len(Predikat.values) + 1)),
        stacked=True,
        percent=True,
    )


def jp_compliance(context):
    rows = compliance_by_unit(context.user, context.year)
    if not rows:
        return None
    return Table(
        headers=[_("Unit kerja"), _("Memenuhi target (%)"), _("Pegawai"), _("Memenuhi"), _("Di bawah target")],
        rows=[[r["unit__name"], r["percent"], r["total"], r["compliant"], r["below"]] for r in rows],
        series=(1,),
        percent=True,
        note=_("Pegawai yang mencapai target JP pengembangan kompetensi tahun %(year)s.") % {"year": context.year},
    )


def match_bands(context):
    units, bands = band_distribution(context.user)
    if not units:
        return None
    return Table(
        headers=[_("Unit kerja"), *[band.name for band in bands], _("Belum ada standar")],
        rows=[
            [unit.name, *[unit.distribution.counts.get(band.code, 0) for band in bands], unit.distribution.no_standard]
            for unit in units
        ],  # fmt: skip
        series=tuple(range(1, len(bands) + 1)),
        stacked=True,
    )


def eligibility(context):
    instansi_rules = career_queries.rules_of(context.instansi_id)
    days = instansi_rules.periods(career_queries.next_period(instansi_rules), PERIODS)
    table_rows = []
    for day in days:
        rows, _later = career_queries.eligibility_list(
            context.instansi_id, day, upcoming=0, instansi_rules=instansi_rules
        )
        eligible = sum(row.eligible for row in rows)
        table_rows.append([day.strftime("%d-%m-%Y"), eligible, len(rows) - eligible])
    return Table(
        headers=[_("Periode"), _("Memenuhi syarat"), _("Belum memenuhi")], rows=table_rows, series=(1,),
        note=_("PNS yang memenuhi syarat kenaikan pangkat reguler pada setiap periode."),
    )  # fmt: skip


def required_reading(context):
    requirements = (
        ReadingRequirement.objects.filter(active=True, instansi_id=context.instansi_id, page__live=True)
        .select_related("page")
        .order_by("-generation_since", "-pk")[:READINGS]
    )
    rows = []
    for requirement in requirements:
        report = acknowledgement_report(requirement)
        rows.append([requirement.page.title, report["percent"], report["total"], report["done"]])
    if not rows:
        return None
    return Table(
        headers=[_("Bacaan wajib"), _("Sudah dibaca (%)"), _("Sasaran"), _("Sudah")], rows=rows, series=(1,),
        percent=True,
    )  # fmt: skip


for order, chart in enumerate(
    [
        Chart(
            "predikat-unit",
            gettext_lazy("Distribusi predikat per unit"),
            predikat_by_unit,
            link=lambda c: reverse("kinerja:calibrations"),
        ),
        Chart("predikat-tahun", gettext_lazy("Distribusi predikat per tahun"), predikat_by_year),
        Chart(
            "jp", gettext_lazy("Kepatuhan JP per unit"), jp_compliance, link=lambda c: reverse("kompetensi:compliance")
        ),
        Chart(
            "kesesuaian",
            gettext_lazy("Kesesuaian kompetensi per unit"),
            match_bands,
            link=lambda c: reverse("kompetensi:insight:organisation"),
        ),
        Chart(
            "kenaikan-pangkat",
            gettext_lazy("Kelayakan kenaikan pangkat"),
            eligibility,
            link=lambda c: reverse("kinerja:promotion"),
        ),
        Chart("bacaan-wajib", gettext_lazy("Penyelesaian bacaan wajib"), required_reading),
    ]  # fmt: skip
):
    register_chart(chart, order=10 * (order + 1))
