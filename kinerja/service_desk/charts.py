"""The service desk on the HR dashboard: per request type, the share closed within its SLA in working days (the
service desk's report holds the times, the survey and the downloads)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.models import Instansi

from ..dashboards.registry import Chart, Table, register_chart
from . import queries, report


def sla(context):
    instansi = Instansi.objects.get(pk=context.instansi_id)
    rows = [row for row in report.build(instansi, context.year, queries.today_in(instansi)) if row.count]
    if not rows:
        return None
    return Table(
        headers=[_("Jenis layanan"), _("Selesai tepat waktu (%)"), _("Permohonan"), _("SLA (hari kerja)"),
                 _("Median penyelesaian (hari kerja)"), _("Rata-rata kepuasan")],
        rows=[[row.name, row.on_time_percent or 0, row.count, row.sla_days, row.median_closing, row.mean_rating]
              for row in rows],
        series=(1,), percent=True,
        note=_("Permohonan layanan SDM tahun %(year)s.") % {"year": context.year},
    )  # fmt: skip


register_chart(
    Chart(
        "layanan-sla",
        gettext_lazy("Layanan SDM: ketepatan waktu"),
        sla,
        link=lambda c: reverse("kinerja:service_report"),
    ),
    order=65,
)
