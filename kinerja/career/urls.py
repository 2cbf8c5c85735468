"""URLs of career development (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("karier/kenaikan-pangkat/", views.promotion, name="promotion"),
]
