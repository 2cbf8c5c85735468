"""URLs of the exchange with SIASN (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/kelola/siasn/", views.exchange, name="exchange"),
    path("kinerja/kelola/siasn/periode/<int:period_pk>/hasil/", views.annual_results, name="exchange_results"),
    path("kinerja/kelola/siasn/periode/<int:period_pk>/rencana/", views.plan, name="exchange_plan"),
    path("kinerja/kelola/siasn/diklat/", views.training, name="exchange_training"),
]
