"""URLs of talent management (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("karier/talenta/", views.grid, name="talent_grid"),
    path("karier/talenta/daftar/", views.box_list, name="talent_list"),
    path("karier/talenta/kelompok/", views.pool, name="talent_pool"),
    path("karier/talenta/hitung-ulang/", views.recompute, name="talent_recompute"),
    path("karier/talenta/asesmen/", views.assessments, name="talent_assessments"),
    path("karier/talenta/asesmen/<int:pk>/hapus/", views.assessment_delete, name="talent_assessment_delete"),
    path("karier/talenta/suksesi/", views.plans, name="succession_plans"),
    path("karier/talenta/suksesi/<int:pk>/", views.plan, name="succession_plan"),
    path("karier/talenta/suksesi/<int:pk>/hapus/", views.plan_delete, name="succession_plan_delete"),
    path("karier/talenta/kandidat/<int:pk>/hapus/", views.candidate_remove, name="succession_candidate_remove"),
]
