"""The home dashboard's "Rekomendasi untuk Anda": open sessions whose course targets my largest gaps."""

from portal.dashboard import register_panel
from portal.frame import remember
from portal.scoping import pegawai_of

from ..models import TrainingCatalogPage
from . import queries

PANEL_SIZE = 3


@register_panel("kompetensi-recommendations", "kompetensi/insight/panel.html", order=32)
def recommendations_panel(request):
    """Shown to an employee with a gap; the few sessions that close the largest, each with its enrol button."""
    me = pegawai_of(request.user)
    if me is None:
        return None
    gaps = queries.my_gaps(me)
    if not gaps:
        return None
    found = queries.recommendations(request.user, limit=PANEL_SIZE, one_per_course=True, gaps=gaps)

    def catalog_url():
        catalog = TrainingCatalogPage.objects.live().filter(instansi_id=me.instansi_id).first()
        return catalog.url if catalog else ""

    # the same kept value as the JP panel's link
    return {
        "recommendations": found,
        "gaps": gaps[:3],
        "catalog_url": remember(request.user, "training_catalog_url", catalog_url),
    }
