"""What lateness adds to the platform's registries and to the approval queue (imported by kinerja/registrations.py)."""

from portal.navigation import register_nav

from ..skp.queue_sections import QueueSection, register_queue_section
from . import notice_kinds, panels, sections  # noqa: F401  (they register themselves)

register_nav("kinerja-compliance-manage", "kinerja/compliance/nav_manage.html", order=33, group="manage")
register_queue_section(
    "kinerja-escalation", QueueSection("kinerja/compliance/queue_section.html", sections.escalation_section)
)
