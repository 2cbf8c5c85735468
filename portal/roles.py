"""Role names (Django groups) and what each may do. docs/permissions.md is the human-readable matrix."""

from django.utils.translation import gettext_lazy as _

PEGAWAI = "Pegawai"
ATASAN = "Atasan"
ADMIN_KONTEN = "Admin Konten"
PENYELENGGARA = "Penyelenggara Pelatihan"
ADMIN_SDM = "Admin SDM"
PIMPINAN = "Pimpinan"
SUPERADMIN = "Superadmin"

ALL_ROLES = [PEGAWAI, ATASAN, ADMIN_KONTEN, PENYELENGGARA, ADMIN_SDM, PIMPINAN, SUPERADMIN]

ROLE_DESCRIPTIONS = {
    PEGAWAI: _("Setiap pegawai: membaca, mendaftar pelatihan, mengisi SKP."),
    ATASAN: _("Atasan langsung: menyetujui SKP dan pendaftaran bawahan, menilai kinerja."),
    ADMIN_KONTEN: _("Menerbitkan halaman intranet dan kampanye sosialisasi."),
    PENYELENGGARA: _("Mengelola kursus, angkatan, presensi, hasil dan sertifikat."),
    ADMIN_SDM: _("Data induk, kamus kompetensi, kalibrasi, keputusan karier — untuk instansinya."),
    PIMPINAN: _("Dasbor pimpinan dan persetujuan keputusan — untuk instansinya."),
    SUPERADMIN: _("Seluruh instansi dan pengaturan sistem."),
}

# Roles whose groups hold wagtailadmin.access_admin (GROUP_PERMISSIONS below).
ADMIN_ROLES = {ADMIN_KONTEN, PENYELENGGARA, ADMIN_SDM, PIMPINAN}

# Roles that see every record of their own instansi.
INSTANSI_WIDE_ROLES = {ADMIN_SDM, PIMPINAN}

# Model permissions granted to each group, as "app_label.codename". Wagtail page permissions are
# granted per page subtree by the module that owns those pages.
GROUP_PERMISSIONS = {
    PEGAWAI: [],
    ATASAN: [],
    ADMIN_KONTEN: [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
    ],
    PENYELENGGARA: [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.choose_image",
    ],
    ADMIN_SDM: [
        "wagtailadmin.access_admin",
        "portal.add_unitkerja",
        "portal.change_unitkerja",
        "portal.delete_unitkerja",
        "portal.view_unitkerja",
        "portal.add_jabatan",
        "portal.change_jabatan",
        "portal.delete_jabatan",
        "portal.view_jabatan",
        "portal.add_pegawai",
        "portal.change_pegawai",
        "portal.view_pegawai",
        "portal.view_pangkat",
        "portal.view_instansi",
        "portal.add_importjob",
        "portal.view_importjob",
    ],
    PIMPINAN: ["wagtailadmin.access_admin"],
    SUPERADMIN: [],  # superadmins are Django superusers
}
