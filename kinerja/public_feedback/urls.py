"""URLs of public feedback (included in the `kinerja` namespace by kinerja/urls.py). The two under /umpan-balik/
are public (no login); everything under /kinerja/umpan-balik/ needs login."""

from django.urls import path

from . import views

urlpatterns = [
    path("umpan-balik/<str:token>/", views.public_form, name="public_feedback"),
    path("umpan-balik/<str:token>/terima-kasih/", views.public_thanks, name="public_feedback_thanks"),
    path("kinerja/umpan-balik/", views.points, name="feedback_points"),
    path("kinerja/umpan-balik/moderasi/", views.moderation, name="feedback_moderation"),
    path("kinerja/umpan-balik/titik/<int:pk>/aktif/", views.point_active, name="feedback_point_active"),
    path("kinerja/umpan-balik/titik/<int:pk>/qr.png", views.point_qr_png, name="feedback_point_qr_png"),
    path("kinerja/umpan-balik/titik/<int:pk>/qr.svg", views.point_qr_svg, name="feedback_point_qr_svg"),
    path("kinerja/umpan-balik/titik/<int:pk>/poster/", views.point_poster, name="feedback_point_poster"),
    path("kinerja/umpan-balik/unit/<int:pk>/", views.unit_results, name="feedback_unit"),
]
