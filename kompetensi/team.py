"""Tim saya, columns "JP tahun ini" (against each report's target) and "Permintaan" (what waits for the supervisor)."""

from collections import Counter

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import rule_tables
from portal.team import TeamCell, register_team_column

from . import rules
from .models import Enrolment, ExternalLearning, JPEntry, TargetJP


def jp_cells(reports):
    if not reports:
        return {}
    year = timezone.localdate().year
    totals = dict(
        JPEntry.objects.filter(pegawai__in=reports, year=year)
        .values("pegawai_id")
        .annotate(total=Sum("jp"))
        .values_list("pegawai_id", "total")
    )
    targets = {instansi: rule_tables.rules_for(TargetJP, instansi) for instansi in {p.instansi_id for p in reports}}
    cells = {}
    for pegawai in reports:
        rule = targets[pegawai.instansi_id].get((pegawai.status,))
        target = rule.target if rule else rules.DEFAULT_JP_TARGETS[pegawai.status]
        jp = totals.get(pegawai.pk, 0)
        text = _("%(jp)s / %(target)s JP") % {"jp": jp, "target": target}
        if jp >= target:
            cells[pegawai.pk] = TeamCell(text, "ok")
        else:
            reminder = _("JP %(year)s baru %(jp)s dari target %(target)s") % {"year": year, "jp": jp, "target": target}
            cells[pegawai.pk] = TeamCell(text, "warn", reminder=reminder)
    return cells


def request_cells(reports):
    if not reports:
        return {}
    waiting = Counter(
        Enrolment.objects.filter(pegawai__in=reports, status=Enrolment.Status.PENDING_APPROVAL).values_list(
            "pegawai_id", flat=True
        )
    )
    waiting.update(
        ExternalLearning.objects.filter(pegawai__in=reports, status=ExternalLearning.Status.SUBMITTED).values_list(
            "pegawai_id", flat=True
        )
    )
    url = reverse("kompetensi:approvals")
    return {
        p.pk: TeamCell(_("%(n)s menunggu Anda") % {"n": waiting[p.pk]}, "warn", url=url)
        if waiting[p.pk]
        else TeamCell("—")
        for p in reports
    }


register_team_column("kompetensi-jp", gettext_lazy("JP tahun ini"), jp_cells, order=30)
register_team_column("kompetensi-requests", gettext_lazy("Permintaan"), request_cells, order=40)
