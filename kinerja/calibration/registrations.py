"""What calibration adds to the platform's registries (imported by kinerja/registrations.py)."""

from portal import roles
from portal.navigation import register_nav

register_nav("kinerja-calibration-manage", "kinerja/calibration/nav_manage.html", order=32, group="manage")

# the predikat matrix and the distribution rules are rule tables HR may override for their instansi in the admin
roles.register(
    "kinerja.calibration",
    {
        roles.ADMIN_SDM: roles.Needs(
            permissions=[
                f"kinerja.{action}_{model}"
                for model in ("predikatcell", "distributionrule")
                for action in ("add", "change", "delete", "view")
            ]
        )
    },
)
