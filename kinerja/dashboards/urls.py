"""URL of the dashboard (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [path("dasbor/", views.dashboard, name="dashboard")]
