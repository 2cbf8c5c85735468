from django.urls import path

from . import views

urlpatterns = [
    path("cari/", views.search, name="home_search"),
    path("halaman/<int:page_id>/konfirmasi/", views.acknowledge, name="home_acknowledge"),
    path("halaman/<int:page_id>/umpan-balik/", views.feedback, name="home_feedback"),
    path("bacaan-wajib/", views.reading_reports, name="home_reading_reports"),
    path("bacaan-wajib/<int:page_id>/", views.reading_report, name="home_reading_report"),
    path("bacaan-wajib/<int:page_id>/unduh/", views.reading_report_xlsx, name="home_reading_report_xlsx"),
    path("konten/pencarian-kosong/", views.search_gap_report, name="home_search_gaps"),
    path("konten/tinjauan/", views.review_due, name="home_review_due"),
]
