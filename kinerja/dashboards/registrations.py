"""The dashboard's charts and menu entry (imported by kinerja/registrations.py)."""

from portal.navigation import register_nav

from . import charts  # noqa: F401  (the built-in charts register themselves)

register_nav("kinerja-dashboard-manage", "kinerja/dashboards/nav_manage.html", order=8, group="manage")
