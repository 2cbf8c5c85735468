"""What mentoring adds to the platform's registries (imported by `kompetensi.registrations`).

Mentors and mentees reach their page from the "Pengembangan" menu, a home-dashboard panel and their notifications;
the programmes of HR, leaders and supervisors sit in the "Kelola" menu."""

from portal.dashboard import register_panel
from portal.navigation import register_nav
from portal.scoping import pegawai_of

from . import (
    notice_kinds,  # noqa: F401  (registers itself)
    queries,
)

register_nav("kompetensi-mentoring", "kompetensi/mentoring/nav_develop.html", order=30, group="develop")
register_nav("kompetensi-mentoring-manage", "kompetensi/mentoring/nav_manage.html", order=25, group="manage")


@register_panel("kompetensi-mentoring", "kompetensi/mentoring/panel.html", order=18)
def mentoring_panel(request):
    """For mentors and mentees only (a frame-cached flag, so nobody else pays a query): what waits for them."""
    if not queries.takes_part(request.user):
        return None
    return queries.panel_figures(pegawai_of(request.user))
