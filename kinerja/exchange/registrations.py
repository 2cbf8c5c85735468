"""What the exchange with SIASN adds to the platform's registries (imported by kinerja/registrations.py)."""

from django.utils.translation import gettext_lazy as _

from portal import roles
from portal.importing.registry import register_import
from portal.navigation import register_nav

from .resources import IMPORT_COLUMNS, IMPORT_KIND, IMPORT_OPTIONAL, ImportedResultResource

register_nav("kinerja-exchange-manage", "kinerja/exchange/nav_manage.html", order=32, group="manage")

roles.register(
    "kinerja.exchange",
    {
        roles.ADMIN_SDM: roles.Needs(
            permissions=[f"kinerja.{action}_importedannualresult" for action in ("add", "change", "view")]
        )
    },
)

register_import(
    IMPORT_KIND, ImportedResultResource, _("Riwayat kinerja tahunan (SIASN)"), "kinerja.add_importedannualresult",
    IMPORT_COLUMNS, optional_columns=IMPORT_OPTIONAL, order=70,
    help_text=_(
        "Hasil evaluasi kinerja tahunan sebelum Lentera, dari riwayat SKP SIASN / e-Kinerja BKN: satu baris per "
        "pegawai dan tahun. NIP (format Teks) dan tahun wajib; predikat diisi di kuadranKinerja (Sangat Baik, Baik, "
        "Butuh Perbaikan, Kurang, Sangat Kurang) atau kuadranKinerjaNilai (1-5). Tahun yang sudah mempunyai evaluasi "
        "tahunan final di Lentera ditolak. Baris dengan NIP dan tahun yang sudah diimpor mengubah data itu."
    ),
)  # fmt: skip
