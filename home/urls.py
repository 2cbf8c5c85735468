from django.urls import path
from wagtail.admin.auth import require_admin_access

from . import views
from .admin_audit import ScopedLogEntriesView

# Overrides of Wagtail admin views: home.urls is included before the admin, so these paths win over Wagtail's
admin_overrides = [
    path(
        "admin/reports/site-history/",
        require_admin_access(ScopedLogEntriesView.as_view()),
        name="home_site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(ScopedLogEntriesView.as_view(results_only=True)),
        name="home_site_history_results",
    ),
]

urlpatterns = [
    *admin_overrides,
    path("cari/", views.search, name="home_search"),
    path("halaman/<int:page_id>/konfirmasi/", views.acknowledge, name="home_acknowledge"),
    path("halaman/<int:page_id>/umpan-balik/", views.feedback, name="home_feedback"),
    path("bacaan-wajib/", views.reading_reports, name="home_reading_reports"),
    path("bacaan-wajib/<int:page_id>/", views.reading_report, name="home_reading_report"),
    path("bacaan-wajib/<int:page_id>/unduh/", views.reading_report_xlsx, name="home_reading_report_xlsx"),
    path("konten/pencarian-kosong/", views.search_gap_report, name="home_search_gaps"),
    path("konten/tinjauan/", views.review_due, name="home_review_due"),
    path("kebijakan/persetujuan/", views.approvals, name="home_approvals"),
    path("kebijakan/persetujuan/<int:task_state_id>/", views.approval_preview, name="home_approval_preview"),
    path("kebijakan/persetujuan/<int:task_state_id>/putuskan/", views.approval_decide, name="home_approval_decide"),
]
