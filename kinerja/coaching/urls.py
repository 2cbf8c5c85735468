"""URLs of coaching plans (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("karier/pembinaan/", views.plans, name="coaching_plans"),
    path("karier/pembinaan/baru/", views.new, name="coaching_new"),
    path("karier/pembinaan/<int:pk>/", views.detail, name="coaching_plan"),
    path("karier/pembinaan/<int:pk>/konfirmasi/", views.confirm, name="coaching_confirm"),
    path("karier/pembinaan/<int:pk>/selesai/", views.complete, name="coaching_complete"),
    path("karier/pembinaan/<int:pk>/batal/", views.cancel, name="coaching_cancel"),
    path("karier/pembinaan/<int:pk>/tindakan/", views.add_action, name="coaching_add_action"),
    path("karier/pembinaan/<int:pk>/pertemuan/", views.add_checkin, name="coaching_add_checkin"),
    path("karier/pembinaan/tindakan/<int:pk>/selesai/", views.action_done, name="coaching_action_done"),
    path("karier/pembinaan/tindakan/<int:pk>/daftar/", views.action_enrol, name="coaching_action_enrol"),
    path("karier/pembinaan/tindakan/<int:pk>/mentoring/", views.action_mentoring, name="coaching_action_mentoring"),
    path("karier/pembinaan/pertemuan/<int:pk>/catatan/", views.checkin_notes, name="coaching_checkin_notes"),
    path("karier/pembinaan/pertemuan/<int:pk>/tanggapan/", views.checkin_response, name="coaching_checkin_response"),
]
