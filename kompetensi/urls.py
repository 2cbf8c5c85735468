from django.urls import include, path

from . import views
from .competency import views as competency

app_name = "kompetensi"

urlpatterns = [
    path("pelatihan/", views.catalogue_home, name="catalogue"),
    path("pelatihan/saya/", views.my_learning, name="my_learning"),
    path("pelatihan/saya/kalender/", views.calendar_feed_create, name="calendar_feed_create"),
    path("pelatihan/kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("pelatihan/angkatan/<int:pk>/daftar/", views.enrol, name="enrol"),
    path("pelatihan/angkatan/<int:pk>/kalender.ics", views.session_ics, name="session_ics"),
    path("pelatihan/pendaftaran/<int:pk>/batal/", views.cancel, name="cancel"),
    path("pelatihan/pendaftaran/<int:pk>/evaluasi/", views.evaluation, name="evaluation"),
    path("pelatihan/pendaftaran/<int:pk>/sertifikat.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("pelatihan/presensi/<str:token>/", views.checkin, name="checkin"),
    path("pelatihan/jp/ajukan/", views.external_new, name="external_new"),
    path("pelatihan/jp/<int:pk>/bukti/", views.evidence, name="evidence"),
    path("pelatihan/persetujuan/", views.approvals, name="approvals"),
    path("pelatihan/persetujuan/sekaligus/", views.bulk_approve, name="bulk_approve"),
    path("pelatihan/persetujuan/<int:pk>/", views.decide, name="decide"),
    path("pelatihan/persetujuan/jp/<int:pk>/", views.decide_external, name="decide_external"),
    path("pelatihan/kelola/", views.organiser_sessions, name="organiser_sessions"),
    path("pelatihan/kelola/angkatan/baru/", views.session_form, name="session_create"),
    path("pelatihan/kelola/angkatan/<int:pk>/", views.session_manage, name="session_manage"),
    path("pelatihan/kelola/angkatan/<int:pk>/ubah/", views.session_form, name="session_edit"),
    path("pelatihan/kelola/angkatan/<int:pk>/unit/", views.session_enrol_unit, name="session_enrol_unit"),
    path("pelatihan/kelola/angkatan/<int:pk>/presensi/", views.session_attendance, name="session_attendance"),
    path("pelatihan/kelola/angkatan/<int:pk>/hasil/", views.session_results, name="session_results"),
    path("pelatihan/kelola/angkatan/<int:pk>/peserta.xlsx", views.session_participants_export, name="session_export"),
    path("pelatihan/kelola/angkatan/<int:pk>/qr.svg", views.session_qr, name="session_qr"),
    path("pelatihan/kelola/angkatan/<int:pk>/materi/", views.session_material_add, name="session_material_add"),
    path("pelatihan/kelola/materi/<int:pk>/hapus/", views.session_material_remove, name="session_material_remove"),
    path("pelatihan/materi/<int:pk>/unduh/", views.session_material, name="session_material"),
    path("pelatihan/kelola/sertifikat/<int:pk>/cabut/", views.certificate_revoke, name="certificate_revoke"),
    path("pelatihan/kepatuhan/", views.compliance, name="compliance"),
    path("pelatihan/kompetensi/", competency.my_competency, name="my_competency"),
    path("pelatihan/kompetensi/klaim/", competency.competency_claim, name="competency_claim"),
    path("pelatihan/kompetensi/bukti/<int:pk>/", competency.competency_evidence_file, name="competency_evidence_file"),
    path("pelatihan/kompetensi/verifikasi/", competency.competency_reviews, name="competency_reviews"),
    path("pelatihan/kompetensi/verifikasi/<int:pk>/", competency.competency_decide, name="competency_decide"),
    path("pelatihan/kompetensi/pegawai/<int:pk>/", competency.employee_competency, name="employee_competency"),
    path("sertifikat/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("kompetensi/rencana/", include("kompetensi.plans.urls")),
    path("kompetensi/organisasi/", include("kompetensi.insight.urls")),
    path("", include("kompetensi.mentoring.urls")),
]
