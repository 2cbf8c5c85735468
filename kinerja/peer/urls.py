"""URLs of peer feedback (included in the `kinerja` namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/umpan-balik-rekan/", views.index, name="peer"),
    path("kinerja/umpan-balik-rekan/buka/", views.open_round, name="peer_open"),
    path("kinerja/umpan-balik-rekan/jawab/<int:pk>/", views.answer, name="peer_answer"),
    path("kinerja/umpan-balik-rekan/<int:pk>/", views.round_detail, name="peer_round"),
    path("kinerja/umpan-balik-rekan/<int:pk>/tutup/", views.close, name="peer_close"),
]
