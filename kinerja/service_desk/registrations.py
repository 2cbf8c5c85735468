"""What the HR service desk adds to the platform's registries (imported by kinerja/registrations.py)."""

from portal import roles
from portal.navigation import register_nav, register_nav_badge

from . import (
    charts,  # noqa: F401  (the SLA chart of the HR dashboard registers itself)
    menu,
    notice_kinds,  # noqa: F401  (the notification wording registers itself)
    profile,  # noqa: F401  (the profile section registers itself)
)

register_nav("kinerja-service-desk", "kinerja/service_desk/nav.html", order=29, group="perform")
register_nav("kinerja-service-desk-manage", "kinerja/service_desk/nav_manage.html", order=35, group="manage")
register_nav_badge(menu.WAITING_BADGE, menu.waiting_badge)
register_nav_badge(menu.NEW_BADGE, menu.new_badge)

# the request types are a rule table HR may override and extend for their instansi in the admin
roles.register(
    "kinerja.service_desk",
    {
        roles.ADMIN_SDM: roles.Needs(
            permissions=[f"kinerja.{action}_requesttype" for action in ("add", "change", "delete", "view")]
        )
    },
)
