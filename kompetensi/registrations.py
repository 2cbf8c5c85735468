"""What the training module adds to the platform's registries (found by `portal.registry.discover`)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from portal import roles
from portal.api_enums import api_enums
from portal.beat import register_beat
from portal.importing.registry import register_import
from portal.navigation import register_nav
from portal.onboarding import onboarding_steps
from portal.search_types import register_search_type

from . import page_contexts, panels, profile  # noqa: F401  (page contexts, panel and profile section register themselves)
from .models import CoursePage, TrainingCatalogPage
from .resources import RESULT_COLUMNS, TrainingResultResource
from .services import ensure_catalogue_editors

roles.register(
    "kompetensi",
    {
        roles.PENYELENGGARA: roles.Needs(
            permissions=["kompetensi.change_enrolment", "kompetensi.view_enrolment"], per_instansi=True
        ),
        roles.ADMIN_SDM: roles.Needs(
            permissions=[
                "kompetensi.view_bentukpengembangan",
                "kompetensi.add_konversijp",
                "kompetensi.change_konversijp",
                "kompetensi.view_konversijp",
                "kompetensi.add_targetjp",
                "kompetensi.change_targetjp",
                "kompetensi.view_targetjp",
            ]
        ),  # fmt: skip
    },
)

api_enums.add("EnrolmentStatusEnum", "kompetensi.models.training.Enrolment.Status")

register_nav("kompetensi", "kompetensi/nav.html", order=20)

register_search_type("pelatihan", CoursePage, _("Pelatihan"), order=50)

register_import(
    "hasil_pelatihan", TrainingResultResource, _("Hasil pelatihan"), "kompetensi.change_enrolment", RESULT_COLUMNS,
    help_text=_("Unduh daftar peserta dari halaman angkatan, isi kolom hasil (lulus/tidak) dan nilai, lalu unggah."),
    order=50,
)  # fmt: skip

# 01:00 UTC = 08:00 WIB / 09:00 WITA / 10:00 WIT: the day-before reminders arrive in office hours
register_beat("kompetensi-session-reminders", "kompetensi.tasks.send_session_reminders", crontab(hour=1, minute=0))


@onboarding_steps.register("catalogue_editors", order=40)
def give_catalogue_editors(*, instansi, actor=None):
    for catalog in TrainingCatalogPage.objects.filter(instansi=instansi):
        ensure_catalogue_editors(catalog)
