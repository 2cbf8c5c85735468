"""The training module's home-dashboard panel, registered into the portal's registry."""

from django.utils import timezone

from portal.dashboard import register_panel
from portal.scoping import pegawai_of

from . import queries
from .models import TrainingCatalogPage


@register_panel("kompetensi-jp", "kompetensi/panels/jp.html", order=30)
def jp_panel(request):
    me = pegawai_of(request.user)
    if me is None:
        return None
    catalog = TrainingCatalogPage.objects.live().filter(instansi_id=me.instansi_id).first()
    return {
        "summary": queries.jp_summary(me, timezone.localdate().year),
        "upcoming": queries.upcoming_for(me),
        "catalog_url": catalog.url if catalog else "",
    }
