"""URLs of the HR service desk (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("layanan/", views.mine, name="service_mine"),
    path("layanan/baru/", views.new, name="service_new"),
    path("layanan/kelola/", views.queue, name="service_queue"),
    path("layanan/laporan/", views.report_page, name="service_report"),
    path("layanan/dokumen/<int:pk>/", views.document, name="service_document"),
    path("layanan/<int:pk>/", views.detail, name="service_request"),
    path("layanan/<int:pk>/ambil/", views.take, name="service_request_take"),
    path("layanan/<int:pk>/minta-kelengkapan/", views.ask, name="service_request_ask"),
    path("layanan/<int:pk>/lanjutkan/", views.resume, name="service_request_resume"),
    path("layanan/<int:pk>/selesaikan/", views.complete, name="service_request_complete"),
    path("layanan/<int:pk>/tolak/", views.reject, name="service_request_reject"),
    path("layanan/<int:pk>/pesan/", views.message, name="service_request_message"),
    path("layanan/<int:pk>/catatan/", views.note, name="service_request_note"),
    path("layanan/<int:pk>/dokumen/", views.upload, name="service_request_upload"),
    path("layanan/<int:pk>/survei/", views.survey, name="service_request_survey"),
]
