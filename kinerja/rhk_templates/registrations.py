"""What RHK templates add to the platform's registries (imported by kinerja/registrations.py): HR's "Kelola" menu
entry, and the starting point of a new SKP from the active templates of the employee's jabatan. The SKP package
reads templates only through that registry, so it never imports this package (which reads SKP's choices)."""

from django.utils.translation import gettext as _

from portal.navigation import register_nav

from ..skp.start_sources import StartSource, register_source
from . import queries

register_nav("kinerja-rhk-templates-manage", "kinerja/rhk_templates/nav_manage.html", order=31, group="manage")

register_source(
    "rhk_templates",
    StartSource(
        label=lambda n: _("Dari templat RHK jabatan (%(n)s RHK)") % {"n": n},
        count=queries.active_count,
        plan=queries.plan_for,
        empty_message=lambda: _("Belum ada templat RHK aktif untuk jabatan Anda; pilih titik awal lain."),
    ),
    order=10,
)
