"""URLs of the calibration pages (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/kalibrasi/", views.calibrations, name="calibrations"),
    path("kinerja/kalibrasi/<int:pk>/", views.calibration, name="calibration"),
]
