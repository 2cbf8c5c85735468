"""What career development adds to the platform's registries (imported by kinerja/registrations.py)."""

from celery.schedules import crontab

from portal import roles
from portal.beat import register_beat
from portal.navigation import register_nav

from . import (
    notice_kinds,  # noqa: F401  (the notification wording registers itself)
    profile,  # noqa: F401  (the profile section registers itself)
)

register_nav("kinerja-career-manage", "kinerja/career/nav_manage.html", order=34, group="manage")

# 18:00 UTC = 01:00 WIB / 02:00 WITA / 03:00 WIT: the night before the office day
register_beat("kinerja-eligibility-nightly", "kinerja.career.tasks.recompute_eligibility", crontab(hour=18, minute=0))

# the promotion rules are rule tables HR may override for their instansi in the admin
roles.register(
    "kinerja.career",
    {
        roles.ADMIN_SDM: roles.Needs(
            permissions=[
                f"kinerja.{action}_{model}"
                for model in ("promotionrule", "educationcap", "angkakreditrule")
                for action in ("add", "change", "delete", "view")
            ]
        )
    },
)
