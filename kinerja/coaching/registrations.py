"""What coaching plans add to the platform's registries (imported by kinerja/registrations.py)."""

from celery.schedules import crontab

from portal.beat import register_beat
from portal.navigation import register_nav

from . import (
    notice_kinds,  # noqa: F401  (the notification wording registers itself)
    profile,  # noqa: F401  (the profile section registers itself)
    team,  # noqa: F401  (the "Tim saya" column registers itself)
)

register_nav("kinerja-coaching-manage", "kinerja/coaching/nav_manage.html", order=35, group="manage")

# 18:30 UTC: the night before the office day in every time zone, after the eligibility run
register_beat("kinerja-coaching-nightly", "kinerja.coaching.tasks.sweep_low_results", crontab(hour=18, minute=30))
