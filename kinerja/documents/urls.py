"""URLs of the performance documents (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/skp/<int:pk>/pdf/", views.skp_pdf, name="skp_pdf"),
    path("kinerja/evaluasi/<int:pk>/pdf/", views.evaluation_pdf, name="evaluation_pdf"),
]
