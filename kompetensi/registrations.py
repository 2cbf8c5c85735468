"""What the training module adds to the platform's registries (found by `portal.registry.discover`)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from portal import roles
from portal.api_enums import api_enums
from portal.beat import register_beat
from portal.importing.registry import register_import
from portal.navigation import register_nav, register_nav_badge
from portal.onboarding import onboarding_steps
from portal.search_types import register_search_type

from . import menu, notice_kinds, page_contexts, panels, profile, team  # noqa: F401  (they register themselves)
from .competency import notice_kinds as competency_notice_kinds  # noqa: F401
from .competency import profile as competency_profile  # noqa: F401
from .competency import resources as competency_resources
from .competency import team as competency_team  # noqa: F401
from .insight import registrations as insight_registrations  # noqa: F401
from .mentoring import registrations as mentoring_registrations  # noqa: F401
from .models import CoursePage, TrainingCatalogPage
from .plans import team as plan_team  # noqa: F401  (registers itself)
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

# the dictionary, the standards and the match bands in the admin (kompetensi.competency.admin)
roles.register(
    "kompetensi.competency",
    {
        roles.ADMIN_SDM: roles.Needs(
            permissions=[
                *(f"kompetensi.{action}_competency" for action in ("add", "change", "view")),
                *(f"kompetensi.{action}_jobstandard" for action in ("add", "change", "delete", "view")),
                *(f"kompetensi.{action}_matchband" for action in ("add", "change", "delete", "view")),
                "kompetensi.add_evidence",  # the assessment results import (each row through record_evidence)
            ]
        )
    },
)

api_enums.add("EnrolmentStatusEnum", "kompetensi.models.training.Enrolment.Status")

register_nav("kompetensi", "kompetensi/nav.html", order=20)
register_nav("kompetensi-develop", "kompetensi/nav_develop.html", order=20, group="develop")
register_nav("kompetensi-manage", "kompetensi/nav_manage.html", order=20, group="manage")
register_nav_badge("kompetensi-approvals", menu.pending_badge)

register_search_type("pelatihan", CoursePage, _("Pelatihan"), order=50)

register_import(
    "hasil_pelatihan", TrainingResultResource, _("Hasil pelatihan"), "kompetensi.change_enrolment", RESULT_COLUMNS,
    help_text=_("Unduh daftar peserta dari halaman angkatan, isi kolom hasil (lulus/tidak) dan nilai, lalu unggah."),
    order=50,
)  # fmt: skip

register_import(
    "kamus_kompetensi",
    competency_resources.CompetencyResource,
    _("Kamus kompetensi (teknis)"),
    "kompetensi.add_competency",
    competency_resources.DICTIONARY_COLUMNS,
    help_text=_(
        "Satu baris per kompetensi teknis instansi Anda. Isi level_1..level_5 dengan deskripsi level dan "
        "indikator_1..indikator_5 dengan indikator perilaku (satu per baris, atau dipisah titik koma). Sel level yang "
        "kosong tidak mengubah teks yang sudah ada. Kompetensi nasional tidak diubah lewat impor."
    ),
    order=60,
)
register_import(
    "standar_kompetensi",
    competency_resources.JobStandardResource,
    _("Standar kompetensi jabatan"),
    "kompetensi.add_jobstandard",
    competency_resources.STANDARD_COLUMNS,
    help_text=_("Satu baris per jabatan dan kompetensi: level yang dipersyaratkan (1-5). Baris yang sudah ada diubah."),
    order=61,
)
register_import(
    "hasil_asesmen",
    competency_resources.AssessmentResultResource,
    _("Hasil asesmen kompetensi"),
    "kompetensi.add_evidence",
    competency_resources.RESULT_COLUMNS,
    help_text=_(
        "Satu baris per hasil: NIP (format Teks), kode kompetensi, level (1-5), tanggal asesmen, sumber "
        "(assessment_center atau uji_kompetensi) dan catatan. Setiap baris menjadi bukti kompetensi baru pegawai."
    ),
    order=62,
)

# 01:00 UTC = 08:00 WIB / 09:00 WITA / 10:00 WIT: the day-before reminders arrive in office hours
register_beat("kompetensi-session-reminders", "kompetensi.tasks.send_session_reminders", crontab(hour=1, minute=0))


@onboarding_steps.register("catalogue_editors", order=40)
def give_catalogue_editors(*, instansi, actor=None):
    for catalog in TrainingCatalogPage.objects.filter(instansi=instansi):
        ensure_catalogue_editors(catalog)
