"""Tim saya, column "Bacaan wajib": required reading each report has not confirmed yet, and how much is overdue."""

from collections import Counter

from django.db.models import Exists
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.team import TeamCell, register_team_column

from .models import ReadingRequirement
from .queries import _acknowledged, audience_pegawai


def reading_cells(reports):
    ids = [p.pk for p in reports]
    if not ids:
        return {}
    today = timezone.localdate()
    requirements = ReadingRequirement.objects.filter(
        active=True, instansi_id__in={p.instansi_id for p in reports}, page__live=True
    ).select_related("page")
    still_open, overdue = Counter(), Counter()
    # one query per active requirement (a handful per instansi), whatever the size of the team
    for requirement in requirements:
        pending = (
            audience_pegawai(requirement.page, requirement)
            .filter(pk__in=ids)
            .exclude(Exists(_acknowledged(requirement)))
            .values_list("pk", flat=True)
        )
        for pk in pending:
            still_open[pk] += 1
            if requirement.deadline and requirement.deadline < today:
                overdue[pk] += 1
    cells = {}
    for pk in ids:
        if overdue[pk]:
            text = _("%(n)s lewat batas") % {"n": overdue[pk]}
            cells[pk] = TeamCell(text, "error", reminder=_("%(n)s bacaan wajib lewat batas waktu") % {"n": overdue[pk]})
        elif still_open[pk]:
            text = _("%(n)s belum dikonfirmasi") % {"n": still_open[pk]}
            cells[pk] = TeamCell(
                text, "warn", reminder=_("%(n)s bacaan wajib belum dikonfirmasi") % {"n": still_open[pk]}
            )
        else:
            cells[pk] = TeamCell(_("Lengkap"), "ok")
    return cells


register_team_column("home-reading", gettext_lazy("Bacaan wajib"), reading_cells, order=20)
