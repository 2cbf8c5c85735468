"""What the peer feedback package adds to the platform's registries (imported by kinerja/registrations.py)."""

from portal.navigation import register_nav, register_nav_badge

from . import menu, notice_kinds, sections  # noqa: F401  (they register themselves)

register_nav("kinerja-peer", "kinerja/peer/nav.html", order=27, group="perform")
register_nav_badge("kinerja-peer-pending", menu.pending_badge)
