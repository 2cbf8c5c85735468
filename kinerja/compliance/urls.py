"""URLs of the lateness pages (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/kelola/keterlambatan/", views.report, name="lateness"),
    path("kinerja/kelola/keterlambatan/unit/<int:pk>/", views.unit, name="lateness_unit"),
    path("kinerja/kelola/keterlambatan/penilai/<int:pk>/", views.evaluator, name="lateness_evaluator"),
    path("kinerja/skp/persetujuan/eskalasi/<int:pk>/ingatkan/", views.nudge, name="escalation_nudge"),
]
