"""What SKP adds to the platform's registries (imported by kinerja/registrations.py)."""

from portal.api_enums import api_enums
from portal.navigation import register_nav, register_nav_badge

from . import menu, notice_kinds, panels, team  # noqa: F401  (they register themselves)

api_enums.add("SkpStatusEnum", "kinerja.skp.models.Skp.Status")

register_nav("kinerja-skp", "kinerja/nav.html", order=25, group="perform")
register_nav("kinerja-skp-manage", "kinerja/nav_manage.html", order=30, group="manage")
register_nav_badge("kinerja-skp-pending", menu.pending_badge)
