"""What talent management adds to the platform's registries (imported by kinerja/registrations.py).

The nightly placement is its own beat entry rather than a step of the promotion-eligibility job: career must not
import talent (talent reads career's neighbours, not the other way round), the two computations share no data, and
apart they fail, retry and show in the worker's log on their own."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from portal import roles
from portal.beat import register_beat
from portal.importing.registry import register_import
from portal.navigation import register_nav

from . import (
    charts,  # noqa: F401  (the 9-box chart of the HR dashboard registers itself)
    notice_kinds,  # noqa: F401  (the notification wording registers itself)
    profile,  # noqa: F401  (the profile section registers itself)
)
from .resources import COLUMNS, PotentialAssessmentResource

register_nav("kinerja-talent-manage", "kinerja/talent/nav_manage.html", order=35, group="manage")

# 18:30 UTC = 01:30 WIB / 02:30 WITA / 03:30 WIT: after the eligibility job, before the office day
register_beat("kinerja-talent-nightly", "kinerja.talent.tasks.recompute_talent", crontab(hour=18, minute=30))

register_import(
    "asesmen_potensi", PotentialAssessmentResource, _("Hasil asesmen potensi"), "kinerja.add_potentialassessment",
    COLUMNS,
    help_text=_(
        "Satu baris per hasil asesmen potensi: NIP (format Teks), tanggal asesmen, nilai 0-100, lembaga/asesor dan "
        "catatan. Baris dengan NIP dan tanggal yang sudah tercatat memperbaiki nilai itu. Kotak talenta pegawai "
        "dihitung ulang setelah impor."
    ),
    order=63,
)  # fmt: skip

# the 9-box and the thresholds are rule tables HR may override for their instansi in the admin; assessments are
# entered on the talent pages or imported
roles.register(
    "kinerja.talent",
    {
        roles.ADMIN_SDM: roles.Needs(
            permissions=[
                *(f"kinerja.{action}_{model}" for model in ("talentbox", "talentrule")
                  for action in ("add", "change", "delete", "view")),
                "kinerja.add_potentialassessment",
                "kinerja.view_potentialassessment",
            ]
        )
    },
)  # fmt: skip
