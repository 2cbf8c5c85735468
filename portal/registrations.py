"""What the organisation core adds to the platform's registries (found by `portal.registry.discover`)."""

from django.utils.translation import gettext_lazy as _

from . import panels  # noqa: F401  (the portal's dashboard panels register themselves)
from .beat import register_beat
from .importing.registry import register_import
from .navigation import register_nav
from .notification_kinds import register_notification_kind
from .onboarding import onboarding_steps
from .resources import (
    IMPORT_COLUMNS,
    IMPORT_MORE_EXAMPLES,
    HukumanDisiplinResource,
    JabatanResource,
    PegawaiResource,
    UnitKerjaResource,
)
from .roles import ensure_instansi_groups

# emails that failed, or whose sender died, are sent again (with a backoff per notification)
register_beat("portal-resend-unsent-notifications", "portal.tasks.resend_unsent_notifications", 60.0, order=10)


@onboarding_steps.register("role_groups", order=10)
def give_role_groups(*, instansi, actor=None):
    ensure_instansi_groups(instansi)


register_import(
    "unit_kerja", UnitKerjaResource, _("Unit kerja"), "portal.add_unitkerja", IMPORT_COLUMNS["unit_kerja"],
    help_text=_("Kode induk boleh merujuk unit yang muncul di baris berikutnya."), order=10,
    more_examples=IMPORT_MORE_EXAMPLES["unit_kerja"],
)  # fmt: skip
register_import("jabatan", JabatanResource, _("Jabatan"), "portal.add_jabatan", IMPORT_COLUMNS["jabatan"], order=20)
register_import(
    "pegawai", PegawaiResource, _("Pegawai"), "portal.add_pegawai", IMPORT_COLUMNS["pegawai"],
    help_text=_(
        "Pegawai baru mendapat akun dengan nama pengguna = NIP (kata sandi diatur lewat lupa sandi). "
        "NIP atasan boleh merujuk pegawai yang muncul di baris berikutnya."
    ),
    order=30, more_examples=IMPORT_MORE_EXAMPLES["pegawai"], optional_columns=("pendidikan", "angka_kredit"),
)  # fmt: skip
register_import(
    "hukuman_disiplin", HukumanDisiplinResource, _("Hukuman disiplin"), "portal.add_hukumandisiplin",
    IMPORT_COLUMNS["hukuman_disiplin"],
    help_text=_(
        "Satu baris per hukuman disiplin (PP 94/2021): NIP (format Teks), tingkat (ringan/sedang/berat), jenis, "
        "tanggal mulai dan berakhir, nomor SK. Baris dengan NIP dan nomor SK yang sudah tercatat mengubah data itu."
    ),
    order=35,
)  # fmt: skip

# an import whose worker died is failed within IMPORT_STALE_AFTER_SECONDS plus this period
register_beat("import-stale-jobs", "portal.tasks.fail_stale_import_jobs", 5 * 60)
register_beat("import-upload-retention", "portal.tasks.delete_expired_import_uploads", 24 * 3600)

register_nav("portal-team", "portal/nav_team.html", order=5)
register_notification_kind(
    "portal.team_reminder",
    _("Pengingat dari %(name)s"),
    _("Mohon ditindaklanjuti: %(items)s."),
)
