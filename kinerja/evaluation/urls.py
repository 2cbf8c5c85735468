"""URLs of the evaluation pages (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/penilaian/", views.team, name="evaluations_team"),
    path("kinerja/hasil/", views.mine, name="evaluations_mine"),
    path("kinerja/evaluasi/<int:pk>/", views.detail, name="evaluation"),
    path("kinerja/keberatan/", views.appeals, name="appeals"),
    path("kinerja/keberatan/<int:pk>/", views.appeal_decide, name="appeal_decide"),
    path("kinerja/kelola/evaluasi/", views.hr_windows, name="hr_windows"),
    path("kinerja/kelola/periode/<int:period_pk>/buka-evaluasi/", views.hr_open, name="hr_open"),
]
