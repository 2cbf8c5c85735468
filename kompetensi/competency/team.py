"""Tim saya, column "Kompetensi": each report's job-person match band and the claims waiting for the supervisor,
filled for the whole team in a constant number of queries."""

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.team import TeamCell, register_team_column

from . import queries
from .display import band_tone


def competency_cells(reports):
    if not reports:
        return {}
    profiles = queries.profiles_of(reports)
    waiting = queries.waiting_counts(reports)
    queue = reverse("kompetensi:competency_reviews")
    cells = {}
    for pegawai in reports:
        profile = profiles[pegawai.pk]
        if profile.band is not None:
            text = _("%(band)s (%(percent)s %%)") % {
                "band": profile.band.name,
                "percent": number_format(profile.match_percent, 2),
            }
        else:
            text = _("Belum ada standar")
        if waiting[pegawai.pk]:
            text += " · " + _("%(n)s klaim menunggu Anda") % {"n": waiting[pegawai.pk]}
            cells[pegawai.pk] = TeamCell(text, "warn", url=queue)
        else:
            url = reverse("kompetensi:employee_competency", args=[pegawai.pk])
            cells[pegawai.pk] = TeamCell(text, band_tone(profile.band) if profile.band else "", url=url)
    return cells


register_team_column("kompetensi-competency", gettext_lazy("Kompetensi"), competency_cells, order=45)
