"""The "Progres hari ini" panel of the home dashboard: how many entries today, and the way to the log."""

from django.utils import timezone

from portal.dashboard import register_panel
from portal.scoping import pegawai_of

from . import queries


@register_panel("kinerja-progress", "kinerja/panels/progress.html", order=13)
def progress_panel(request):
    me = pegawai_of(request.user)
    if me is None:
        return None
    return {"count": queries.today_count(me), "today": timezone.localdate()}
