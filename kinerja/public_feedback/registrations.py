"""What public feedback adds to the platform's registries (imported by kinerja/registrations.py)."""

from portal.navigation import register_nav

from . import sections  # noqa: F401  (registers itself)

register_nav("kinerja-public-feedback-manage", "kinerja/public_feedback/nav_manage.html", order=34, group="manage")
