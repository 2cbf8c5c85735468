"""What the progress package adds to the platform's registries (imported by kinerja/registrations.py)."""

from portal.navigation import register_nav

from . import notice_kinds, panels, sections  # noqa: F401  (they register themselves)

register_nav("kinerja-progress", "kinerja/progress/nav.html", order=26, group="perform")
